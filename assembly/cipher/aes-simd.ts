// AES block function on WebAssembly SIMD without memory lookups: the S-box is computed with
// i8x16.swizzle over 16-entry nibble tables (vector-permute technique). The tables come from
// scripts/gen-aes-tables.mjs, which derives them (GF(16)[t]/(t²+t+8) normal-basis tower, 1/0 encoded
// as 0x80 so that swizzle's out-of-range → 0 rule implements it) and checks all 256 inputs.
// Only register operations touch secret data: no secret-dependent address or branch. FIPS 197 §5.

// Nibble tables (see scripts/gen-aes-tables.mjs).
// Nibble tables and constants, 16 bytes each, loaded into locals once per call (loads are cheaper than
// materializing v128 constants inside the round loop).
const K: usize = memory.data<u8>([
  0x00, 0x11, 0x02, 0x13, 0x62, 0x73, 0x60, 0x71, 0xc8, 0xd9, 0xca, 0xdb, 0xaa, 0xbb, 0xa8, 0xb9, // ENC_IN_LO
  0x00, 0xcf, 0x58, 0x97, 0x47, 0x88, 0x1f, 0xd0, 0x5b, 0x94, 0x03, 0xcc, 0x1c, 0xd3, 0x44, 0x8b, // ENC_IN_HI
  0x73, 0xfe, 0x85, 0x08, 0xf2, 0x7f, 0x04, 0x89, 0xf9, 0x74, 0x0f, 0x82, 0x78, 0xf5, 0x8e, 0x03, // DEC_IN_LO
  0x00, 0x61, 0x9e, 0xff, 0x96, 0xf7, 0x08, 0x69, 0x2b, 0x4a, 0xb5, 0xd4, 0xbd, 0xdc, 0x23, 0x42, // DEC_IN_HI
  0x80, 0x01, 0x09, 0x0e, 0x0d, 0x0b, 0x07, 0x06, 0x0f, 0x02, 0x0c, 0x05, 0x0a, 0x04, 0x03, 0x08, // INV16
  0x80, 0x0f, 0x0e, 0x05, 0x07, 0x03, 0x0b, 0x04, 0x0a, 0x0d, 0x08, 0x06, 0x0c, 0x09, 0x02, 0x01, // G_INV
  0x00, 0x64, 0x99, 0x12, 0xe5, 0x0a, 0x8b, 0xef, 0x76, 0x93, 0x81, 0x18, 0x6e, 0x7c, 0xf7, 0xfd, // ENC_OUT_U
  0x00, 0x7b, 0xb0, 0x3d, 0x67, 0x91, 0x8d, 0xf6, 0x46, 0x21, 0x1c, 0xac, 0xea, 0xd7, 0x5a, 0xcb, // ENC_OUT_V
  0x00, 0xf2, 0x99, 0x30, 0x9d, 0xc6, 0xa9, 0x5b, 0xc2, 0x5f, 0x6f, 0xf6, 0x34, 0x04, 0xad, 0x6b, // DEC_OUT_U
  0x00, 0xf3, 0xc8, 0xdc, 0x2c, 0xcb, 0x14, 0xe7, 0x2f, 0x03, 0xdf, 0x17, 0x38, 0xe4, 0xf0, 0x3b, // DEC_OUT_V
  0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, // LOW_NIBBLE
  0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, // C63
  0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, // C1B
]);
const ENC_IN_LO_OFF: usize = 0;
const ENC_IN_HI_OFF: usize = 16;
const DEC_IN_LO_OFF: usize = 32;
const DEC_IN_HI_OFF: usize = 48;
const INV16_OFF: usize = 64;
const G_INV_OFF: usize = 80;
const ENC_OUT_U_OFF: usize = 96;
const ENC_OUT_V_OFF: usize = 112;
const DEC_OUT_U_OFF: usize = 128;
const DEC_OUT_V_OFF: usize = 144;
const LOW_NIBBLE_OFF: usize = 160;
const C63_OFF: usize = 176;
const C1B_OFF: usize = 192;

/** GF(2^8)^-1 core shared by both directions: input in tower coordinates, output (io, jo) mapped by tables. */
// @ts-ignore: decorator
@inline
function towerInvert(y: v128, outU: v128, outV: v128): v128 {
  const p = v128.and(i16x8.shr_u(y, 4), v128.load(K + LOW_NIBBLE_OFF));
  const q = v128.and(y, v128.load(K + LOW_NIBBLE_OFF));
  const gs = i8x16.swizzle(v128.load(K + G_INV_OFF), v128.xor(p, q));
  const io = v128.xor(q, i8x16.swizzle(v128.load(K + INV16_OFF), v128.xor(i8x16.swizzle(v128.load(K + INV16_OFF), p), gs)));
  const jo = v128.xor(p, i8x16.swizzle(v128.load(K + INV16_OFF), v128.xor(i8x16.swizzle(v128.load(K + INV16_OFF), q), gs)));
  return v128.xor(i8x16.swizzle(outU, io), i8x16.swizzle(outV, jo));
}

/** SubBytes on 16 lanes (FIPS 197 §5.1.1). */
// @ts-ignore: decorator
@inline
export function subBytesV(x: v128): v128 {
  const y = v128.xor(
    i8x16.swizzle(v128.load(K + ENC_IN_LO_OFF), v128.and(x, v128.load(K + LOW_NIBBLE_OFF))),
    i8x16.swizzle(v128.load(K + ENC_IN_HI_OFF), v128.and(i16x8.shr_u(x, 4), v128.load(K + LOW_NIBBLE_OFF))),
  );
  return v128.xor(towerInvert(y, v128.load(K + ENC_OUT_U_OFF), v128.load(K + ENC_OUT_V_OFF)), v128.load(K + C63_OFF));
}

/** InvSubBytes on 16 lanes (FIPS 197 §5.3.2). */
// @ts-ignore: decorator
@inline
function invSubBytesV(x: v128): v128 {
  const y = v128.xor(
    i8x16.swizzle(v128.load(K + DEC_IN_LO_OFF), v128.and(x, v128.load(K + LOW_NIBBLE_OFF))),
    i8x16.swizzle(v128.load(K + DEC_IN_HI_OFF), v128.and(i16x8.shr_u(x, 4), v128.load(K + LOW_NIBBLE_OFF))),
  );
  return towerInvert(y, v128.load(K + DEC_OUT_U_OFF), v128.load(K + DEC_OUT_V_OFF));
}

/** Multiplication by x in GF(2^8) on every lane, branch-free. */
// @ts-ignore: decorator
@inline
function xtimeV(t: v128): v128 {
  return v128.xor(i8x16.add(t, t), v128.and(i8x16.lt_s(t, i8x16.splat(0)), v128.load(K + C1B_OFF)));
}

/** ShiftRows + MixColumns of an already substituted state (FIPS 197 §5.1.2–5.1.3). */
// @ts-ignore: decorator
@inline
function shiftMix(x: v128): v128 {
  const a = i8x16.shuffle(x, x, 0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11);
  const b = i8x16.shuffle(x, x, 5, 10, 15, 0, 9, 14, 3, 4, 13, 2, 7, 8, 1, 6, 11, 12);
  const t = v128.xor(a, b);
  return v128.xor(v128.xor(xtimeV(t), b), i8x16.shuffle(t, t, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
}

/** InvMixColumns (FIPS 197 §5.3.3) as a pre-multiplication followed by MixColumns. */
// @ts-ignore: decorator
@inline
function invMix(x: v128): v128 {
  const w = v128.xor(x, i8x16.shuffle(x, x, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
  const y = v128.xor(x, xtimeV(xtimeV(w)));
  const b = i8x16.shuffle(y, y, 1, 2, 3, 0, 5, 6, 7, 4, 9, 10, 11, 8, 13, 14, 15, 12);
  const t = v128.xor(y, b);
  return v128.xor(v128.xor(xtimeV(t), b), i8x16.shuffle(t, t, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
}

/** Encrypts one block held in a vector with the round keys at `rk` (`rounds` = 10, 12 or 14). */
// @ts-ignore: decorator
@inline
export function encryptV(block: v128, rk: usize, rounds: i32): v128 {
  let s = v128.xor(block, v128.load(rk));
  for (let r = 1; r < rounds; r++) {
    s = v128.xor(shiftMix(subBytesV(s)), v128.load(rk + (<usize>r << 4)));
  }
  const x = subBytesV(s);
  return v128.xor(
    i8x16.shuffle(x, x, 0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11),
    v128.load(rk + (<usize>rounds << 4)),
  );
}

/** Decrypts one block (inverse cipher, FIPS 197 §5.3) with the encryption round keys at `rk`. */
// @ts-ignore: decorator
@inline
export function decryptV(block: v128, rk: usize, rounds: i32): v128 {
  let s = v128.xor(block, v128.load(rk + (<usize>rounds << 4)));
  for (let r = rounds - 1; r > 0; r--) {
    const x = invSubBytesV(i8x16.shuffle(s, s, 0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3));
    s = invMix(v128.xor(x, v128.load(rk + (<usize>r << 4))));
  }
  return v128.xor(invSubBytesV(i8x16.shuffle(s, s, 0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3)), v128.load(rk));
}

/** SubWord (FIPS 197 §5.2) for the key schedule, through the same constant-time S-box. */
export function subWordSimd(w: u32): u32 {
  return i32x4.extract_lane(subBytesV(i32x4.splat(w)), 0);
}
