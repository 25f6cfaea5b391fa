// AES-GCM (NIST SP 800-38D): AEAD over an AES context slot. The bindings drive it as
// gcmStart → gcmAad* → (gcmEncrypt* | gcmGhash* then gcmCheckTag then gcmCtr*) → gcmTag, where every
// chunk but the last of each phase is a multiple of 16 bytes.
import { AES_RK, AES_ROUNDS, AES_TK, aesEcbEncrypt, aesInit } from "./aes";
import { encryptBitsliced, loadRoundKeysBitsliced } from "./aes-bitsliced";
import { encrypt4XorTowerV, encryptTowerV } from "./aes-simd";
import { ghashUpdate } from "./ghash";
import { slotPtr } from "./slots";

const GCM_H: usize = 272; // hash subkey as [h1, h0] (big-endian halves)
const GCM_J0: usize = 288; // pre-counter block J0
const GCM_EJ0: usize = 304; // E(K, J0), masks the tag
const GCM_Y: usize = 320; // GHASH accumulator [y1, y0]
const GCM_ALEN: usize = 336; // AAD bytes absorbed (u64)
const GCM_CLEN: usize = 344; // ciphertext bytes absorbed (u64)
const GCM_CTR: usize = 352; // next counter block

/** Keystream scratch (up to four counter blocks). */
const KS: usize = memory.data(64, 16);
const TAG: usize = memory.data(16, 16);

/** Keys the slot: AES key schedule and H = E(K, 0^128) (§6.4). Returns 0, or -1 for a bad key length. */
export function gcmInit(slot: i32, keyPtr: usize, keyLen: i32): i32 {
  if (aesInit(slot, keyPtr, keyLen) != 0) return -1;
  const ctx = slotPtr(slot);
  memory.fill(KS, 0, 16);
  aesEcbEncrypt(slot, KS, 16);
  store<u64>(ctx + GCM_H, bswap<u64>(load<u64>(KS)));
  store<u64>(ctx + GCM_H, bswap<u64>(load<u64>(KS, 8)), 8);
  memory.fill(KS, 0, 16);
  return 0;
}

// @ts-ignore: decorator
@inline
function inc32(block: usize): void {
  store<u32>(block + 12, bswap<u32>(bswap<u32>(load<u32>(block + 12)) + 1));
}

/** Starts a message with nonce `iv` (any length ≥ 1; 12 bytes is the fast path), §7.1 step 2. */
export function gcmStart(slot: i32, ivPtr: usize, ivLen: i32): i32 {
  if (ivLen < 1) return -1;
  const ctx = slotPtr(slot);
  const y = ctx + GCM_Y;
  const j0 = ctx + GCM_J0;
  if (ivLen == 12) {
    memory.copy(j0, ivPtr, 12);
    store<u32>(j0 + 12, bswap<u32>(1));
  } else {
    memory.fill(y, 0, 16);
    ghashUpdate(y, ctx + GCM_H, ivPtr, ivLen);
    memory.fill(KS, 0, 8);
    store<u64>(KS, bswap<u64>(<u64>ivLen << 3), 8);
    ghashUpdate(y, ctx + GCM_H, KS, 16);
    store<u64>(j0, bswap<u64>(load<u64>(y)));
    store<u64>(j0, bswap<u64>(load<u64>(y, 8)), 8);
  }
  memory.copy(ctx + GCM_EJ0, j0, 16);
  aesEcbEncrypt(slot, ctx + GCM_EJ0, 16);
  memory.copy(ctx + GCM_CTR, j0, 16);
  inc32(ctx + GCM_CTR);
  memory.fill(y, 0, 32); // Y, ALEN, CLEN
  return 0;
}

/** Absorbs additional authenticated data. */
export function gcmAad(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  ghashUpdate(ctx + GCM_Y, ctx + GCM_H, ptr, len);
  store<u64>(ctx + GCM_ALEN, load<u64>(ctx + GCM_ALEN) + <u64>len);
}

/** XORs the CTR keystream (GCTR, §6.5) into `len` bytes at `ptr`, advancing the counter. */
export function gcmCtr(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const ctr = ctx + GCM_CTR;
  const rounds = load<i32>(ctx + AES_ROUNDS);
  const rk = ctx + AES_RK;
  if (ASC_FEATURE_SIMD) {
    const tk = ctx + AES_TK;
    let off = 0;
    // Four counter blocks per step, their rounds interleaved.
    for (; off + 64 <= len; off += 64) {
      const c0 = v128.load(ctr);
      inc32(ctr);
      const c1 = v128.load(ctr);
      inc32(ctr);
      const c2 = v128.load(ctr);
      inc32(ctr);
      const c3 = v128.load(ctr);
      inc32(ctr);
      encrypt4XorTowerV(c0, c1, c2, c3, tk, rounds, ptr + off);
    }
    for (; off + 16 <= len; off += 16) {
      const ks = encryptTowerV(v128.load(ctr), tk, rounds);
      inc32(ctr);
      v128.store(ptr + off, v128.xor(v128.load(ptr + off), ks));
    }
    if (off < len) {
      v128.store(KS, encryptTowerV(v128.load(ctr), tk, rounds));
      inc32(ctr);
      for (let i = off; i < len; i++) store<u8>(ptr + i, load<u8>(ptr + i) ^ load<u8>(KS + <usize>(i - off)));
    }
  } else {
    loadRoundKeysBitsliced(rk, rounds);
    for (let off = 0; off < len; off += 64) {
      const bytes = min(64, len - off);
      const n = (bytes + 15) >> 4;
      for (let i = 0; i < n; i++) {
        memory.copy(KS + (<usize>i << 4), ctr, 16);
        inc32(ctr);
      }
      encryptBitsliced(KS, n, rounds);
      for (let i = 0; i < bytes; i++) store<u8>(ptr + off + i, load<u8>(ptr + off + i) ^ load<u8>(KS + <usize>i));
    }
  }
  memory.fill(KS, 0, 64);
}

/** Absorbs ciphertext into GHASH without decrypting (first pass of decryption). */
export function gcmGhash(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  ghashUpdate(ctx + GCM_Y, ctx + GCM_H, ptr, len);
  store<u64>(ctx + GCM_CLEN, load<u64>(ctx + GCM_CLEN) + <u64>len);
}

/** Encrypts `len` bytes in place and absorbs the ciphertext. */
export function gcmEncrypt(slot: i32, ptr: usize, len: i32): void {
  gcmCtr(slot, ptr, len);
  gcmGhash(slot, ptr, len);
}

function computeTag(ctx: usize): void {
  store<u64>(KS, bswap<u64>(load<u64>(ctx + GCM_ALEN) << 3));
  store<u64>(KS, bswap<u64>(load<u64>(ctx + GCM_CLEN) << 3), 8);
  ghashUpdate(ctx + GCM_Y, ctx + GCM_H, KS, 16);
  store<u64>(TAG, bswap<u64>(load<u64>(ctx + GCM_Y)) ^ load<u64>(ctx + GCM_EJ0));
  store<u64>(TAG, bswap<u64>(load<u64>(ctx + GCM_Y, 8)) ^ load<u64>(ctx + GCM_EJ0, 8), 8);
  memory.fill(KS, 0, 16);
}

/** Finishes the message and writes the 16-byte tag (§7.1 steps 5–6) to `outPtr`. */
export function gcmTag(slot: i32, outPtr: usize): void {
  computeTag(slotPtr(slot));
  memory.copy(outPtr, TAG, 16);
  memory.fill(TAG, 0, 16);
}

/**
 * Finishes the message and compares the computed tag with the `tagLen` bytes at `tagPtr` in constant
 * time (every byte is examined, no early exit). Returns 1 when they match, 0 otherwise.
 */
export function gcmCheckTag(slot: i32, tagPtr: usize, tagLen: i32): i32 {
  computeTag(slotPtr(slot));
  let diff: u32 = 0;
  for (let i = 0; i < tagLen; i++) diff |= <u32>(load<u8>(TAG + <usize>i) ^ load<u8>(tagPtr + <usize>i));
  memory.fill(TAG, 0, 16);
  return <i32>(((diff - 1) >> 31) & 1);
}
