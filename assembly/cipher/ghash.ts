// GHASH (NIST SP 800-38D §6.4) with a constant-time carry-less multiplication: no tables at all.
// 32×32-bit carry-less products come from ordinary integer multiplications of operands whose bits are
// spread four apart ("holes"), so carries never reach a bit that is kept; two Karatsuba levels build the
// 128×128 product. Blocks are handled as big-endian 128-bit integers (GCM's bit-reflected order), where
// the product of reflected operands is the reflected product shifted right by one bit.

const M0: u64 = 0x1111111111111111;
const M1: u64 = 0x2222222222222222;
const M2: u64 = 0x4444444444444444;
const M3: u64 = 0x8888888888888888;

/** Carry-less product of two 32-bit values (64-bit result), by integer multiplication with holes. */
// @ts-ignore: decorator
@inline
function clmul32(a: u64, b: u64): u64 {
  const a0 = a & M0, a1 = a & M1, a2 = a & M2, a3 = a & M3;
  const b0 = b & M0, b1 = b & M1, b2 = b & M2, b3 = b & M3;
  const z0 = (a0 * b0) ^ (a1 * b3) ^ (a2 * b2) ^ (a3 * b1);
  const z1 = (a0 * b1) ^ (a1 * b0) ^ (a2 * b3) ^ (a3 * b2);
  const z2 = (a0 * b2) ^ (a1 * b1) ^ (a2 * b0) ^ (a3 * b3);
  const z3 = (a0 * b3) ^ (a1 * b2) ^ (a2 * b1) ^ (a3 * b0);
  return (z0 & M0) | (z1 & M1) | (z2 & M2) | (z3 & M3);
}

let clLo: u64 = 0;
let clHi: u64 = 0;

/** Carry-less 64×64 → 128-bit product into (clHi, clLo), Karatsuba over 32-bit halves. */
// @ts-ignore: decorator
@inline
function clmul64(a: u64, b: u64): void {
  const al = a & 0xffffffff, ah = a >> 32;
  const bl = b & 0xffffffff, bh = b >> 32;
  const lo = clmul32(al, bl);
  const hi = clmul32(ah, bh);
  const mid = clmul32(al ^ ah, bl ^ bh) ^ lo ^ hi;
  clLo = lo ^ (mid << 32);
  clHi = hi ^ (mid >> 32);
}

/** Result of ghashMul: the high and low 64 bits of the block (big-endian halves). */
export let ghY1: u64 = 0;
export let ghY0: u64 = 0;

/** (ghY1:ghY0) ← (y1:y0)·(h1:h0) in GF(2^128) with GCM's bit order and polynomial x^128+x^7+x^2+x+1. */
export function ghashMul(y1: u64, y0: u64, h1: u64, h0: u64): void {
  clmul64(y0, h0);
  const l0 = clLo, l1 = clHi;
  clmul64(y1, h1);
  const g0 = clLo, g1 = clHi;
  clmul64(y0 ^ y1, h0 ^ h1);
  const m0 = clLo ^ l0 ^ g0, m1 = clHi ^ l1 ^ g1;
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

const PAD: usize = memory.data(16, 16);

/**
 * Absorbs `len` bytes at `ptr` into the accumulator stored at `y` (two big-endian u64 halves kept as
 * native u64: [y1, y0]) with key `h` ([h1, h0]); a final partial block is zero-padded (§6.4).
 */
export function ghashUpdate(y: usize, h: usize, ptr: usize, len: i32): void {
  let y1 = load<u64>(y), y0 = load<u64>(y, 8);
  const h1 = load<u64>(h), h0 = load<u64>(h, 8);
  let off = 0;
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
