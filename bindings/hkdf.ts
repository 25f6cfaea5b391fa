// HKDF (RFC 5869) over any hash; expand runs inside WASM in one call.
import type { HashName } from "../tls/provider.js";
import { type HashFunction, resolveHash } from "./hash.js";
import { hashCore, inputTooLarge } from "./hash-core.js";
import { hmac } from "./hmac.js";

/**
 * HKDF-Extract (RFC 5869 §2.2): PRK = HMAC(salt, ikm). An empty salt means HashLen zero bytes,
 * which HMAC's zero-padding of the key makes identical.
 */
export function hkdfExtract(hash: HashFunction | HashName, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return hmac(hash, salt, ikm);
}

/**
 * HKDF-Expand (RFC 5869 §2.3): `length` bytes (at most 255 × HashLen) of output keying material.
 * @example hkdfExpand(sha256, prk, info, 42)
 */
export function hkdfExpand(
  hash: HashFunction | HashName,
  prk: Uint8Array,
  info: Uint8Array,
  length: number,
): Uint8Array {
  const algorithm = resolveHash(hash);
  const max = 255 * algorithm.outputLength;
  if (!Number.isInteger(length) || length < 0 || length > max) inputTooLarge("HKDF-Expand output", max);
  const core = hashCore();
  const staged = prk.length + info.length;
  if (staged > core.io.length) inputTooLarge("prk + info", core.io.length);
  core.io.set(prk);
  core.io.set(info, prk.length);
  core.ex.hkdfExpand(algorithm.id, core.ioPtr, prk.length, core.ioPtr + prk.length, info.length, core.io2Ptr, length);
  const out = core.io2.slice(0, length);
  core.io.fill(0, 0, staged);
  core.io2.fill(0, 0, length);
  return out;
}
