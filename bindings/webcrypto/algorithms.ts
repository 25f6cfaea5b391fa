// Algorithm identifiers of the WebCrypto subset and their normalization (W3C WebCrypto §18.4: names are
// matched case-insensitively and returned in their registered spelling; `hash` may be a string or
// `{ name }`).
import type { HashName } from "../../tls/provider.js";
import { webCryptoError } from "./errors.js";

/** Digest algorithms: WebCrypto name → provider name. */
export const DIGESTS: Readonly<Record<string, HashName>> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/** Key algorithms this subset implements. */
export type KeyAlgorithmName = "HMAC" | "AES-CBC" | "AES-GCM" | "RSASSA-PKCS1-v1_5" | "RSA-PSS";

const KEY_ALGORITHMS: readonly KeyAlgorithmName[] = ["HMAC", "AES-CBC", "AES-GCM", "RSASSA-PKCS1-v1_5", "RSA-PSS"];

/** An algorithm argument: a name or a dictionary with `name` and algorithm-specific members. */
export type AlgorithmInput = string | ({ name: string } & Record<string, unknown>);

/** The dictionary form of `input` with its `name` in registered spelling. */
export function normalize(
  input: AlgorithmInput,
  registered: readonly string[],
  operation: string,
): Record<string, unknown> & { name: string } {
  const dict = typeof input === "string" ? { name: input } : input;
  if (dict === null || typeof dict !== "object" || typeof dict.name !== "string") {
    throw webCryptoError("TypeError", `${operation}: algorithm must be a name or an object with a name`);
  }
  const name = registered.find((r) => r.toUpperCase() === dict.name.toUpperCase());
  if (!name)
    throw webCryptoError(
      "NotSupportedError",
      `${operation}: algorithm ${dict.name} is not supported by wassl/webcrypto`,
    );
  return { ...dict, name };
}

/** Normalizes a key algorithm name (HMAC, AES-CBC, AES-GCM, RSASSA-PKCS1-v1_5, RSA-PSS). */
export function keyAlgorithm(
  input: AlgorithmInput,
  operation: string,
): Record<string, unknown> & { name: KeyAlgorithmName } {
  return normalize(input, KEY_ALGORITHMS, operation) as Record<string, unknown> & { name: KeyAlgorithmName };
}

/** Normalizes a `hash` member to its WebCrypto name ("SHA-256", …). */
export function hashMember(hash: unknown, operation: string): string {
  if (hash === undefined) throw webCryptoError("TypeError", `${operation}: hash is required`);
  return normalize(hash as AlgorithmInput, Object.keys(DIGESTS), operation).name;
}
