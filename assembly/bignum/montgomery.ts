// Montgomery arithmetic (radix 2^28, lazy carries) with a dedicated squaring routine.
//
// A modulus context ("Mod") is a block of memory:
//   +0  nl     i32  limbs in use
//   +4  m0inv  u32  -m^-1 mod 2^28
//   +8  bits   i32  bit length of the modulus
//   +16 m      limbs of the modulus
//   +16+NUM   one   R mod m            (R = 2^(28·nl))
//   +16+2NUM  rr    R^2 mod m
//   +16+3NUM  rrr   R^3 mod m
// Products are accumulated in a u64 scratch row without carries (a 28×28-bit product leaves eight
// spare bits), normalized once, reduced row by row (REDC), and finished by one constant-time
// conditional subtraction. The row kernel is SIMD (i64x2.extmul of i32x4 lanes) in the SIMD build.
import { LIMB_BITS, LIMB_MASK, MAX_LIMBS, NUM_BYTES, limb, numCopy, numSelect, numSetSmall, numZero, setLimb } from "./limbs";

/** Size of a modulus context in bytes. */
export const MOD_BYTES: i32 = 16 + 4 * NUM_BYTES;

/** Limbs in use for the modulus context `m`. */
// @ts-ignore: decorator
@inline export function modLimbs(m: usize): i32 {
  return load<i32>(m);
}
/** Bit length of the modulus of context `m`. */
// @ts-ignore: decorator
@inline export function modBits(m: usize): i32 {
  return load<i32>(m, 8);
}
/** Address of the modulus limbs. */
// @ts-ignore: decorator
@inline export function modN(m: usize): usize {
  return m + 16;
}
/** Address of R mod m (Montgomery form of 1). */
// @ts-ignore: decorator
@inline export function modOne(m: usize): usize {
  return m + 16 + <usize>NUM_BYTES;
}
/** Address of R^2 mod m. */
// @ts-ignore: decorator
@inline export function modRR(m: usize): usize {
  return m + 16 + 2 * <usize>NUM_BYTES;
}
/** Address of R^3 mod m. */
// @ts-ignore: decorator
@inline export function modRRR(m: usize): usize {
  return m + 16 + 3 * <usize>NUM_BYTES;
}

const T: usize = memory.data((2 * MAX_LIMBS + 8) * 8, 16);
const DIFF: usize = memory.data(NUM_BYTES, 16);
const ONE_PLAIN: usize = memory.data(NUM_BYTES, 16);

/** t[j] += x · b[j] for j < len (t: u64 accumulators, b: limbs, x < 2^32). */
// @ts-ignore: decorator
@inline function mulRow(t: usize, x: u32, b: usize, len: i32): void {
  let j: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    const xs = i32x4.splat(<i32>x);
    for (; j + 4 <= len; j += 4) {
      const bv = v128.load(b + (<usize>j << 2));
      const tp = t + (<usize>j << 3);
      v128.store(tp, i64x2.add(v128.load(tp), i64x2.extmul_low_i32x4_u(xs, bv)));
      v128.store(tp, i64x2.add(v128.load(tp, 16), i64x2.extmul_high_i32x4_u(xs, bv)), 16);
    }
  }
  const xx = <u64>x;
  for (; j < len; j++) {
    const tp = t + (<usize>j << 3);
    store<u64>(tp, load<u64>(tp) + xx * <u64>limb(b, j));
  }
}

/** Carries the u64 accumulators t[from..to) into 28-bit limbs (the last one keeps the carry). */
// @ts-ignore: decorator
@inline function normalize(from: i32, to: i32): void {
  let c: u64 = 0;
  for (let k = from; k < to; k++) {
    const p = T + (<usize>k << 3);
    const v = load<u64>(p) + c;
    store<u64>(p, v & <u64>LIMB_MASK);
    c = v >> LIMB_BITS;
  }
  const last = T + (<usize>to << 3);
  store<u64>(last, load<u64>(last) + c);
}

/** Montgomery reduction of the product in T into r: r = T · R^-1 mod m, fully reduced. */
function reduce(r: usize, m: usize): void {
  const nl = modLimbs(m);
  const n = modN(m);
  const m0inv = load<u32>(m, 4);
  normalize(0, 2 * nl);
  for (let i = 0; i < nl; i++) {
    const ti = T + (<usize>i << 3);
    const q = (<u32>load<u64>(ti) * m0inv) & LIMB_MASK;
    mulRow(ti, q, n, nl);
    store<u64>(ti + 8, load<u64>(ti + 8) + (load<u64>(ti) >> LIMB_BITS));
  }
  // The result (< 2m) sits in T[nl..2nl]; carry it into limbs.
  let c: u64 = 0;
  for (let j = 0; j < nl; j++) {
    const v = load<u64>(T + (<usize>(nl + j) << 3)) + c;
    setLimb(r, j, <u32>v & LIMB_MASK);
    c = v >> LIMB_BITS;
  }
  const top = <i32>(load<u64>(T + (<usize>(2 * nl) << 3)) + c);
  // Subtract m once when the result is ≥ m, selected by mask.
  let borrow: i32 = 0;
  for (let j = 0; j < nl; j++) {
    const d = <i32>limb(r, j) - <i32>limb(n, j) - borrow;
    setLimb(DIFF, j, <u32>d & LIMB_MASK);
    borrow = (d >> 31) & 1;
  }
  const keep = <u32>((top - borrow) >> 31); // all ones when r < m
  numSelect(r, DIFF, ~keep, nl);
}

/** r = a · b · R^-1 mod m (Montgomery multiplication). r may alias a or b. Constant time. */
export function montMul(r: usize, a: usize, b: usize, m: usize): void {
  const nl = modLimbs(m);
  memory.fill(T, 0, <usize>(2 * nl + 2) << 3);
  for (let i = 0; i < nl; i++) mulRow(T + (<usize>i << 3), limb(a, i), b, nl);
  reduce(r, m);
}

/** r = a² · R^-1 mod m (dedicated squaring: each cross product computed once). Constant time. */
export function montSqr(r: usize, a: usize, m: usize): void {
  const nl = modLimbs(m);
  memory.fill(T, 0, <usize>(2 * nl + 2) << 3);
  for (let i = 0; i < nl; i++) {
    const ai = limb(a, i);
    const tp = T + (<usize>(2 * i) << 3);
    store<u64>(tp, load<u64>(tp) + <u64>ai * <u64>ai);
    mulRow(tp + 8, ai << 1, a + (<usize>(i + 1) << 2), nl - i - 1);
  }
  reduce(r, m);
}

/** r = a · R mod m (into Montgomery form), for a < m. */
export function toMont(r: usize, a: usize, m: usize): void {
  montMul(r, a, modRR(m), m);
}

/** r = a · R^-1 mod m (out of Montgomery form). */
export function fromMont(r: usize, a: usize, m: usize): void {
  numSetSmall(ONE_PLAIN, 1, modLimbs(m));
  montMul(r, a, ONE_PLAIN, m);
}

/** r = a + b mod m for a, b < m. Constant time. */
export function modAdd(r: usize, a: usize, b: usize, m: usize): void {
  const nl = modLimbs(m);
  let carry: u32 = 0;
  for (let i = 0; i < nl; i++) {
    const s = limb(a, i) + limb(b, i) + carry;
    setLimb(r, i, s & LIMB_MASK);
    carry = s >> LIMB_BITS;
  }
  const n = modN(m);
  let borrow: i32 = 0;
  for (let j = 0; j < nl; j++) {
    const d = <i32>limb(r, j) - <i32>limb(n, j) - borrow;
    setLimb(DIFF, j, <u32>d & LIMB_MASK);
    borrow = (d >> 31) & 1;
  }
  const keep = <u32>((<i32>carry - borrow) >> 31);
  numSelect(r, DIFF, ~keep, nl);
}

/** r = a - b mod m for a, b < m. Constant time. */
export function modSub(r: usize, a: usize, b: usize, m: usize): void {
  const nl = modLimbs(m);
  let borrow: i32 = 0;
  for (let i = 0; i < nl; i++) {
    const d = <i32>limb(a, i) - <i32>limb(b, i) - borrow;
    setLimb(r, i, <u32>d & LIMB_MASK);
    borrow = (d >> 31) & 1;
  }
  const mask = <u32>-borrow;
  const n = modN(m);
  let carry: u32 = 0;
  for (let i = 0; i < nl; i++) {
    const s = limb(r, i) + (limb(n, i) & mask) + carry;
    setLimb(r, i, s & LIMB_MASK);
    carry = s >> LIMB_BITS;
  }
}

/** x = 2x mod m for x < m. Constant time. */
function modDouble(x: usize, m: usize): void {
  modAdd(x, x, x, m);
}

/**
 * Prepares the context `m` whose limbs (modN) are already written: computes nl, -m^-1 mod 2^28,
 * R, R² and R³ mod m. Returns 0, or 1 when the modulus is even, smaller than 2^64 or too large.
 * Time depends only on the modulus size.
 */
export function modPrepare(m: usize, bits: i32): i32 {
  const nl = (bits + LIMB_BITS - 1) / LIMB_BITS;
  if (bits < 64 || nl > MAX_LIMBS - 4) return 1;
  const n = modN(m);
  const n0 = limb(n, 0);
  if ((n0 & 1) == 0) return 1;
  store<i32>(m, nl);
  store<i32>(m, bits, 8);
  // Newton iteration: x = n0^-1 mod 2^32 (each step doubles the correct bits: 3→6→12→24→48).
  let x: u32 = n0;
  for (let i = 0; i < 4; i++) x = x * (2 - n0 * x);
  store<u32>(m, (0 - x) & LIMB_MASK, 4);
  for (let i = nl; i < MAX_LIMBS; i++) setLimb(n, i, 0);
  // one = 2^(28·nl) mod m and rr by doubling to R·2^(7·nl), then two Montgomery squarings.
  const one = modOne(m);
  // 1 < m, and 2^(bits-1) < m: start at 2^(bits-1) to save doublings.
  numZero(one, nl);
  setLimb(one, (bits - 1) / LIMB_BITS, 1 << <u32>((bits - 1) % LIMB_BITS));
  for (let i = bits - 1; i < LIMB_BITS * nl; i++) modDouble(one, m);
  const rr = modRR(m);
  numCopy(rr, one, nl);
  for (let i = 0; i < 7 * nl; i++) modDouble(rr, m);
  montSqr(rr, rr, m); // R·2^(14·nl)
  montSqr(rr, rr, m); // R·2^(28·nl) = R²
  montSqr(modRRR(m), rr, m); // R³
  return 0;
}

/** Copies the modulus context `src` to `dst`. */
export function modCopy(dst: usize, src: usize): void {
  memory.copy(dst, src, <usize>MOD_BYTES);
}

/** r = a · b as plain integers (al and bl limbs; r gets al + bl limbs). r must not alias a or b. */
export function numMul(r: usize, a: usize, al: i32, b: usize, bl: i32): void {
  const rl = al + bl;
  memory.fill(T, 0, <usize>(rl + 2) << 3);
  for (let i = 0; i < al; i++) mulRow(T + (<usize>i << 3), limb(a, i), b, bl);
  normalize(0, rl);
  for (let k = 0; k < rl; k++) setLimb(r, k, <u32>load<u64>(T + (<usize>k << 3)));
}
