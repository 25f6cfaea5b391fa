// TLS PRFs (RFC 2246 §5, RFC 5246 §5, RFC 6101 §6.2.2) built on any keyed HMAC / hash, used by the
// node:crypto reference provider.
import type { HashName } from "../../tls/provider.js";
import { concatBytes } from "../bytes.js";

/** A one-shot HMAC function. */
export type HmacFn = (hash: HashName, key: Uint8Array, data: Uint8Array) => Uint8Array;
/** A one-shot hash function. */
export type HashFn = (hash: HashName, data: Uint8Array) => Uint8Array;

const ascii = (text: string) => new TextEncoder().encode(text);

/** P_hash(secret, seed) of RFC 5246 §5, truncated to `length` bytes. */
export function pHash(hmac: HmacFn, hash: HashName, secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let a = seed;
  for (let off = 0; off < length; ) {
    a = hmac(hash, secret, a);
    const block = hmac(hash, secret, concatBytes(a, seed));
    out.set(block.subarray(0, Math.min(block.length, length - off)), off);
    off += block.length;
  }
  return out;
}

/** TLS 1.2 PRF: P_<hash>(secret, label ‖ seed). */
export function prfTls12With(
  hmac: HmacFn,
  hash: "sha256" | "sha384",
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): Uint8Array {
  return pHash(hmac, hash, secret, concatBytes(ascii(label), seed), length);
}

/** TLS 1.0/1.1 PRF: P_MD5(S1, label ‖ seed) ⊕ P_SHA1(S2, label ‖ seed), S1/S2 the (overlapping) halves. */
export function prfTls10With(
  hmac: HmacFn,
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): Uint8Array {
  const half = Math.ceil(secret.length / 2);
  const labelSeed = concatBytes(ascii(label), seed);
  const md5 = pHash(hmac, "md5", secret.subarray(0, half), labelSeed, length);
  const sha1 = pHash(hmac, "sha1", secret.subarray(secret.length - half), labelSeed, length);
  for (let i = 0; i < length; i++) md5[i] ^= sha1[i];
  return md5;
}

/** SSL 3.0 key derivation: MD5(secret ‖ SHA1("A" ‖ secret ‖ seed)) ‖ MD5(secret ‖ SHA1("BB" ‖ …)) ‖ … */
export function prfSsl3With(digest: HashFn, secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0, off = 0; off < length; i++) {
    if (i >= 26) throw new RangeError("SSL 3.0 key derivation is limited to 416 bytes");
    const letters = new Uint8Array(i + 1).fill(0x41 + i);
    const inner = digest("sha1", concatBytes(letters, secret, seed));
    const block = digest("md5", concatBytes(secret, inner));
    out.set(block.subarray(0, Math.min(16, length - off)), off);
    off += 16;
  }
  return out;
}
