// HMAC (RFC 2104) over the hashes of this folder. An HMAC context is a running hash state and two
// keyed state headers (their buffers are empty, so the header is the whole state):
//   [0, 384)    running state (the inner hash of the current message)
//   [384, 464)  inner state keyed with K ⊕ ipad, one block absorbed
//   [464, 544)  outer state keyed with K ⊕ opad, one block absorbed
// Keying happens once; every final() restores the running state from the inner header, so a keyed
// context serves any number of messages without re-keying.
import {
  blockLength,
  copyHeader,
  digestLength,
  HASH_STATE_SIZE,
  MAX_BLOCK,
  ST_ALG,
  ST_BUF,
  ST_BUFLEN,
  ST_TOTAL,
  STATE_HEADER_SIZE,
} from "./state";
import { stateFinal, stateInit, stateUpdate } from "./stream";

/** Size of one HMAC context in bytes (rounded up to a multiple of 16). */
export const HMAC_CONTEXT_SIZE: usize = 576;

const INNER: usize = HASH_STATE_SIZE;
const OUTER: usize = HASH_STATE_SIZE + STATE_HEADER_SIZE;

/** Scratch for the padded key block. */
const KEY_BLOCK: usize = memory.data(MAX_BLOCK, 16);

/** Keys the context at `ctx` for algorithm `alg` with the `keyLen` bytes at `key` (RFC 2104 §2). */
export function hmacKey(ctx: usize, alg: i32, key: usize, keyLen: i32): void {
  const bl = blockLength(alg);
  if (keyLen > bl) {
    // Keys longer than a block are hashed first; the running state serves as scratch.
    stateInit(ctx, alg);
    stateUpdate(ctx, key, keyLen);
    stateFinal(ctx, KEY_BLOCK);
    keyLen = digestLength(alg);
  } else {
    memory.copy(KEY_BLOCK, key, <usize>keyLen);
  }
  memory.fill(KEY_BLOCK + <usize>keyLen, 0, <usize>(bl - keyLen));
  for (let i = 0; i < bl; i += 8) store<u64>(KEY_BLOCK + <usize>i, load<u64>(KEY_BLOCK + <usize>i) ^ 0x3636363636363636);
  // Absorb each padded key block in the running state, then keep its header (the buffer is empty).
  stateInit(ctx, alg);
  stateUpdate(ctx, KEY_BLOCK, bl);
  copyHeader(ctx + INNER, ctx);
  for (let i = 0; i < bl; i += 8) store<u64>(KEY_BLOCK + <usize>i, load<u64>(KEY_BLOCK + <usize>i) ^ 0x6a6a6a6a6a6a6a6a);
  stateInit(ctx, alg);
  stateUpdate(ctx, KEY_BLOCK, bl);
  copyHeader(ctx + OUTER, ctx);
  memory.fill(KEY_BLOCK, 0, MAX_BLOCK);
  copyHeader(ctx, ctx + INNER);
}

/** Absorbs `len` bytes at `p` into the message being authenticated. */
// @ts-ignore: decorator
@inline
export function hmacAbsorb(ctx: usize, p: usize, len: i32): void {
  stateUpdate(ctx, p, len);
}

/**
 * Writes the tag of the message absorbed so far to `out` and resets to the keyed state. The inner
 * digest is written straight into the running state's buffer, which then continues as the outer hash.
 */
export function hmacFinish(ctx: usize, out: usize): void {
  const alg = load<i32>(ctx + ST_ALG);
  const dl = digestLength(alg);
  stateFinal(ctx, ctx + ST_BUF);
  copyHeader(ctx, ctx + OUTER);
  store<i32>(ctx + ST_BUFLEN, dl);
  store<u64>(ctx + ST_TOTAL, <u64>(blockLength(alg) + dl));
  stateFinal(ctx, out);
  copyHeader(ctx, ctx + INNER);
}
