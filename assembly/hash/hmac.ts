// HMAC (RFC 2104) over the hashes of this folder. An HMAC context is three hash states:
//   [0, 256)    running state (the inner hash of the current message)
//   [256, 512)  inner state keyed with K ⊕ ipad, one block absorbed
//   [512, 768)  outer state keyed with K ⊕ opad, one block absorbed
// Keying happens once; every final() restores the running state from the inner one, so a keyed
// context serves any number of messages with two block compressions of keying saved per message.
import { blockLength, digestLength, HASH_STATE_SIZE, MAX_BLOCK, MAX_DIGEST, ST_ALG } from "./state";
import { stateFinal, stateInit, stateUpdate } from "./stream";

/** Size of one HMAC context in bytes. */
export const HMAC_CONTEXT_SIZE: usize = 3 * HASH_STATE_SIZE;

const INNER: usize = HASH_STATE_SIZE;
const OUTER: usize = 2 * HASH_STATE_SIZE;

/** Scratch for the padded key block and the inner digest. */
const KEY_BLOCK: usize = memory.data(MAX_BLOCK, 16);
const INNER_DIGEST: usize = memory.data(MAX_DIGEST, 16);

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
  stateInit(ctx + INNER, alg);
  stateUpdate(ctx + INNER, KEY_BLOCK, bl);
  for (let i = 0; i < bl; i += 8) store<u64>(KEY_BLOCK + <usize>i, load<u64>(KEY_BLOCK + <usize>i) ^ 0x6a6a6a6a6a6a6a6a);
  stateInit(ctx + OUTER, alg);
  stateUpdate(ctx + OUTER, KEY_BLOCK, bl);
  memory.fill(KEY_BLOCK, 0, MAX_BLOCK);
  memory.copy(ctx, ctx + INNER, HASH_STATE_SIZE);
}

/** Absorbs `len` bytes at `p` into the message being authenticated. */
// @ts-ignore: decorator
@inline
export function hmacAbsorb(ctx: usize, p: usize, len: i32): void {
  stateUpdate(ctx, p, len);
}

/** Writes the tag of the message absorbed so far to `out` and resets to the keyed state. */
export function hmacFinish(ctx: usize, out: usize): void {
  const alg = load<i32>(ctx + ST_ALG);
  stateFinal(ctx, INNER_DIGEST);
  memory.copy(ctx, ctx + OUTER, HASH_STATE_SIZE);
  stateUpdate(ctx, INNER_DIGEST, digestLength(alg));
  stateFinal(ctx, out);
  memory.copy(ctx, ctx + INNER, HASH_STATE_SIZE);
  memory.fill(INNER_DIGEST, 0, MAX_DIGEST);
}
