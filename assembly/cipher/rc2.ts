// RC2 (RFC 2268) with effective key bits 1–1024, ECB and CBC.
// NOT constant time, by definition of the algorithm: the key expansion indexes PITABLE with key bytes
// (§2) and each MASH round indexes the expanded key with data (§3.2). Documented in docs/SECURITY.md.
import { slotPtr } from "./slots";

const RC2_K: usize = 0; // 64 sixteen-bit words
/** Offset of the CBC chaining value in an RC2 slot. */
export const RC2_IV: usize = 128;

/** PITABLE (RFC 2268 §2): a permutation of 0..255 derived from the digits of π. */
const PITABLE: usize = memory.data<u8>([
  0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
  0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
  0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
  0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
  0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
  0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
  0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
  0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
  0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
  0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
  0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
  0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
  0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
  0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
  0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
  0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
]);

/**
 * Key expansion (RFC 2268 §2) of `keyLen` (1–128) bytes with `effectiveBits` (1–1024) effective key bits.
 * Returns 0, or -1 for out-of-range arguments.
 */
export function rc2Init(slot: i32, keyPtr: usize, keyLen: i32, effectiveBits: i32): i32 {
  if (keyLen < 1 || keyLen > 128 || effectiveBits < 1 || effectiveBits > 1024) return -1;
  const l = slotPtr(slot) + RC2_K;
  memory.copy(l, keyPtr, <usize>keyLen);
  for (let i = keyLen; i < 128; i++) {
    const v = (<u32>load<u8>(l + <usize>(i - 1)) + <u32>load<u8>(l + <usize>(i - keyLen))) & 0xff;
    store<u8>(l + <usize>i, load<u8>(PITABLE + v));
  }
  const t8 = (effectiveBits + 7) >> 3;
  const tm = <u32>(255 % (1 << (8 + effectiveBits - 8 * t8)));
  store<u8>(l + <usize>(128 - t8), load<u8>(PITABLE + (<u32>load<u8>(l + <usize>(128 - t8)) & tm)));
  for (let i = 127 - t8; i >= 0; i--) {
    const v = <u32>(load<u8>(l + <usize>(i + 1)) ^ load<u8>(l + <usize>(i + t8)));
    store<u8>(l + <usize>i, load<u8>(PITABLE + v));
  }
  return 0;
}

// The block functions keep the four 16-bit words in i32 locals whose bits above 16 may hold garbage:
// additions, subtractions and bitwise operations are exact modulo 2^16 in the low half whatever the high
// half holds, so only the rotations (which move bits down) and the final packing mask.

/** Key word `j & 63`. */
// @ts-ignore: decorator
@inline
function keyWord(ctx: usize, j: u32): u32 {
  return <u32>load<u16>(ctx + (<usize>(j & 63) << 1));
}

/** 16-bit left rotation of the low half (the result's high half is garbage). */
// @ts-ignore: decorator
@inline
function rol16(x: u32, s: u32): u32 {
  return (x << s) | ((x & 0xffff) >> (16 - s));
}

/** 16-bit right rotation of the low half (the result's high half is garbage). */
// @ts-ignore: decorator
@inline
function ror16(x: u32, s: u32): u32 {
  return ((x & 0xffff) >> s) | (x << (16 - s));
}

/**
 * One word of a MIXING round (§3.1): rol(x + key + ((c & b) | (~c & a)), s). The RFC's (c & b) + (~c & a)
 * is a bitwise select (disjoint bits), computed as a ^ ((b ^ a) & c).
 */
// @ts-ignore: decorator
@inline
function mixWord(x: u32, key: u32, a: u32, b: u32, c: u32, s: u32): u32 {
  return rol16(x + key + (a ^ ((b ^ a) & c)), s);
}

/** One word of an R-MIXING round (§4.1), the inverse of `mixWord`. */
// @ts-ignore: decorator
@inline
function rmixWord(x: u32, key: u32, a: u32, b: u32, c: u32, s: u32): u32 {
  return ror16(x, s) - key - (a ^ ((b ^ a) & c));
}

/**
 * Encrypts one block (raw little-endian u64 load), §3.3: 5 MIXING, 1 MASHING, 6 MIXING, 1 MASHING,
 * 5 MIXING. Round n uses key words 4n..4n+3; the MASHING rounds index the expanded key with data (not
 * constant time, by design).
 */
// @ts-ignore: decorator
@inline
export function rc2EncryptBlock(ctx: usize, raw: u64): u64 {
  let r0 = <u32>raw;
  let r1 = <u32>(raw >> 16);
  let r2 = <u32>(raw >> 32);
  let r3 = <u32>(raw >> 48);
  for (let n: u32 = 0; n < 16; n++) {
    const kp = ctx + (<usize>n << 3);
    r0 = mixWord(r0, <u32>load<u16>(kp), r1, r2, r3, 1);
    r1 = mixWord(r1, <u32>load<u16>(kp, 2), r2, r3, r0, 2);
    r2 = mixWord(r2, <u32>load<u16>(kp, 4), r3, r0, r1, 3);
    r3 = mixWord(r3, <u32>load<u16>(kp, 6), r0, r1, r2, 5);
    if (n == 4 || n == 10) {
      r0 += keyWord(ctx, r3);
      r1 += keyWord(ctx, r0);
      r2 += keyWord(ctx, r1);
      r3 += keyWord(ctx, r2);
    }
  }
  return <u64>(r0 & 0xffff) | (<u64>(r1 & 0xffff) << 16) | (<u64>(r2 & 0xffff) << 32) | (<u64>(r3 & 0xffff) << 48);
}

/** Decrypts one block, §4.3: the rounds of encryption inverted, in reverse order. */
// @ts-ignore: decorator
@inline
export function rc2DecryptBlock(ctx: usize, raw: u64): u64 {
  let r0 = <u32>raw;
  let r1 = <u32>(raw >> 16);
  let r2 = <u32>(raw >> 32);
  let r3 = <u32>(raw >> 48);
  for (let n: i32 = 15; n >= 0; n--) {
    const kp = ctx + (<usize>n << 3);
    r3 = rmixWord(r3, <u32>load<u16>(kp, 6), r0, r1, r2, 5);
    r2 = rmixWord(r2, <u32>load<u16>(kp, 4), r3, r0, r1, 3);
    r1 = rmixWord(r1, <u32>load<u16>(kp, 2), r2, r3, r0, 2);
    r0 = rmixWord(r0, <u32>load<u16>(kp), r1, r2, r3, 1);
    if (n == 11 || n == 5) {
      r3 -= keyWord(ctx, r2);
      r2 -= keyWord(ctx, r1);
      r1 -= keyWord(ctx, r0);
      r0 -= keyWord(ctx, r3);
    }
  }
  return <u64>(r0 & 0xffff) | (<u64>(r1 & 0xffff) << 16) | (<u64>(r2 & 0xffff) << 32) | (<u64>(r3 & 0xffff) << 48);
}

/** Sets the CBC chaining value from 8 bytes at `ivPtr`. */
export function rc2SetIv(slot: i32, ivPtr: usize): void {
  store<u64>(slotPtr(slot) + RC2_IV, load<u64>(ivPtr));
}
