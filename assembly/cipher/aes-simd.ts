// AES block function on WebAssembly SIMD without memory lookups: the S-box is computed with
// i8x16.swizzle over 16-entry nibble tables (vector-permute technique). The tables come from
// scripts/gen-aes-tables.mjs, which derives them (GF(16)[t]/(t²+t+8) normal-basis tower, 1/0 encoded
// as 0x80 so that swizzle's out-of-range → 0 rule implements it) and checks all 256 inputs.
// Only register operations touch secret data: no secret-dependent address or branch. FIPS 197 §5.

// Nibble tables (see scripts/gen-aes-tables.mjs).
// @ts-ignore: decorator
@lazy const ENC_IN_LO = i8x16(0, 17, 2, 19, 98, 115, 96, 113, -56, -39, -54, -37, -86, -69, -88, -71);
// @ts-ignore: decorator
@lazy const ENC_IN_HI = i8x16(0, -49, 88, -105, 71, -120, 31, -48, 91, -108, 3, -52, 28, -45, 68, -117);
// @ts-ignore: decorator
@lazy const DEC_IN_LO = i8x16(115, -2, -123, 8, -14, 127, 4, -119, -7, 116, 15, -126, 120, -11, -114, 3);
// @ts-ignore: decorator
@lazy const DEC_IN_HI = i8x16(0, 97, -98, -1, -106, -9, 8, 105, 43, 74, -75, -44, -67, -36, 35, 66);
// @ts-ignore: decorator
@lazy const INV16 = i8x16(-128, 1, 9, 14, 13, 11, 7, 6, 15, 2, 12, 5, 10, 4, 3, 8);
// @ts-ignore: decorator
@lazy const G_INV = i8x16(-128, 15, 14, 5, 7, 3, 11, 4, 10, 13, 8, 6, 12, 9, 2, 1);
// @ts-ignore: decorator
@lazy const ENC_OUT_U = i8x16(0, 100, -103, 18, -27, 10, -117, -17, 118, -109, -127, 24, 110, 124, -9, -3);
// @ts-ignore: decorator
@lazy const ENC_OUT_V = i8x16(0, 123, -80, 61, 103, -111, -115, -10, 70, 33, 28, -84, -22, -41, 90, -53);
// @ts-ignore: decorator
@lazy const DEC_OUT_U = i8x16(0, -14, -103, 48, -99, -58, -87, 91, -62, 95, 111, -10, 52, 4, -83, 107);
// @ts-ignore: decorator
@lazy const DEC_OUT_V = i8x16(0, -13, -56, -36, 44, -53, 20, -25, 47, 3, -33, 23, 56, -28, -16, 59);
// @ts-ignore: decorator
@lazy const LOW_NIBBLE = i8x16(15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15);
// @ts-ignore: decorator
@lazy const C63 = i8x16(99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99);
// @ts-ignore: decorator
@lazy const C1B = i8x16(27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27);

/** GF(2^8)^-1 core shared by both directions: input in tower coordinates, output (io, jo) mapped by tables. */
// @ts-ignore: decorator
@inline
function towerInvert(y: v128, outU: v128, outV: v128): v128 {
  const p = i8x16.shr_u(y, 4);
  const q = v128.and(y, LOW_NIBBLE);
  const gs = i8x16.swizzle(G_INV, v128.xor(p, q));
  const io = v128.xor(q, i8x16.swizzle(INV16, v128.xor(i8x16.swizzle(INV16, p), gs)));
  const jo = v128.xor(p, i8x16.swizzle(INV16, v128.xor(i8x16.swizzle(INV16, q), gs)));
  return v128.xor(i8x16.swizzle(outU, io), i8x16.swizzle(outV, jo));
}

/** SubBytes on 16 lanes (FIPS 197 §5.1.1). */
// @ts-ignore: decorator
@inline
export function subBytesV(x: v128): v128 {
  const y = v128.xor(
    i8x16.swizzle(ENC_IN_LO, v128.and(x, LOW_NIBBLE)),
    i8x16.swizzle(ENC_IN_HI, i8x16.shr_u(x, 4)),
  );
  return v128.xor(towerInvert(y, ENC_OUT_U, ENC_OUT_V), C63);
}

/** InvSubBytes on 16 lanes (FIPS 197 §5.3.2). */
// @ts-ignore: decorator
@inline
function invSubBytesV(x: v128): v128 {
  const y = v128.xor(
    i8x16.swizzle(DEC_IN_LO, v128.and(x, LOW_NIBBLE)),
    i8x16.swizzle(DEC_IN_HI, i8x16.shr_u(x, 4)),
  );
  return towerInvert(y, DEC_OUT_U, DEC_OUT_V);
}

/** Multiplication by x in GF(2^8) on every lane, branch-free. */
// @ts-ignore: decorator
@inline
function xtimeV(t: v128): v128 {
  return v128.xor(i8x16.add(t, t), v128.and(i8x16.lt_s(t, i8x16.splat(0)), C1B));
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
