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

const T: usize = memory.data((2 * MAX_LIMBS + 16) * 8, 16);
const DIFF: usize = memory.data(NUM_BYTES, 16);
const ONE_PLAIN: usize = memory.data(NUM_BYTES, 16);
// Below this many limbs (3360 bits) the lazy accumulators cannot overflow without a carry pass.
const LAZY_LIMBS: i32 = 120;
const QUOTIENTS: usize = memory.data(16, 16);
// A copy of a multiplicand with four zero limbs in front (the kernel reads three of them).
const PADDED: usize = memory.data(NUM_BYTES + 64, 16);

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

/**
 * Four rows at once: t[p] += Σ_{r<4} x[r] · b[p − r] for p < count. `b` must be readable (and hold
 * the intended values, zero where the operand has no limb) from index −3 to count + 3. Loading each
 * accumulator once per four products cuts the memory traffic of the row kernel.
 */
// @ts-ignore: decorator
@inline function mulRows4(t: usize, x: usize, b: usize, count: i32): void {
  if (ASC_FEATURE_SIMD) {
    const x0 = i32x4.splat(load<i32>(x));
    const x1 = i32x4.splat(load<i32>(x, 4));
    const x2 = i32x4.splat(load<i32>(x, 8));
    const x3 = i32x4.splat(load<i32>(x, 12));
    for (let p: i32 = 0; p < count; p += 4) {
      const tp = t + (<usize>p << 3);
      const bp = b + (<usize>p << 2);
      let lo = v128.load(tp);
      let hi = v128.load(tp, 16);
      let bv = v128.load(bp);
      lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x0, bv));
      hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x0, bv));
      bv = v128.load(bp - 4);
      lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x1, bv));
      hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x1, bv));
      bv = v128.load(bp - 8);
      lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x2, bv));
      hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x2, bv));
      bv = v128.load(bp - 12);
      lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x3, bv));
      hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x3, bv));
      v128.store(tp, lo);
      v128.store(tp, hi, 16);
    }
  } else {
    const x0 = <u64>load<u32>(x);
    const x1 = <u64>load<u32>(x, 4);
    const x2 = <u64>load<u32>(x, 8);
    const x3 = <u64>load<u32>(x, 12);
    for (let p: i32 = 0; p < count; p++) {
      const tp = t + (<usize>p << 3);
      const bp = b + (<usize>p << 2);
      store<u64>(
        tp,
        load<u64>(tp) +
          x0 * <u64>load<u32>(bp) +
          x1 * <u64>load<u32>(bp - 4) +
          x2 * <u64>load<u32>(bp - 8) +
          x3 * <u64>load<u32>(bp - 12),
      );
    }
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

/**
 * Montgomery reduction of the product in T into r: r = T · R^-1 mod m, in [0, 2m). With R > 4m and
 * inputs below 2m the output stays below 2m (Walter), so no conditional subtraction is needed
 * between operations; {@link modFinal} brings a value into [0, m) where a canonical one is needed.
 */
function reduce(r: usize, m: usize): void {
  const nl = modLimbs(m);
  const n = modN(m);
  const m0inv = load<u32>(m, 4);
  // Up to 2·nl products of < 2^56 meet in one accumulator: carry first when that could overflow.
  if (nl > LAZY_LIMBS) normalize(0, 2 * nl);
  let i = 0;
  for (; i + 4 <= nl; i += 4) {
    // Quotient digits of four rows: each one is final once the rows before it touched its limb.
    for (let r = 0; r < 4; r++) {
      const tr = T + (<usize>(i + r) << 3);
      const q = (<u32>load<u64>(tr) * m0inv) & LIMB_MASK;
      store<u32>(QUOTIENTS + (<usize>r << 2), q);
      for (let j = 0; j < 4 - r; j++) {
        const tj = tr + (<usize>j << 3);
        store<u64>(tj, load<u64>(tj) + <u64>q * <u64>limb(n, j));
      }
      store<u64>(tr + 8, load<u64>(tr + 8) + (load<u64>(tr) >> LIMB_BITS));
    }
    // The rest of the four rows: t[i+4+p] += Σ q_r · n[4+p−r].
    mulRows4(T + (<usize>(i + 4) << 3), QUOTIENTS, n + 16, nl - 1);
  }
  for (; i < nl; i++) {
    const ti = T + (<usize>i << 3);
    const q = (<u32>load<u64>(ti) * m0inv) & LIMB_MASK;
    mulRow(ti, q, n, nl);
    store<u64>(ti + 8, load<u64>(ti + 8) + (load<u64>(ti) >> LIMB_BITS));
  }
  // The result (< 2m < R) sits in T[nl..2nl); carry it into limbs.
  let c: u64 = 0;
  for (let j = 0; j < nl; j++) {
    const v = load<u64>(T + (<usize>(nl + j) << 3)) + c;
    setLimb(r, j, <u32>v & LIMB_MASK);
    c = v >> LIMB_BITS;
  }
}

/** r = a mod m for a < 2m: one subtraction of m selected by mask. Constant time. */
export function modFinal(r: usize, a: usize, m: usize): void {
  const nl = modLimbs(m);
  const n = modN(m);
  let borrow: i32 = 0;
  for (let j = 0; j < nl; j++) {
    const d = <i32>limb(a, j) - <i32>limb(n, j) - borrow;
    setLimb(DIFF, j, <u32>d & LIMB_MASK);
    borrow = (d >> 31) & 1;
  }
  if (r != a) numCopy(r, a, nl);
  numSelect(r, DIFF, <u32>borrow - 1, nl);
}

/** r = a · b · R^-1 mod m (Montgomery multiplication). r may alias a or b. Constant time. */
export function montMul(r: usize, a: usize, b: usize, m: usize): void {
  const nl = modLimbs(m);
  memory.fill(T, 0, <usize>(2 * nl + 8) << 3);
  // b with three zero limbs before it and zeros after it, for the four-row kernel.
  numCopy(PADDED + 16, b, nl);
  memory.fill(PADDED + 16 + (<usize>nl << 2), 0, 32);
  let i = 0;
  for (; i + 4 <= nl; i += 4) mulRows4(T + (<usize>i << 3), a + (<usize>i << 2), PADDED + 16, nl + 3);
  for (; i < nl; i++) mulRow(T + (<usize>i << 3), limb(a, i), b, nl);
  reduce(r, m);
}

/** t[k] += x · y (u64 accumulator at index k). */
// @ts-ignore: decorator
@inline function addProduct(k: i32, x: u32, y: u32): void {
  const tp = T + (<usize>k << 3);
  store<u64>(tp, load<u64>(tp) + <u64>x * <u64>y);
}

/**
 * r = a² · R^-1 mod m (dedicated squaring: each cross product computed once, doubled through the
 * multiplier). Constant time.
 */
export function montSqr(r: usize, a: usize, m: usize): void {
  const nl = modLimbs(m);
  memory.fill(T, 0, <usize>(2 * nl + 8) << 3);
  const pa = PADDED + 16;
  numCopy(pa, a, nl);
  memory.fill(pa + (<usize>nl << 2), 0, 32);
  let i = 0;
  for (; i + 4 <= nl; i += 4) {
    const a0 = limb(pa, i);
    const a1 = limb(pa, i + 1);
    const a2 = limb(pa, i + 2);
    const a3 = limb(pa, i + 3);
    // Squares and the cross products inside the 4-limb block.
    addProduct(2 * i, a0, a0);
    addProduct(2 * i + 2, a1, a1);
    addProduct(2 * i + 4, a2, a2);
    addProduct(2 * i + 6, a3, a3);
    addProduct(2 * i + 1, a0 << 1, a1);
    addProduct(2 * i + 2, a0 << 1, a2);
    addProduct(2 * i + 3, a0 << 1, a3);
    addProduct(2 * i + 3, a1 << 1, a2);
    addProduct(2 * i + 4, a1 << 1, a3);
    addProduct(2 * i + 5, a2 << 1, a3);
    // Cross products with the limbs after the block: the kernel reads three limbs before its
    // operand, so the block's own limbs are zeroed in the copy while it runs.
    store<u32>(QUOTIENTS, a0 << 1);
    store<u32>(QUOTIENTS, a1 << 1, 4);
    store<u32>(QUOTIENTS, a2 << 1, 8);
    store<u32>(QUOTIENTS, a3 << 1, 12);
    const next = pa + (<usize>(i + 4) << 2);
    store<u32>(next - 4, 0);
    store<u32>(next - 8, 0);
    store<u32>(next - 12, 0);
    mulRows4(T + (<usize>(2 * i + 4) << 3), QUOTIENTS, next, nl - i - 1);
    store<u32>(next - 4, a3);
    store<u32>(next - 8, a2);
    store<u32>(next - 12, a1);
  }
  for (; i < nl; i++) {
    const ai = limb(pa, i);
    addProduct(2 * i, ai, ai);
    mulRow(T + (<usize>(2 * i + 1) << 3), ai << 1, pa + (<usize>(i + 1) << 2), nl - i - 1);
  }
  reduce(r, m);
}

/** r = a · R mod m (into Montgomery form), for a < m. */
export function toMont(r: usize, a: usize, m: usize): void {
  montMul(r, a, modRR(m), m);
}

/** r = a · R^-1 mod m (out of Montgomery form), fully reduced into [0, m). */
export function fromMont(r: usize, a: usize, m: usize): void {
  numSetSmall(ONE_PLAIN, 1, modLimbs(m));
  montMul(r, a, ONE_PLAIN, m);
  modFinal(r, r, m);
}

/** r = a + b mod m for a, b < m (fully reduced inputs and output). Constant time. */
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

/** r = a - b mod m for a, b < m (fully reduced inputs and output). Constant time. */
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
  // R = 2^(28·nl) > 4m keeps Montgomery outputs below 2m without a final subtraction.
  const nl = (bits + 2 + LIMB_BITS - 1) / LIMB_BITS;
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
  modFinal(rr, rr, m);
  montSqr(modRRR(m), rr, m); // R³
  modFinal(modRRR(m), modRRR(m), m);
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
