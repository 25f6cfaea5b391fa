// Layout of a hash state and the algorithm table shared by every hash in this folder.
//
// A hash state is HASH_STATE_SIZE bytes anywhere in WASM memory (a slot, or a static scratch area):
//   [0, 64)     chaining value: 4–5 u32 (MD5, SHA-1), 8 u32 (SHA-224/256) or 8 u64 (SHA-384/512)
//   64          total bytes absorbed (u64)
//   72          bytes waiting in the buffer (i32)
//   76          algorithm id (i32)
//   [128, 384)  partial-block buffer, with room for two blocks so that final() pads in place
// The first STATE_HEADER_SIZE bytes are the whole state whenever the buffer is empty (a keyed HMAC state).

/** Algorithm ids, shared with bindings/hash-algorithms.ts. */
export const ALG_MD5: i32 = 0;
export const ALG_SHA1: i32 = 1;
export const ALG_SHA224: i32 = 2;
export const ALG_SHA256: i32 = 3;
export const ALG_SHA384: i32 = 4;
export const ALG_SHA512: i32 = 5;

/** Offsets inside a hash state. */
export const ST_H: usize = 0;
export const ST_TOTAL: usize = 64;
export const ST_BUFLEN: usize = 72;
export const ST_ALG: usize = 76;
export const ST_BUF: usize = 128;

/** Bytes before the buffer that carry the state when the buffer is empty. */
export const STATE_HEADER_SIZE: usize = 80;

/** Size of one hash state in bytes. */
export const HASH_STATE_SIZE: usize = 384;

/** Largest digest (SHA-512) and block (SHA-384/512) sizes. */
export const MAX_DIGEST: i32 = 64;
export const MAX_BLOCK: i32 = 128;

/** Block size in bytes of algorithm `alg`. */
// @ts-ignore: decorator
@inline
export function blockLength(alg: i32): i32 {
  return alg >= ALG_SHA384 ? 128 : 64;
}

/** log2 of the block size of algorithm `alg`. */
// @ts-ignore: decorator
@inline
export function blockShift(alg: i32): i32 {
  return alg >= ALG_SHA384 ? 7 : 6;
}

/** Digest size in bytes of algorithm `alg`. */
export function digestLength(alg: i32): i32 {
  switch (alg) {
    case ALG_MD5:
      return 16;
    case ALG_SHA1:
      return 20;
    case ALG_SHA224:
      return 28;
    case ALG_SHA256:
      return 32;
    case ALG_SHA384:
      return 48;
    default:
      return 64;
  }
}

/** Copies the header (chaining value, counters, algorithm) of state `src` to `dst`: 10 × 8 bytes. */
// @ts-ignore: decorator
@inline
export function copyHeader(dst: usize, src: usize): void {
  store<u64>(dst, load<u64>(src, 0), 0);
  store<u64>(dst, load<u64>(src, 8), 8);
  store<u64>(dst, load<u64>(src, 16), 16);
  store<u64>(dst, load<u64>(src, 24), 24);
  store<u64>(dst, load<u64>(src, 32), 32);
  store<u64>(dst, load<u64>(src, 40), 40);
  store<u64>(dst, load<u64>(src, 48), 48);
  store<u64>(dst, load<u64>(src, 56), 56);
  store<u64>(dst, load<u64>(src, 64), 64);
  store<u64>(dst, load<u64>(src, 72), 72);
}

/**
 * Copies `len` bytes; short copies (the common case: partial blocks, digests) use plain loads and
 * stores, which beat the call behind memory.copy for a few dozen bytes.
 */
export function copyBytes(dst: usize, src: usize, len: i32): void {
  if (len > 128) {
    memory.copy(dst, src, <usize>len);
    return;
  }
  let i = 0;
  for (; i + 8 <= len; i += 8) store<u64>(dst + <usize>i, load<u64>(src + <usize>i));
  for (; i < len; i++) store<u8>(dst + <usize>i, load<u8>(src + <usize>i));
}
