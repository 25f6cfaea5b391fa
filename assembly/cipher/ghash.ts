// GHASH (NIST SP 800-38D §6.4) with a constant-time carry-less multiplication: no tables at all.
// 64×64-bit carry-less products come from ordinary integer multiplications of operands whose bits are
// spread four apart ("holes"), so carries never reach a bit that is kept; Karatsuba builds the 128×128
// product. Blocks are handled as big-endian 128-bit integers (GCM's bit-reflected order), where
// the product of reflected operands is the reflected product shifted right by one bit.

const M0: u64 = 0x1111111111111111;
const M1: u64 = 0x2222222222222222;
const M2: u64 = 0x4444444444444444;
const M3: u64 = 0x8888888888888888;

/**
 * Low 64 bits of the carry-less product of two 64-bit values, by integer multiplication with holes:
 * a column of one partial product sums at most 16 terms, and only the top columns (whose carry leaves
 * the word) reach 16, so no carry ever lands on a kept bit.
 */
// @ts-ignore: decorator
@inline
function bmul64(a: u64, b: u64): u64 {
  const a0 = a & M0, a1 = a & M1, a2 = a & M2, a3 = a & M3;
  const b0 = b & M0, b1 = b & M1, b2 = b & M2, b3 = b & M3;
  const z0 = (a0 * b0) ^ (a1 * b3) ^ (a2 * b2) ^ (a3 * b1);
  const z1 = (a0 * b1) ^ (a1 * b0) ^ (a2 * b3) ^ (a3 * b2);
  const z2 = (a0 * b2) ^ (a1 * b1) ^ (a2 * b0) ^ (a3 * b3);
  const z3 = (a0 * b3) ^ (a1 * b2) ^ (a2 * b1) ^ (a3 * b0);
  return (z0 & M0) | (z1 & M1) | (z2 & M2) | (z3 & M3);
}

/** Bit reversal of a 64-bit word. */
// @ts-ignore: decorator
@inline
function rev64(x: u64): u64 {
  x = ((x >> 1) & 0x5555555555555555) | ((x & 0x5555555555555555) << 1);
  x = ((x >> 2) & 0x3333333333333333) | ((x & 0x3333333333333333) << 2);
  x = ((x >> 4) & 0x0f0f0f0f0f0f0f0f) | ((x & 0x0f0f0f0f0f0f0f0f) << 4);
  return bswap<u64>(x);
}

/** Result of ghashMul: the high and low 64 bits of the block (big-endian halves). */
export let ghY1: u64 = 0;
export let ghY0: u64 = 0;

/**
 * Reduces the unreduced Karatsuba pieces of a (sum of) 128×128 product(s) into (ghY1:ghY0): `l0`, `g0`,
 * `m` are the low/high/middle 64×64 products of the operands, `rl`, `rg`, `rm` those of the bit-reversed
 * operands (the middle ones still holding the low and high terms, Karatsuba's correction is done here).
 * Every step is linear, so sums of products can be reduced once.
 */
// @ts-ignore: decorator
@inline
function ghashReduce(l0: u64, g0: u64, m: u64, rl: u64, rg: u64, rm: u64): void {
  const m0 = m ^ l0 ^ g0;
  // High halves, combined before the (linear) reversal: rev(a) ^ rev(b) = rev(a ^ b).
  const l1 = rev64(rl) >> 1, g1 = rev64(rg) >> 1, m1 = rev64(rm ^ rl ^ rg) >> 1;
  // 256-bit product p3:p2:p1:p0, then shifted left by one to undo the reflection offset.
  const p0 = l0, p1 = l1 ^ m0, p2 = g0 ^ m1, p3 = g1;
  const c1 = (p3 << 1) | (p2 >> 63);
  const c0 = (p2 << 1) | (p1 >> 63);
  const d1 = (p1 << 1) | (p0 >> 63);
  const d0 = p0 << 1;
  // Reduction: D·x^128 ≡ D·(x^7+x^2+x+1); in reflected form multiplication by x^k is a right shift.
  const t1 = d1 ^ (d0 << 63) ^ (d0 << 62) ^ (d0 << 57);
  const t0 = d0;
  ghY1 = c1 ^ t1 ^ (t1 >> 1) ^ (t1 >> 2) ^ (t1 >> 7);
  ghY0 = c0 ^ t0 ^ (t0 >> 1) ^ (t1 << 63) ^ (t0 >> 2) ^ (t1 << 62) ^ (t0 >> 7) ^ (t1 << 57);
}

/**
 * (ghY1:ghY0) ← (y1:y0)·(h1:h0) in GF(2^128) with GCM's bit order and polynomial x^128+x^7+x^2+x+1.
 * Karatsuba over 64-bit halves; the high half of each 64×64 product is the bit-reversed low half of
 * the product of the bit-reversed operands (shifted by one).
 */
export function ghashMul(y1: u64, y0: u64, h1: u64, h0: u64): void {
  const ry0 = rev64(y0), ry1 = rev64(y1);
  const rh0 = rev64(h0), rh1 = rev64(h1);
  ghashReduce(
    bmul64(y0, h0),
    bmul64(y1, h1),
    bmul64(y0 ^ y1, h0 ^ h1),
    bmul64(ry0, rh0),
    bmul64(ry1, rh1),
    bmul64(ry0 ^ ry1, rh0 ^ rh1),
  );
}

/**
 * bmul64 with the second operand pre-split into its four hole-masked parts at `bp`
 * ([b & M0, b & M1, b & M2, b & M3]), for a fixed multiplier reused across many blocks.
 */
// @ts-ignore: decorator
@inline
function bmul64Split(a: u64, bp: usize): u64 {
  const a0 = a & M0, a1 = a & M1, a2 = a & M2, a3 = a & M3;
  const b0 = load<u64>(bp), b1 = load<u64>(bp, 8), b2 = load<u64>(bp, 16), b3 = load<u64>(bp, 24);
  const z0 = (a0 * b0) ^ (a1 * b3) ^ (a2 * b2) ^ (a3 * b1);
  const z1 = (a0 * b1) ^ (a1 * b0) ^ (a2 * b3) ^ (a3 * b2);
  const z2 = (a0 * b2) ^ (a1 * b1) ^ (a2 * b0) ^ (a3 * b3);
  const z3 = (a0 * b3) ^ (a1 * b2) ^ (a2 * b1) ^ (a3 * b0);
  return (z0 & M0) | (z1 & M1) | (z2 & M2) | (z3 & M3);
}

/**
 * Powers H, H², H³, H⁴ of the hash subkey for aggregated absorption, 192 bytes each: the six Karatsuba
 * multipliers (h0, h1, h0^h1 and their bit reversals), each split into its four hole-masked parts.
 */
const HPOW: usize = memory.data(768, 16);

// Sums of the unreduced Karatsuba pieces of the four products of one aggregated step.
let accL: u64 = 0,
  accG: u64 = 0,
  accM: u64 = 0,
  accRL: u64 = 0,
  accRG: u64 = 0,
  accRM: u64 = 0;

/** Adds the unreduced Karatsuba pieces of (x1:x0)·H^k (split multipliers at `hp`) to the sums. */
// @ts-ignore: decorator
@inline
function mulAcc(x1: u64, x0: u64, hp: usize): void {
  const rx0 = rev64(x0), rx1 = rev64(x1);
  accL ^= bmul64Split(x0, hp);
  accG ^= bmul64Split(x1, hp + 32);
  accM ^= bmul64Split(x0 ^ x1, hp + 64);
  accRL ^= bmul64Split(rx0, hp + 96);
  accRG ^= bmul64Split(rx1, hp + 128);
  accRM ^= bmul64Split(rx0 ^ rx1, hp + 160);
}

// @ts-ignore: decorator
@inline
function storeSplit(p: usize, b: u64): void {
  store<u64>(p, b & M0);
  store<u64>(p, b & M1, 8);
  store<u64>(p, b & M2, 16);
  store<u64>(p, b & M3, 24);
}

// @ts-ignore: decorator
@inline
function storePower(k: usize, h1: u64, h0: u64): void {
  const p = HPOW + k * 192;
  const rh0 = rev64(h0), rh1 = rev64(h1);
  storeSplit(p, h0);
  storeSplit(p + 32, h1);
  storeSplit(p + 64, h0 ^ h1);
  storeSplit(p + 96, rh0);
  storeSplit(p + 128, rh1);
  storeSplit(p + 160, rh0 ^ rh1);
}

const PAD: usize = memory.data(16, 16);

/**
 * Absorbs `len` bytes at `ptr` into the accumulator stored at `y` (two big-endian u64 halves kept as
 * native u64: [y1, y0]) with key `h` ([h1, h0]); a final partial block is zero-padded (§6.4).
 */
export function ghashUpdate(y: usize, h: usize, ptr: usize, len: i32): void {
  let y1 = load<u64>(y), y0 = load<u64>(y, 8);
  const h1 = load<u64>(h), h0 = load<u64>(h, 8);
  let off = 0;
  if (len >= 64) {
    // Four blocks per reduction (Horner's rule unrolled): Y' = (Y+X1)·H⁴ + X2·H³ + X3·H² + X4·H.
    storePower(0, h1, h0);
    ghashMul(h1, h0, h1, h0);
    const q1 = ghY1, q0 = ghY0;
    storePower(1, q1, q0);
    ghashMul(q1, q0, h1, h0);
    storePower(2, ghY1, ghY0);
    ghashMul(q1, q0, q1, q0);
    storePower(3, ghY1, ghY0);
    for (; off + 64 <= len; off += 64) {
      const p = ptr + off;
      accL = 0;
      accG = 0;
      accM = 0;
      accRL = 0;
      accRG = 0;
      accRM = 0;
      mulAcc(y1 ^ bswap<u64>(load<u64>(p)), y0 ^ bswap<u64>(load<u64>(p, 8)), HPOW + 576);
      mulAcc(bswap<u64>(load<u64>(p, 16)), bswap<u64>(load<u64>(p, 24)), HPOW + 384);
      mulAcc(bswap<u64>(load<u64>(p, 32)), bswap<u64>(load<u64>(p, 40)), HPOW + 192);
      mulAcc(bswap<u64>(load<u64>(p, 48)), bswap<u64>(load<u64>(p, 56)), HPOW);
      ghashReduce(accL, accG, accM, accRL, accRG, accRM);
      y1 = ghY1;
      y0 = ghY0;
    }
    accL = accG = accM = accRL = accRG = accRM = 0;
    memory.fill(HPOW, 0, 768);
  }
  for (; off + 16 <= len; off += 16) {
    ghashMul(y1 ^ bswap<u64>(load<u64>(ptr + off)), y0 ^ bswap<u64>(load<u64>(ptr + off, 8)), h1, h0);
    y1 = ghY1;
    y0 = ghY0;
  }
  if (off < len) {
    memory.fill(PAD, 0, 16);
    memory.copy(PAD, ptr + off, <usize>(len - off));
    ghashMul(y1 ^ bswap<u64>(load<u64>(PAD)), y0 ^ bswap<u64>(load<u64>(PAD, 8)), h1, h0);
    y1 = ghY1;
    y0 = ghY0;
    memory.fill(PAD, 0, 16);
  }
  store<u64>(y, y1);
  store<u64>(y, y0, 8);
}
