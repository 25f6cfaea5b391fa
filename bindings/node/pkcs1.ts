// PKCS#1 encodings (RFC 8017) in TypeScript, for the node:crypto reference provider, which reaches
// RSA only through raw (RSA_NO_PADDING) operations so that every padding decision is visible here.
import type { HashName, SignatureHash } from "../../tls/provider.js";
import type { HashFn } from "./prf.js";

/** DER DigestInfo prefixes (RFC 8017 §9.2 note 1); "md5-sha1" has none (TLS 1.0/1.1). */
export const DIGEST_INFO_PREFIX: Record<SignatureHash, string> = {
  md5: "3020300c06082a864886f70d020505000410",
  sha1: "3021300906052b0e03021a05000414",
  sha224: "302d300d06096086480165030402040500041c",
  sha256: "3031300d060960864801650304020105000420",
  sha384: "3041300d060960864801650304020205000430",
  sha512: "3051300d060960864801650304020305000440",
  "md5-sha1": "",
};

/** Digest sizes in bytes. */
export const DIGEST_LENGTH: Record<SignatureHash, number> = {
  md5: 16,
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
  "md5-sha1": 36,
};

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));

/** EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2): 00 01 FF…FF 00 DigestInfo ‖ digest, `emLength` bytes. */
export function emsaPkcs1v15(hash: SignatureHash, digest: Uint8Array, emLength: number): Uint8Array {
  if (digest.length !== DIGEST_LENGTH[hash]) throw new RangeError(`digest must be ${DIGEST_LENGTH[hash]} bytes`);
  const t = new Uint8Array([...fromHex(DIGEST_INFO_PREFIX[hash]), ...digest]);
  if (emLength < t.length + 11) throw new RangeError("RSA modulus too short for this digest");
  const em = new Uint8Array(emLength).fill(0xff);
  em[0] = 0;
  em[1] = 1;
  em[emLength - t.length - 1] = 0;
  em.set(t, emLength - t.length);
  return em;
}

/** MGF1 (RFC 8017 §B.2.1). */
export function mgf1(digest: HashFn, hash: HashName, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const input = new Uint8Array(seed.length + 4);
  input.set(seed);
  for (let counter = 0, off = 0; off < length; counter++) {
    new DataView(input.buffer).setUint32(seed.length, counter);
    const block = digest(hash, input);
    out.set(block.subarray(0, Math.min(block.length, length - off)), off);
    off += block.length;
  }
  return out;
}

function pssM(mHash: Uint8Array, salt: Uint8Array): Uint8Array {
  const m = new Uint8Array(8 + mHash.length + salt.length);
  m.set(mHash, 8);
  m.set(salt, 8 + mHash.length);
  return m;
}

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with salt length = digest length. */
export function emsaPssEncode(
  digest: HashFn,
  hash: HashName,
  mHash: Uint8Array,
  salt: Uint8Array,
  modBits: number,
): Uint8Array {
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = mHash.length;
  if (emLen < hLen + salt.length + 2) throw new RangeError("RSA modulus too short for PSS");
  const h = digest(hash, pssM(mHash, salt));
  const db = new Uint8Array(emLen - hLen - 1);
  db[db.length - salt.length - 1] = 1;
  db.set(salt, db.length - salt.length);
  const mask = mgf1(digest, hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0xff >>> (8 * emLen - emBits);
  const em = new Uint8Array(emLen);
  em.set(db);
  em.set(h, db.length);
  em[emLen - 1] = 0xbc;
  return em;
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with salt length = digest length. `em` is the full modulus-size block. */
export function emsaPssVerify(
  digest: HashFn,
  hash: HashName,
  mHash: Uint8Array,
  block: Uint8Array,
  modBits: number,
): boolean {
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  if (block.length - emLen > 1 || (block.length > emLen && block[0] !== 0)) return false;
  const em = block.subarray(block.length - emLen);
  const hLen = mHash.length;
  if (emLen < 2 * hLen + 2 || em[emLen - 1] !== 0xbc) return false;
  const db = em.slice(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topMask = 0xff >>> (8 * emLen - emBits);
  if ((db[0] & ~topMask) !== 0) return false;
  const mask = mgf1(digest, hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= topMask;
  const psLen = emLen - 2 * hLen - 2;
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false;
  if (db[psLen] !== 1) return false;
  const expected = digest(hash, pssM(mHash, db.subarray(db.length - hLen)));
  return expected.every((b, i) => b === h[i]);
}
