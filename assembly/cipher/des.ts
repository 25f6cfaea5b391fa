// DES and Triple-DES (FIPS 46-3, NIST SP 800-67): EDE with three keys, or two keys (K3 = K1).
// Constant time: the S-boxes are evaluated with shifts of constants (des-tables.ts desF), permutations
// and the key schedule use only public indices. Parity bits are ignored, as FIPS 46-3 allows.
import { cbc64Decrypt, cbc64Encrypt, ecb64 } from "./cbc64";
import { DES_FP, DES_IP, DES_PC1, DES_PC2, DES_SHIFTS, desF } from "./des-tables";
import { slotPtr } from "./slots";

const DES_KEYS: usize = 0; // 3 × 16 round keys × 8 six-bit chunks
const DES_IV: usize = 384;
const DES_TRIPLE: usize = 392;

/** Bit permutation by a table of 1-indexed source bits (MSB first) over a `srcBits`-bit value. */
function permute(src: u64, table: usize, n: i32, srcBits: i32): u64 {
  let out: u64 = 0;
  for (let j = 0; j < n; j++) {
    out = (out << 1) | ((src >> <u64>(srcBits - <i32>load<u8>(table + <usize>j))) & 1);
  }
  return out;
}

/** Key schedule (FIPS 46-3 appendix): 16 round keys of 8 six-bit chunks at `out`. */
function schedule(keyPtr: usize, out: usize): void {
  const cd = permute(bswap<u64>(load<u64>(keyPtr)), DES_PC1, 56, 64);
  let c = <u32>(cd >> 28) & 0xfffffff;
  let d = <u32>cd & 0xfffffff;
  for (let i = 0; i < 16; i++) {
    const s = <u32>load<u8>(DES_SHIFTS + <usize>i);
    c = ((c << s) | (c >> (28 - s))) & 0xfffffff;
    d = ((d << s) | (d >> (28 - s))) & 0xfffffff;
    const k = permute((<u64>c << 28) | <u64>d, DES_PC2, 48, 56);
    for (let j = 0; j < 8; j++) store<u8>(out + <usize>(i * 8 + j), <u8>((k >> <u64>(42 - 6 * j)) & 63));
  }
}

/**
 * Keys a DES context: 8 bytes → DES, 16 bytes → 3DES with two keys, 24 bytes → 3DES with three keys.
 * Returns 0, or -1 for another length.
 */
export function desInit(slot: i32, keyPtr: usize, keyLen: i32): i32 {
  if (keyLen != 8 && keyLen != 16 && keyLen != 24) return -1;
  const ctx = slotPtr(slot);
  schedule(keyPtr, ctx + DES_KEYS);
  if (keyLen == 8) {
    store<i32>(ctx + DES_TRIPLE, 0);
    return 0;
  }
  schedule(keyPtr + 8, ctx + DES_KEYS + 128);
  schedule(keyLen == 24 ? keyPtr + 16 : keyPtr, ctx + DES_KEYS + 256);
  store<i32>(ctx + DES_TRIPLE, 1);
  return 0;
}

let hl: u32 = 0;
let hr: u32 = 0;

/** Sixteen Feistel rounds on (hl, hr) with the round keys at `keys`, in reverse order to decrypt. */
// @ts-ignore: decorator
@inline
function sixteenRounds(keys: usize, reverse: bool): void {
  let l = hl, r = hr;
  for (let i = 0; i < 16; i += 2) {
    const a = keys + <usize>((reverse ? 15 - i : i) << 3);
    const b = keys + <usize>((reverse ? 14 - i : i + 1) << 3);
    l ^= desF(r, a);
    r ^= desF(l, b);
  }
  // The last round does not swap: the halves leave as (R16, L16).
  hl = r;
  hr = l;
}

function crypt(ctx: usize, raw: u64, encrypt: bool): u64 {
  const x = permute(bswap<u64>(raw), DES_IP, 64, 64);
  hl = <u32>(x >> 32);
  hr = <u32>x;
  const keys = ctx + DES_KEYS;
  if (load<i32>(ctx + DES_TRIPLE) == 0) {
    sixteenRounds(keys, !encrypt);
  } else if (encrypt) {
    sixteenRounds(keys, false);
    sixteenRounds(keys + 128, true);
    sixteenRounds(keys + 256, false);
  } else {
    sixteenRounds(keys + 256, true);
    sixteenRounds(keys + 128, false);
    sixteenRounds(keys, true);
  }
  return bswap<u64>(permute((<u64>hl << 32) | <u64>hr, DES_FP, 64, 64));
}

function encryptBlock(ctx: usize, raw: u64): u64 {
  return crypt(ctx, raw, true);
}

function decryptBlock(ctx: usize, raw: u64): u64 {
  return crypt(ctx, raw, false);
}

/** Sets the CBC chaining value from 8 bytes at `ivPtr`. */
export function desSetIv(slot: i32, ivPtr: usize): void {
  store<u64>(slotPtr(slot) + DES_IV, load<u64>(ivPtr));
}

/** ECB-encrypts `len` bytes (a multiple of 8) in place. */
export function desEcbEncrypt(slot: i32, ptr: usize, len: i32): void {
  ecb64(slotPtr(slot), ptr, len, encryptBlock);
}

/** ECB-decrypts `len` bytes (a multiple of 8) in place. */
export function desEcbDecrypt(slot: i32, ptr: usize, len: i32): void {
  ecb64(slotPtr(slot), ptr, len, decryptBlock);
}

/** CBC-encrypts `len` bytes (a multiple of 8) in place, chaining the slot's IV. */
export function desCbcEncrypt(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  cbc64Encrypt(ctx, ctx + DES_IV, ptr, len, encryptBlock);
}

/** CBC-decrypts `len` bytes (a multiple of 8) in place, chaining the slot's IV. */
export function desCbcDecrypt(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  cbc64Decrypt(ctx, ctx + DES_IV, ptr, len, decryptBlock);
}
