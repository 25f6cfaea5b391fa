// Modular exponentiation in the Montgomery domain.
//
// The secret-exponent routine uses a fixed 5-bit window: every window costs five squarings and one
// multiplication by a table entry chosen with a masked scan over all 32 entries, so neither the
// branches nor the memory addresses depend on the exponent (or the base).
import { NUM_BYTES, limb, numBit, numCopy, setLimb } from "./limbs";
import { modLimbs, modOne, montMul, montSqr } from "./montgomery";

const WINDOW: i32 = 5;
const TABLE_SIZE: i32 = 1 << WINDOW;
const TABLE: usize = memory.data(TABLE_SIZE * NUM_BYTES, 16);
const PICKED: usize = memory.data(NUM_BYTES, 16);
const ACC: usize = memory.data(NUM_BYTES, 16);

// One all-ones-or-zero v128 mask per table entry, rebuilt for every selection.
const MASKS: usize = memory.data(TABLE_SIZE * 16, 16);

/** Copies table entry `index` into PICKED by reading every entry (masked selection). */
function pickEntry(index: u32, nl: i32): void {
  if (ASC_FEATURE_SIMD) {
    for (let e: u32 = 0; e < <u32>TABLE_SIZE; e++) {
      const mask = <u32>(((<u64>(e ^ index)) - 1) >> 32); // all ones when e == index
      v128.store(MASKS + (<usize>e << 4), i32x4.splat(<i32>mask));
    }
    // Twenty limbs (five vectors) of the result per pass over the table while they stay within nl
    // rounded up to 8, then eight: whole passes stay inside the entries (MAX_LIMBS is a multiple of 8
    // at or above that bound), and each mask load serves five vectors.
    const bound = (nl + 7) & ~7;
    let j: i32 = 0;
    for (; j + 20 <= bound; j += 20) {
      const off = <usize>j << 2;
      let v0 = i64x2.splat(0);
      let v1 = i64x2.splat(0);
      let v2 = i64x2.splat(0);
      let v3 = i64x2.splat(0);
      let v4 = i64x2.splat(0);
      for (let e: i32 = 0; e < TABLE_SIZE; e++) {
        const mv = v128.load(MASKS + (<usize>e << 4));
        const entry = TABLE + <usize>e * <usize>NUM_BYTES + off;
        v0 = v128.or(v0, v128.and(v128.load(entry), mv));
        v1 = v128.or(v1, v128.and(v128.load(entry, 16), mv));
        v2 = v128.or(v2, v128.and(v128.load(entry, 32), mv));
        v3 = v128.or(v3, v128.and(v128.load(entry, 48), mv));
        v4 = v128.or(v4, v128.and(v128.load(entry, 64), mv));
      }
      v128.store(PICKED + off, v0);
      v128.store(PICKED + off, v1, 16);
      v128.store(PICKED + off, v2, 32);
      v128.store(PICKED + off, v3, 48);
      v128.store(PICKED + off, v4, 64);
    }
    for (; j < nl; j += 8) {
      const off = <usize>j << 2;
      let lo = i64x2.splat(0);
      let hi = i64x2.splat(0);
      for (let e: i32 = 0; e < TABLE_SIZE; e++) {
        const mv = v128.load(MASKS + (<usize>e << 4));
        const entry = TABLE + <usize>e * <usize>NUM_BYTES + off;
        lo = v128.or(lo, v128.and(v128.load(entry), mv));
        hi = v128.or(hi, v128.and(v128.load(entry, 16), mv));
      }
      v128.store(PICKED + off, lo);
      v128.store(PICKED + off, hi, 16);
    }
  } else {
    memory.fill(PICKED, 0, <usize>nl << 2);
    for (let e: u32 = 0; e < <u32>TABLE_SIZE; e++) {
      const mask = <u32>(((<u64>(e ^ index)) - 1) >> 32); // all ones when e == index
      const entry = TABLE + <usize>e * <usize>NUM_BYTES;
      for (let j: i32 = 0; j < nl; j++) setLimb(PICKED, j, limb(PICKED, j) | (limb(entry, j) & mask));
    }
  }
}

/**
 * r = base^exp mod m, everything in Montgomery form except `exp` (plain limbs). `expBits` is the
 * public bound on the exponent's length (e.g. the bit length of the modulus); the sequence of
 * operations and memory accesses depends only on `expBits` and the modulus size.
 */
export function modExpSecret(r: usize, base: usize, exp: usize, expBits: i32, m: usize): void {
  const nl = modLimbs(m);
  numCopy(TABLE, modOne(m), nl);
  numCopy(TABLE + <usize>NUM_BYTES, base, nl);
  for (let i = 2; i < TABLE_SIZE; i++) {
    const entry = TABLE + <usize>i * <usize>NUM_BYTES;
    if ((i & 1) == 0) montSqr(entry, TABLE + <usize>(i >> 1) * <usize>NUM_BYTES, m);
    else montMul(entry, entry - <usize>NUM_BYTES, base, m);
  }
  const windows = (expBits + WINDOW - 1) / WINDOW;
  for (let w = windows - 1; w >= 0; w--) {
    let index: u32 = 0;
    for (let b = WINDOW - 1; b >= 0; b--) {
      const pos = w * WINDOW + b;
      index = (index << 1) | (pos < expBits ? numBit(exp, pos) : 0);
    }
    pickEntry(index, nl);
    if (w == windows - 1) {
      numCopy(ACC, PICKED, nl);
    } else {
      for (let s = 0; s < WINDOW; s++) montSqr(ACC, ACC, m);
      montMul(ACC, ACC, PICKED, m);
    }
  }
  numCopy(r, ACC, nl);
  memory.fill(TABLE, 0, <usize>TABLE_SIZE * <usize>NUM_BYTES);
  memory.fill(PICKED, 0, <usize>NUM_BYTES);
  memory.fill(ACC, 0, <usize>NUM_BYTES);
  memory.fill(MASKS, 0, <usize>TABLE_SIZE * 16);
}

/**
 * r = base^e mod m for a public exponent that fits in 32 bits (left-to-right square and multiply,
 * variable time in `e` only). Montgomery form in and out. r must not alias base.
 */
export function modExpSmall(r: usize, base: usize, e: u32, m: usize): void {
  const nl = modLimbs(m);
  if (e == 0) {
    numCopy(r, modOne(m), nl);
    return;
  }
  numCopy(r, base, nl);
  for (let bit = 30 - <i32>clz(e); bit >= 0; bit--) {
    montSqr(r, r, m);
    if ((e >> <u32>bit) & 1) montMul(r, r, base, m);
  }
}

