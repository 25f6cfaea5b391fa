// AES-128/192/256 (FIPS 197): key schedule, ECB and CBC (NIST SP 800-38A §6.1–6.2) over context slots.
// The SIMD build computes the S-box with vector permutes (aes-simd.ts), the scalar build with a
// bitsliced circuit (aes-bitsliced.ts); both are constant time (no secret-dependent address or branch).
import { decryptBitsliced, encryptBitsliced, loadRoundKeysBitsliced, subWordBitsliced } from "./aes-bitsliced";
import { cbcEncryptTower, decryptV, encryptTowerV, subWordSimd, towerKeys } from "./aes-simd";
import { slotPtr } from "./slots";

/**
 * Slot layout (bytes): number of rounds, round keys, CBC chaining value. GCM state follows (gcm.ts, up to
 * byte 368); the SIMD build's tower-basis encryption keys (aes-simd.ts) start at AES_TK.
 */
export const AES_ROUNDS: usize = 0;
export const AES_RK: usize = 16;
export const AES_IV: usize = 256;
/** Tower-basis encryption keys (SIMD build): TOWER_KEYS_MAX bytes, within CIPHER_SLOT_SIZE (slots.ts). */
export const AES_TK: usize = 384;

function subWord(w: u32): u32 {
  return ASC_FEATURE_SIMD ? subWordSimd(w) : subWordBitsliced(w);
}

/** Expands a 16/24/32-byte key (FIPS 197 §5.2) into the slot; returns 0, or -1 for a bad key length. */
export function aesInit(slot: i32, keyPtr: usize, keyLen: i32): i32 {
  if (keyLen != 16 && keyLen != 24 && keyLen != 32) return -1;
  const ctx = slotPtr(slot);
  const nk = keyLen >> 2;
  const rounds = nk + 6;
  store<i32>(ctx + AES_ROUNDS, rounds);
  const w = ctx + AES_RK;
  memory.copy(w, keyPtr, <usize>keyLen);
  let rcon: u32 = 1;
  const total = 4 * (rounds + 1);
  for (let i = nk; i < total; i++) {
    let t = load<u32>(w + (<usize>(i - 1) << 2));
    if (i % nk == 0) {
      t = subWord(rotr<u32>(t, 8)) ^ rcon;
      rcon = (rcon << 1) ^ (0x11b & -(rcon >> 7));
    } else if (nk > 6 && i % nk == 4) {
      t = subWord(t);
    }
    store<u32>(w + (<usize>i << 2), load<u32>(w + (<usize>(i - nk) << 2)) ^ t);
  }
  if (ASC_FEATURE_SIMD) towerKeys(w, rounds, ctx + AES_TK);
  return 0;
}

/** Sets the CBC chaining value from 16 bytes at `ivPtr`. */
export function aesSetIv(slot: i32, ivPtr: usize): void {
  memory.copy(slotPtr(slot) + AES_IV, ivPtr, 16);
}

/** Copies the current CBC chaining value to `outPtr` (16 bytes). */
export function aesGetIv(slot: i32, outPtr: usize): void {
  memory.copy(outPtr, slotPtr(slot) + AES_IV, 16);
}

/** Encrypts `len` bytes (a multiple of 16) in place, block by block (ECB; for tests and CTR). */
export function aesEcbEncrypt(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const rounds = load<i32>(ctx + AES_ROUNDS);
  const rk = ctx + AES_RK;
  if (ASC_FEATURE_SIMD) {
    const tk = ctx + AES_TK;
    for (let off = 0; off < len; off += 16) v128.store(ptr + off, encryptTowerV(v128.load(ptr + off), tk, rounds));
  } else {
    loadRoundKeysBitsliced(rk, rounds);
    for (let off = 0; off < len; off += 64) encryptBitsliced(ptr + off, min(4, (len - off) >> 4), rounds);
  }
}

/** Decrypts `len` bytes (a multiple of 16) in place (ECB). */
export function aesEcbDecrypt(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const rounds = load<i32>(ctx + AES_ROUNDS);
  const rk = ctx + AES_RK;
  if (ASC_FEATURE_SIMD) {
    for (let off = 0; off < len; off += 16) v128.store(ptr + off, decryptV(v128.load(ptr + off), rk, rounds));
  } else {
    loadRoundKeysBitsliced(rk, rounds);
    for (let off = 0; off < len; off += 64) decryptBitsliced(ptr + off, min(4, (len - off) >> 4), rounds);
  }
}

/** CBC-encrypts `len` bytes (a multiple of 16) in place, chaining from and updating the slot's IV. */
export function aesCbcEncrypt(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const rounds = load<i32>(ctx + AES_ROUNDS);
  const rk = ctx + AES_RK;
  if (ASC_FEATURE_SIMD) {
    if (len > 0) cbcEncryptTower(ptr, len, ctx + AES_TK, rounds, ctx + AES_IV);
  } else {
    loadRoundKeysBitsliced(rk, rounds);
    for (let off = 0; off < len; off += 16) {
      const b = ptr + off;
      store<u64>(b, load<u64>(b) ^ load<u64>(ctx + AES_IV));
      store<u64>(b + 8, load<u64>(b + 8) ^ load<u64>(ctx + AES_IV + 8));
      encryptBitsliced(b, 1, rounds);
      memory.copy(ctx + AES_IV, b, 16);
    }
  }
}

/** Scratch for the ciphertext blocks that become the next chaining values (scalar CBC decrypt). */
const CBC_SAVE: usize = memory.data(64, 16);

/** CBC-decrypts `len` bytes (a multiple of 16) in place, chaining from and updating the slot's IV. */
export function aesCbcDecrypt(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const rounds = load<i32>(ctx + AES_ROUNDS);
  const rk = ctx + AES_RK;
  if (ASC_FEATURE_SIMD) {
    let iv = v128.load(ctx + AES_IV);
    for (let off = 0; off < len; off += 16) {
      const c = v128.load(ptr + off);
      v128.store(ptr + off, v128.xor(decryptV(c, rk, rounds), iv));
      iv = c;
    }
    v128.store(ctx + AES_IV, iv);
  } else {
    loadRoundKeysBitsliced(rk, rounds);
    for (let off = 0; off < len; off += 64) {
      const n = min(4, (len - off) >> 4);
      const b = ptr + off;
      memory.copy(CBC_SAVE, b, <usize>(n << 4));
      decryptBitsliced(b, n, rounds);
      for (let i = 0; i < n; i++) {
        const prev = i == 0 ? ctx + AES_IV : CBC_SAVE + (<usize>(i - 1) << 4);
        const blk = b + (<usize>i << 4);
        store<u64>(blk, load<u64>(blk) ^ load<u64>(prev));
        store<u64>(blk + 8, load<u64>(blk + 8) ^ load<u64>(prev + 8));
      }
      memory.copy(ctx + AES_IV, CBC_SAVE + (<usize>(n - 1) << 4), 16);
    }
  }
}
