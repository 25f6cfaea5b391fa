// CryptoKey objects of the WebCrypto subset, and importKey/exportKey for raw, pkcs8, spki and jwk
// (W3C WebCrypto §14.3.9–10; JWK members per RFC 7517/7518). DER goes through tls/x509/keys.ts.
import type { RsaPrivateComponents, RsaPublicComponents } from "../../tls/provider.js";
import { DerReader, Tag } from "../../tls/x509/der.js";
import {
  decodeRsaPrivateKey,
  decodeRsaPublicKey,
  encodeRsaPrivateKeyPkcs8,
  encodeRsaPublicKeySpki,
} from "../../tls/x509/keys.js";
import { type AlgorithmInput, DIGESTS, hashMember, type KeyAlgorithmName, keyAlgorithm } from "./algorithms.js";
import { arrayBufferOf, bytesOf, decodeBase64Url, encodeBase64Url } from "./bytes.js";
import { webCryptoError } from "./errors.js";

/** Key formats of `importKey`/`exportKey`. */
export type KeyFormat = "raw" | "pkcs8" | "spki" | "jwk";
/** WebCrypto key usages. */
export type KeyUsage = "encrypt" | "decrypt" | "sign" | "verify" | "wrapKey" | "unwrapKey" | "deriveKey" | "deriveBits";
/** A JSON Web Key (RFC 7517/7518): the members this subset reads and writes. */
export interface Jwk {
  kty?: string;
  alg?: string;
  ext?: boolean;
  key_ops?: string[];
  k?: string;
  n?: string;
  e?: string;
  d?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
}

/** The `algorithm` member of a key, as WebCrypto describes it. */
export interface WasslKeyAlgorithm {
  name: KeyAlgorithmName;
  hash?: { name: string };
  length?: number;
  modulusLength?: number;
  publicExponent?: Uint8Array;
}

/** Key material, kept out of the key object's enumerable members. */
export type KeyMaterial =
  | { kind: "secret"; raw: Uint8Array }
  | { kind: "public"; rsa: RsaPublicComponents }
  | { kind: "private"; rsa: RsaPrivateComponents };

const MATERIAL = new WeakMap<WasslCryptoKey, KeyMaterial>();

/** A CryptoKey-shaped key: type, extractable, algorithm and usages; material is internal. */
export class WasslCryptoKey {
  constructor(
    readonly type: "secret" | "public" | "private",
    readonly extractable: boolean,
    readonly algorithm: WasslKeyAlgorithm,
    readonly usages: KeyUsage[],
    material: KeyMaterial,
  ) {
    MATERIAL.set(this, material);
  }
}

/** The material of a key made by this module (rejects foreign objects with InvalidAccessError). */
export function materialOf(key: unknown): KeyMaterial {
  const material = key instanceof WasslCryptoKey ? MATERIAL.get(key) : undefined;
  if (!material) throw webCryptoError("InvalidAccessError", "key was not created by wassl/webcrypto");
  return material;
}

const SECRET_USAGES: Record<string, readonly KeyUsage[]> = {
  HMAC: ["sign", "verify"],
  "AES-CBC": ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
  "AES-GCM": ["encrypt", "decrypt", "wrapKey", "unwrapKey"],
};
const JWK_HASH_SUFFIX: Record<string, string> = { "SHA-1": "1", "SHA-256": "256", "SHA-384": "384", "SHA-512": "512" };

function checkUsages(
  usages: readonly KeyUsage[],
  allowed: readonly KeyUsage[],
  type: WasslCryptoKey["type"],
): KeyUsage[] {
  const bad = usages.find((u) => !allowed.includes(u));
  if (bad) throw webCryptoError("SyntaxError", `usage "${bad}" is not valid for this key`);
  if (type !== "public" && usages.length === 0)
    throw webCryptoError("SyntaxError", "a secret or private key needs usages");
  return [...new Set(usages)];
}

function jwkAlg(algorithm: WasslKeyAlgorithm): string {
  if (algorithm.name === "HMAC") return `HS${JWK_HASH_SUFFIX[algorithm.hash?.name ?? ""]}`;
  if (algorithm.name === "AES-CBC" || algorithm.name === "AES-GCM")
    return `A${algorithm.length}${algorithm.name.slice(4)}`;
  return `${algorithm.name === "RSA-PSS" ? "PS" : "RS"}${JWK_HASH_SUFFIX[algorithm.hash?.name ?? ""]}`;
}

function readJwk(keyData: unknown, kty: string, extractable: boolean, usages: readonly KeyUsage[]): Jwk {
  if (
    keyData === null ||
    typeof keyData !== "object" ||
    ArrayBuffer.isView(keyData) ||
    keyData instanceof ArrayBuffer
  ) {
    throw webCryptoError("TypeError", "jwk key data must be a JsonWebKey object");
  }
  const jwk = keyData as Jwk;
  if (jwk.kty !== kty) throw webCryptoError("DataError", `JWK kty must be "${kty}"`);
  if (jwk.ext === false && extractable)
    throw webCryptoError("DataError", "JWK ext is false but extractable was requested");
  if (Array.isArray(jwk.key_ops) && usages.some((u) => !jwk.key_ops?.includes(u))) {
    throw webCryptoError("DataError", "usages exceed the JWK key_ops");
  }
  return jwk;
}

function rsaBits(n: Uint8Array): number {
  let i = 0;
  while (i < n.length && n[i] === 0) i++;
  return i === n.length ? 0 : (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]));
}

/**
 * The outer structure WebCrypto requires for `format` (tls/x509/keys.ts also accepts the PKCS#1 forms):
 * PrivateKeyInfo = SEQUENCE { INTEGER, SEQUENCE, … }, SubjectPublicKeyInfo = SEQUENCE { SEQUENCE, … }.
 */
function requireWrapped(format: "pkcs8" | "spki", bytes: Uint8Array): Uint8Array {
  const inner = new DerReader(DerReader.single(bytes).contents);
  if (format === "pkcs8") inner.smallInteger();
  if (inner.peekTag() !== Tag.SEQUENCE)
    throw new Error(`not a ${format === "pkcs8" ? "PKCS#8 PrivateKeyInfo" : "SubjectPublicKeyInfo"}`);
  return bytes;
}

function der<T>(decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw webCryptoError("DataError", `invalid key data: ${(error as Error).message}`);
  }
}

function importSecret(
  format: KeyFormat,
  keyData: unknown,
  alg: Record<string, unknown> & { name: KeyAlgorithmName },
  extractable: boolean,
  usages: KeyUsage[],
): WasslCryptoKey {
  const algorithm: WasslKeyAlgorithm = { name: alg.name };
  if (alg.name === "HMAC") algorithm.hash = { name: hashMember(alg.hash, "importKey") };
  let raw: Uint8Array;
  if (format === "raw") raw = bytesOf(keyData, "key data");
  else if (format === "jwk") {
    const jwk = readJwk(keyData, "oct", extractable, usages);
    raw = decodeBase64Url(jwk.k, "k");
    algorithm.length = raw.length * 8;
    if (jwk.alg !== undefined && jwk.alg !== jwkAlg(algorithm))
      throw webCryptoError("DataError", `JWK alg ${String(jwk.alg)} does not match`);
  } else throw webCryptoError("NotSupportedError", `${alg.name} keys cannot be imported as ${format}`);
  if (alg.name === "HMAC") {
    if (raw.length === 0) throw webCryptoError("DataError", "HMAC key must not be empty");
    if (alg.length !== undefined && alg.length !== raw.length * 8)
      throw webCryptoError("DataError", "HMAC length does not match the key");
  } else if (![16, 24, 32].includes(raw.length))
    throw webCryptoError("DataError", "AES key must be 128, 192 or 256 bits");
  algorithm.length = raw.length * 8;
  return new WasslCryptoKey("secret", extractable, algorithm, checkUsages(usages, SECRET_USAGES[alg.name], "secret"), {
    kind: "secret",
    raw,
  });
}

function importRsa(
  format: KeyFormat,
  keyData: unknown,
  alg: Record<string, unknown> & { name: KeyAlgorithmName },
  extractable: boolean,
  usages: KeyUsage[],
): WasslCryptoKey {
  const hash = hashMember(alg.hash, "importKey");
  let material: KeyMaterial;
  if (format === "spki")
    material = {
      kind: "public",
      rsa: der(() => decodeRsaPublicKey(requireWrapped("spki", bytesOf(keyData, "key data")))),
    };
  else if (format === "pkcs8")
    material = {
      kind: "private",
      rsa: der(() => decodeRsaPrivateKey(requireWrapped("pkcs8", bytesOf(keyData, "key data")))),
    };
  else if (format === "jwk") {
    const jwk = readJwk(keyData, "RSA", extractable, usages);
    const field = (name: keyof Jwk) => decodeBase64Url(jwk[name], name);
    const pub = { n: field("n"), e: field("e") };
    material =
      jwk.d === undefined
        ? { kind: "public", rsa: pub }
        : {
            kind: "private",
            rsa: {
              ...pub,
              d: field("d"),
              p: field("p"),
              q: field("q"),
              dp: field("dp"),
              dq: field("dq"),
              qinv: field("qi"),
            },
          };
    const expected = jwkAlg({ name: alg.name, hash: { name: hash } });
    if (jwk.alg !== undefined && jwk.alg !== expected)
      throw webCryptoError("DataError", `JWK alg ${String(jwk.alg)} does not match ${expected}`);
  } else throw webCryptoError("NotSupportedError", `${alg.name} keys cannot be imported as ${format}`);
  const algorithm: WasslKeyAlgorithm = {
    name: alg.name,
    modulusLength: rsaBits(material.rsa.n),
    publicExponent: material.rsa.e.slice(),
    hash: { name: hash },
  };
  const allowed: KeyUsage[] = material.kind === "private" ? ["sign"] : ["verify"];
  return new WasslCryptoKey(
    material.kind,
    extractable,
    algorithm,
    checkUsages(usages, allowed, material.kind),
    material,
  );
}

/** SubtleCrypto.importKey for HMAC, AES-CBC, AES-GCM, RSASSA-PKCS1-v1_5 and RSA-PSS. */
export function importKey(
  format: KeyFormat,
  keyData: unknown,
  algorithmInput: AlgorithmInput,
  extractable: boolean,
  usages: KeyUsage[],
): WasslCryptoKey {
  if (!["raw", "pkcs8", "spki", "jwk"].includes(format))
    throw webCryptoError("NotSupportedError", `key format ${String(format)}`);
  const alg = keyAlgorithm(algorithmInput, "importKey");
  return alg.name in SECRET_USAGES
    ? importSecret(format, keyData, alg, extractable, usages)
    : importRsa(format, keyData, alg, extractable, usages);
}

function rsaJwk(material: Extract<KeyMaterial, { kind: "public" | "private" }>): Jwk {
  const fields: [string, Uint8Array][] = [
    ["n", material.rsa.n],
    ["e", material.rsa.e],
  ];
  if (material.kind === "private") {
    const r = material.rsa;
    fields.push(["d", r.d], ["p", r.p], ["q", r.q], ["dp", r.dp], ["dq", r.dq], ["qi", r.qinv]);
  }
  return { kty: "RSA", ...Object.fromEntries(fields.map(([name, value]) => [name, encodeBase64Url(value)])) } as Jwk;
}

/** SubtleCrypto.exportKey: raw/jwk for secret keys, spki/jwk for public keys, pkcs8/jwk for private keys. */
export function exportKey(format: KeyFormat, key: WasslCryptoKey): ArrayBuffer | Jwk {
  const material = materialOf(key);
  if (!key.extractable) throw webCryptoError("InvalidAccessError", "key is not extractable");
  if (format === "jwk") {
    const body = material.kind === "secret" ? { kty: "oct", k: encodeBase64Url(material.raw) } : rsaJwk(material);
    return { ...body, alg: jwkAlg(key.algorithm), key_ops: [...key.usages], ext: true };
  }
  if (material.kind === "secret" && format === "raw") return arrayBufferOf(material.raw);
  if (material.kind === "public" && format === "spki") return arrayBufferOf(encodeRsaPublicKeySpki(material.rsa));
  if (material.kind === "private" && format === "pkcs8") return arrayBufferOf(encodeRsaPrivateKeyPkcs8(material.rsa));
  if (!["raw", "pkcs8", "spki"].includes(format))
    throw webCryptoError("NotSupportedError", `key format ${String(format)}`);
  throw webCryptoError("InvalidAccessError", `a ${key.type} ${key.algorithm.name} key cannot be exported as ${format}`);
}

/** The provider digest name of a key's hash (HMAC and RSA keys). */
export function keyHash(key: WasslCryptoKey): (typeof DIGESTS)[string] {
  return DIGESTS[key.algorithm.hash?.name ?? ""];
}
