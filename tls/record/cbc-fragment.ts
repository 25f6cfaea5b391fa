// The sending half shared by both CBC record protections (MAC-then-encrypt and encrypt-then-MAC):
// minimal TLS padding and encryption with the IV rule of the version.
import type { CbcCipher } from "../provider.js";

/**
 * `parts` concatenated and padded to a multiple of `blockLength` with minimal TLS padding: n + 1 bytes
 * of value n (RFC 5246 §6.2.3.2; also valid SSL 3.0 padding, which only bounds n).
 */
export function padCbc(parts: readonly Uint8Array[], blockLength: number): Uint8Array {
  const unpadded = parts.reduce((n, part) => n + part.length, 0) + 1;
  const padLength = (blockLength - (unpadded % blockLength)) % blockLength;
  const block = new Uint8Array(unpadded + padLength);
  let at = 0;
  for (const part of parts) {
    block.set(part, at);
    at += part.length;
  }
  block.fill(padLength, at);
  return block;
}

/**
 * Encrypts a padded `block`. With `explicitIv` (TLS 1.1+, RFC 4346 §6.2.3.2) a fresh random IV is set
 * and sent before the ciphertext; otherwise (SSL 3.0, TLS 1.0) the cipher chains from the previous
 * record. The result has `spare` zero bytes at the end for a MAC to be written in place.
 */
export function encryptCbc(
  cipher: CbcCipher,
  block: Uint8Array,
  explicitIv: boolean,
  randomBytes: (n: number) => Uint8Array,
  spare = 0,
): Uint8Array {
  const iv = explicitIv ? randomBytes(cipher.blockLength) : new Uint8Array(0);
  if (explicitIv) cipher.setIv(iv);
  const encrypted = cipher.encrypt(block);
  if (!explicitIv && spare === 0) return encrypted;
  const out = new Uint8Array(iv.length + encrypted.length + spare);
  out.set(iv, 0);
  out.set(encrypted, iv.length);
  return out;
}
