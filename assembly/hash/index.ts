// Hashes, HMAC and the TLS PRFs: the exports the bindings call (bindings/hash*.ts, hmac.ts, prf.ts).
//
// Contexts live in two static slot arrays (hash states and HMAC contexts); the bindings hand slots
// out with a SlotPool. One-shot calls use static scratch states and need no slot.
import { IO_PTR, IO_SIZE } from "../io/index";
import { HMAC_CONTEXT_SIZE, hmacFinish, hmacKey } from "./hmac";
import { HASH_STATE_SIZE, MAX_DIGEST } from "./state";
import { digestInPlace, stateFinal, stateInit, stateUpdate } from "./stream";

export { hkdfExpand, prfSsl3, prfTls10, prfTls12 } from "./prf";

/** Number of hash-state slots (live `sha256.create()` … contexts). */
const HASH_SLOTS: i32 = 2048;
/** Number of HMAC-context slots (live `hmac.create()` contexts). */
const HMAC_SLOTS: i32 = 2048;

const HASH_SLOT_BASE: usize = memory.data(HASH_SLOTS * <i32>HASH_STATE_SIZE, 16);
const HMAC_SLOT_BASE: usize = memory.data(HMAC_SLOTS * <i32>HMAC_CONTEXT_SIZE, 16);

/** Scratch states for one-shot calls, and the digest output area. */
const SCRATCH_HASH: usize = memory.data(<i32>HASH_STATE_SIZE, 16);
const SCRATCH_HMAC: usize = memory.data(<i32>HMAC_CONTEXT_SIZE, 16);
const DIGEST_OUT: usize = memory.data(MAX_DIGEST, 16);

/** Room the one-shot hash needs after its input for in-place padding. */
const ONESHOT_PAD_ROOM: i32 = 256;

/** Address of the hash-state slot array. */
export function hashSlotBase(): usize {
  return HASH_SLOT_BASE;
}

/** Number of hash-state slots. */
export function hashSlotCount(): i32 {
  return HASH_SLOTS;
}

/** Size of one hash-state slot in bytes. */
export function hashSlotSize(): i32 {
  return <i32>HASH_STATE_SIZE;
}

/** Address of the HMAC-context slot array. */
export function hmacSlotBase(): usize {
  return HMAC_SLOT_BASE;
}

/** Number of HMAC-context slots. */
export function hmacSlotCount(): i32 {
  return HMAC_SLOTS;
}

/** Size of one HMAC-context slot in bytes. */
export function hmacSlotSize(): i32 {
  return <i32>HMAC_CONTEXT_SIZE;
}

/** Address where hashFinal, hashOneshot, hmacFinal and hmacOneshot write their digest. */
export function hashDigestPtr(): usize {
  return DIGEST_OUT;
}

/** Longest input hashOneshot accepts (the I/O region minus the room for in-place padding). */
export function hashOneshotMax(): i32 {
  return IO_SIZE - ONESHOT_PAD_ROOM;
}

/** Starts a hash of algorithm `alg` (0 MD5, 1 SHA-1, 2 SHA-224, 3 SHA-256, 4 SHA-384, 5 SHA-512). */
export function hashInit(state: usize, alg: i32): void {
  stateInit(state, alg);
}

/** Absorbs `len` bytes at `p`. */
export function hashUpdate(state: usize, p: usize, len: i32): void {
  stateUpdate(state, p, len);
}

/** Finishes the hash and writes the digest to the digest area. */
export function hashFinal(state: usize): void {
  stateFinal(state, DIGEST_OUT);
}

/** One-shot hash of the first `len` bytes of the I/O region (len ≤ hashOneshotMax()). */
export function hashOneshot(alg: i32, len: i32): void {
  if (len > IO_SIZE - ONESHOT_PAD_ROOM) unreachable();
  digestInPlace(alg, SCRATCH_HASH, IO_PTR, len, DIGEST_OUT);
}

/** Keys the HMAC context `ctx` (RFC 2104) for algorithm `alg`. */
export function hmacInit(ctx: usize, alg: i32, key: usize, keyLen: i32): void {
  hmacKey(ctx, alg, key, keyLen);
}

/** Absorbs `len` bytes at `p` into the HMAC message. */
export function hmacUpdate(ctx: usize, p: usize, len: i32): void {
  stateUpdate(ctx, p, len);
}

/** Writes the tag to the digest area and resets the context to its keyed state. */
export function hmacFinal(ctx: usize): void {
  hmacFinish(ctx, DIGEST_OUT);
}

/** One-shot HMAC of `len` bytes at `p` under the `keyLen`-byte key at `key`; tag to the digest area. */
export function hmacOneshot(alg: i32, key: usize, keyLen: i32, p: usize, len: i32): void {
  hmacKey(SCRATCH_HMAC, alg, key, keyLen);
  stateUpdate(SCRATCH_HMAC, p, len);
  hmacFinish(SCRATCH_HMAC, DIGEST_OUT);
  memory.fill(SCRATCH_HMAC, 0, HMAC_CONTEXT_SIZE);
}
