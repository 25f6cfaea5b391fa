// The Montgomery product kernels: rows of limb products added into u64 accumulators without carries
// (radix 2^28 leaves eight spare bits per accumulator). montMul, montSqr and the reduction in
// montgomery.ts all run on these; the SIMD build multiplies with i64x2.extmul of i32x4 lanes.
import { limb } from "./limbs";

/** t[j] += x · b[j] for j < len (t: u64 accumulators, b: limbs, x < 2^32). */
// @ts-ignore: decorator
@inline export function mulRow(t: usize, x: u32, b: usize, len: i32): void {
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
 * One vector step of {@link rows4Simd}: accumulators t[p..p+4) (tp) and operand limbs b[p−3..p+4) (bp),
 * with the first `rows` multipliers of x0..x3 (2 or 4; a constant where inlined).
 */
// @ts-ignore: decorator
@inline function rowsStep(tp: usize, bp: usize, x0: v128, x1: v128, x2: v128, x3: v128, rows: i32): void {
  let lo = v128.load(tp);
  let hi = v128.load(tp, 16);
  let bv = v128.load(bp, 12);
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x0, bv));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x0, bv));
  bv = v128.load(bp, 8);
  lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x1, bv));
  hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x1, bv));
  if (rows == 4) {
    bv = v128.load(bp, 4);
    lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x2, bv));
    hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x2, bv));
    bv = v128.load(bp);
    lo = i64x2.add(lo, i64x2.extmul_low_i32x4_u(x3, bv));
    hi = i64x2.add(hi, i64x2.extmul_high_i32x4_u(x3, bv));
  }
  v128.store(tp, lo);
  v128.store(tp, hi, 16);
}

/** One vector step of all four rows (see {@link rowsStep}). */
// @ts-ignore: decorator
@inline export function rows4Step(tp: usize, bp: usize, x0: v128, x1: v128, x2: v128, x3: v128): void {
  rowsStep(tp, bp, x0, x1, x2, x3, 4);
}

/** One vector step of the first two rows only (x0 on b[p], x1 on b[p−1]; see {@link rowsStep}). */
// @ts-ignore: decorator
@inline export function rows2Step(tp: usize, bp: usize, x0: v128, x1: v128): void {
  rowsStep(tp, bp, x0, x1, x0, x1, 2);
}

/**
 * Four rows at once: t[p] += Σ_{r<4} x_r · b[p − r] for p in [from, to) (a multiple of 4 apart),
 * with the four multipliers as i32x4 splats, in whole vectors (so up to three positions past `to`).
 * `b` must be readable (and hold the intended values, zero where the operand has no limb) from index
 * from − 3 to to + 3. Loading each accumulator once
 * per four products cuts the memory traffic of the row kernel; two steps per loop iteration halve
 * the loop overhead.
 */
// @ts-ignore: decorator
@inline export function rows4Simd(t: usize, b: usize, from: i32, to: i32, x0: v128, x1: v128, x2: v128, x3: v128): void {
  // Operand pointers are based three limbs back, so that every load takes a non-negative offset.
  let tp = t + (<usize>from << 3);
  let bp = b - 12 + (<usize>from << 2);
  // Whole vectors: the last one may run past `to` (as far as the next multiple of 4 after from).
  const end = tp + (<usize>((to - from + 3) & ~3) << 3);
  while (tp + 64 <= end) {
    rows4Step(tp, bp, x0, x1, x2, x3);
    rows4Step(tp + 32, bp + 16, x0, x1, x2, x3);
    tp += 64;
    bp += 32;
  }
  if (tp < end) rows4Step(tp, bp, x0, x1, x2, x3);
}

/** Scalar counterpart of {@link rows4Simd} (multipliers below 2^32, one position per step). */
// @ts-ignore: decorator
@inline export function rows4Scalar(t: usize, b: usize, from: i32, to: i32, x0: u64, x1: u64, x2: u64, x3: u64): void {
  for (let p = from; p < to; p++) {
    const tp = t + (<usize>p << 3);
    const bp = b - 12 + (<usize>p << 2);
    store<u64>(
      tp,
      load<u64>(tp) +
        x0 * <u64>load<u32>(bp, 12) +
        x1 * <u64>load<u32>(bp, 8) +
        x2 * <u64>load<u32>(bp, 4) +
        x3 * <u64>load<u32>(bp),
    );
  }
}

/** {@link rows4Simd} / {@link rows4Scalar} for p < count, with the four multipliers read from x. */
// @ts-ignore: decorator
@inline export function mulRows4(t: usize, x: usize, b: usize, count: i32): void {
  if (ASC_FEATURE_SIMD) {
    const xv = v128.load(x);
    const x0 = i32x4.shuffle(xv, xv, 0, 0, 0, 0);
    const x1 = i32x4.shuffle(xv, xv, 1, 1, 1, 1);
    const x2 = i32x4.shuffle(xv, xv, 2, 2, 2, 2);
    const x3 = i32x4.shuffle(xv, xv, 3, 3, 3, 3);
    rows4Simd(t, b, 0, count, x0, x1, x2, x3);
  } else {
    const x0 = <u64>load<u32>(x);
    const x1 = <u64>load<u32>(x, 4);
    const x2 = <u64>load<u32>(x, 8);
    const x3 = <u64>load<u32>(x, 12);
    rows4Scalar(t, b, 0, count, x0, x1, x2, x3);
  }
}
