// Layout of a hash state and the algorithm table shared by every hash in this folder.
//
// A hash state is HASH_STATE_SIZE bytes anywhere in WASM memory (a slot, or a static scratch area):
//   [0, 64)    chaining value: 4–5 u32 (MD5, SHA-1), 8 u32 (SHA-224/256) or 8 u64 (SHA-384/512)
//   [64, 192)  partial-block buffer (up to one 128-byte block)
//   192        total bytes absorbed (u64)
//   200        bytes waiting in the buffer (i32)
//   204        algorithm id (i32)

/** Algorithm ids, shared with bindings/hash-algorithms.ts. */
export const ALG_MD5: i32 = 0;
export const ALG_SHA1: i32 = 1;
export const ALG_SHA224: i32 = 2;
export const ALG_SHA256: i32 = 3;
export const ALG_SHA384: i32 = 4;
export const ALG_SHA512: i32 = 5;

/** Offsets inside a hash state. */
export const ST_H: usize = 0;
export const ST_BUF: usize = 64;
export const ST_TOTAL: usize = 192;
export const ST_BUFLEN: usize = 200;
export const ST_ALG: usize = 204;

/** Size of one hash state in bytes. */
export const HASH_STATE_SIZE: usize = 256;

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
