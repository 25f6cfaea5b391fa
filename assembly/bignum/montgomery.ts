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
// spare bits) and reduced four rows at a time (REDC). R = 2^(28·nl) > 4m keeps every result below 2m
// (Walter), so no conditional subtraction is needed between operations; modFinal() brings a value
// into [0, m) with a masked subtraction where a canonical one is needed. The product rows run on the
// kernels of row-kernels.ts.
import { LIMB_BITS, LIMB_MASK, MAX_LIMBS, NUM_BYTES, limb, numCopy, numSelect, numSetSmall, numZero, setLimb } from "./limbs";
import { mulRow, mulRows4, rows2Step, rows4Scalar, rows4Simd, rows4Step } from "./row-kernels";

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
// A copy of a multiplicand with four zero limbs in front (the kernel reads three of them).
const PADDED: usize = memory.data(NUM_BYTES + 64, 16);

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


// Quotient digits of the next four-row block of the reduction and the carry out of its last row
// (globals so that the inlined chain can hand them over without memory).
let q0: u64 = 0;
let q1: u64 = 0;
let q2: u64 = 0;
let q3: u64 = 0;
let chainCarry: u64 = 0;

/** Mask of two limbs (56 bits). */
const PAIR_MASK: u64 = (<u64>1 << 56) - 1;

/**
 * The serial part of four reduction rows, in locals: reads t[i..i+4) (final once the rows before
 * touched them), adds the incoming carry, and derives the quotient digits q0..q3 two at a time
 * (Q = (t mod 2^56) · m56 mod 2^56 with m56 = −n^-1 mod 2^56, one 64-bit multiply per pair; the
 * low 56 bits of t_i + t_{i+1}·2^28 survive the 64-bit wrap-around), applying q_r · n[j] for the
 * products that stay inside the block. Leaves the carry out of row i+3 in chainCarry.
 */
// @ts-ignore: decorator
@inline function quotientChain(t: usize, m56: u64, n0: u64, n1: u64, n2: u64, n3: u64): void {
  const t0 = load<u64>(t) + chainCarry;
  const t1 = load<u64>(t, 8);
  let t2 = load<u64>(t, 16);
  let t3 = load<u64>(t, 24);
  const lo = ((t0 + (t1 << LIMB_BITS)) * m56) & PAIR_MASK;
  const d0 = lo & <u64>LIMB_MASK;
  const d1 = lo >> LIMB_BITS;
  const u1 = t1 + d0 * n1 + d1 * n0 + ((t0 + d0 * n0) >> LIMB_BITS);
  t2 += d0 * n2 + d1 * n1 + (u1 >> LIMB_BITS);
  t3 += d0 * n3 + d1 * n2;
  const hi = ((t2 + (t3 << LIMB_BITS)) * m56) & PAIR_MASK;
  const d2 = hi & <u64>LIMB_MASK;
  const d3 = hi >> LIMB_BITS;
  chainCarry = (t3 + d2 * n1 + d3 * n0 + ((t2 + d2 * n0) >> LIMB_BITS)) >> LIMB_BITS;
  q0 = d0;
  q1 = d1;
  q2 = d2;
  q3 = d3;
}

/**
 * Montgomery reduction of the product in T into r: r = T · R^-1 mod m, in [0, 2m). With R > 4m and
 * inputs below 2m the output stays below 2m (Walter), so no conditional subtraction is needed
 * between operations; {@link modFinal} brings a value into [0, m) where a canonical one is needed.
 * Rows are reduced four at a time: a scalar chain in locals finds the block's four quotient digits,
 * then the SIMD kernel adds their products with the rest of the modulus.
 */
function reduce(r: usize, m: usize): void {
  const nl = modLimbs(m);
  const n = modN(m);
  const m0inv = load<u32>(m, 4);
  // Up to 2·nl products of < 2^56 meet in one accumulator: carry first when that could overflow.
  if (nl > LAZY_LIMBS) normalize(0, 2 * nl);
  const n0 = <u64>limb(n, 0);
  const n1 = <u64>limb(n, 1);
  const n2 = <u64>limb(n, 2);
  const n3 = <u64>limb(n, 3);
  // m56 = −n^-1 mod 2^56: one Newton step from the 28-bit m0inv doubles the correct bits.
  const inv28 = <u64>((0 - m0inv) & LIMB_MASK);
  const m56 = (0 - inv28 * (2 - (n0 | (n1 << LIMB_BITS)) * inv28)) & PAIR_MASK;
  const blocks = nl >> 2;
  // The kernel covers t[i+4+p] for p < nl − 1 rounded up to a whole vector.
  const span = (nl + 2) & ~3;
  chainCarry = 0;
  if (blocks > 0) quotientChain(T, m56, n0, n1, n2, n3);
  for (let b = 0; b < blocks; b++) {
    const t = T + (<usize>(4 * b + 4) << 3);
    const nn = n + 16;
    if (ASC_FEATURE_SIMD) {
      rows4Simd(t, nn, 0, span, i32x4.splat(<i32>q0), i32x4.splat(<i32>q1), i32x4.splat(<i32>q2), i32x4.splat(<i32>q3));
    } else {
      rows4Scalar(t, nn, 0, nl - 1, q0, q1, q2, q3);
    }
    // The next block's chain starts from the first four accumulators this block wrote. It runs
    // after the whole block: right after their (vector) stores, its scalar loads would stall on
    // store-to-load forwarding, which costs more than the overlap with the kernel gains.
    if (b + 1 < blocks) quotientChain(t, m56, n0, n1, n2, n3);
  }
  let i = 4 * blocks;
  const ti = T + (<usize>i << 3);
  store<u64>(ti, load<u64>(ti) + chainCarry);
  for (; i < nl; i++) {
    const ti = T + (<usize>i << 3);
    const q = (<u32>load<u64>(ti) * m0inv) & LIMB_MASK;
    mulRow(ti, q, n, nl);
    store<u64>(ti + 8, load<u64>(ti + 8) + (load<u64>(ti) >> LIMB_BITS));
  }
  // The result (< 2m < R) sits in T[nl..2nl); carry it into limbs, four per iteration (the
  // carry chain is serial: unrolling leaves it as the only work between two limbs).
  const src = T + (<usize>nl << 3);
  let c: u64 = 0;
  let j = 0;
  for (; j + 4 <= nl; j += 4) {
    const s = src + (<usize>j << 3);
    const d = r + (<usize>j << 2);
    const v0 = load<u64>(s) + c;
    const v1 = load<u64>(s, 8) + (v0 >> LIMB_BITS);
    const v2 = load<u64>(s, 16) + (v1 >> LIMB_BITS);
    const v3 = load<u64>(s, 24) + (v2 >> LIMB_BITS);
    store<u32>(d, <u32>v0 & LIMB_MASK);
    store<u32>(d, <u32>v1 & LIMB_MASK, 4);
    store<u32>(d, <u32>v2 & LIMB_MASK, 8);
    store<u32>(d, <u32>v3 & LIMB_MASK, 12);
    c = v3 >> LIMB_BITS;
  }
  for (; j < nl; j++) {
    const v = load<u64>(src + (<usize>j << 3)) + c;
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

/** Zeroes the first `words` accumulators of T (`words` even). Inline stores: no call into the host. */
// @ts-ignore: decorator
@inline function clearT(words: i32): void {
  if (ASC_FEATURE_SIMD) {
    const zero = i64x2.splat(0);
    let k = 0;
    for (; k + 8 <= words; k += 8) {
      const p = T + (<usize>k << 3);
      v128.store(p, zero);
      v128.store(p, zero, 16);
      v128.store(p, zero, 32);
      v128.store(p, zero, 48);
    }
    for (; k < words; k += 2) v128.store(T + (<usize>k << 3), zero);
  } else {
    memory.fill(T, 0, <usize>words << 3);
  }
}

/**
 * Copies the nl limbs at `src` into PADDED (after its four leading zero limbs) followed by eight
 * zero limbs, the layout the four-row kernel reads. May read up to three limbs past nl at `src`.
 */
// @ts-ignore: decorator
@inline function loadPadded(src: usize, nl: i32): void {
  const dst = PADDED + 16;
  if (ASC_FEATURE_SIMD) {
    let j = 0;
    for (; j + 8 <= nl; j += 8) {
      const s = src + (<usize>j << 2);
      const d = dst + (<usize>j << 2);
      v128.store(d, v128.load(s));
      v128.store(d, v128.load(s, 16), 16);
    }
    if (j < nl) v128.store(dst + (<usize>j << 2), v128.load(src + (<usize>j << 2)));
    if (j + 4 < nl) v128.store(dst + (<usize>j << 2), v128.load(src + (<usize>j << 2), 16), 16);
    const tail = dst + (<usize>nl << 2);
    v128.store(tail, i64x2.splat(0));
    v128.store(tail, i64x2.splat(0), 16);
  } else {
    numCopy(dst, src, nl);
    memory.fill(dst + (<usize>nl << 2), 0, 32);
  }
}

/** r = a · b · R^-1 mod m (Montgomery multiplication). r may alias a or b. Constant time. */
export function montMul(r: usize, a: usize, b: usize, m: usize): void {
  const nl = modLimbs(m);
  clearT(2 * nl + 8);
  // b with three zero limbs before it and zeros after it, for the four-row kernel.
  loadPadded(b, nl);
  let i = 0;
  for (; i + 4 <= nl; i += 4) mulRows4(T + (<usize>i << 3), a + (<usize>i << 2), PADDED + 16, nl + 3);
  for (; i < nl; i++) mulRow(T + (<usize>i << 3), limb(a, i), b, nl);
  reduce(r, m);
}

/**
 * Squaring product rows of the four-limb blocks (SIMD): block i's rows run the four-row kernel
 * from position 2i over the operand from limb i, with multipliers 2·a[i+r] (each cross product
 * once, doubled). In the first two vectors each row's multiplier is a[i+r] on the square's
 * position and zero before it, so the kernel also covers the block's own squares and cross products
 * and never counts a pair twice. Returns the first limb not covered (a multiple of 4).
 */
// @ts-ignore: decorator
@inline function sqrBlocksSimd(pa: usize, nl: i32): i32 {
  let i = 0;
  for (; i + 4 <= nl; i += 4) {
    const av = v128.load(pa + (<usize>i << 2));
    const dv = i32x4.shl(av, 1);
    const s0 = i32x4.shuffle(dv, dv, 0, 0, 0, 0);
    const s1 = i32x4.shuffle(dv, dv, 1, 1, 1, 1);
    const s2 = i32x4.shuffle(dv, dv, 2, 2, 2, 2);
    const s3 = i32x4.shuffle(dv, dv, 3, 3, 3, 3);
    const t = T + (<usize>(2 * i) << 3);
    const bp = pa - 12 + (<usize>i << 2);
    // Row r's last product lands at position (nl − 1) + (i + r).
    rows4Simd(t, pa + (<usize>i << 2), 8, nl - i + 3, s0, s1, s2, s3);
    const upperPair = i32x4(0, 0, -1, -1);
    // Positions 2i..2i+3: row 0 from its square on, row 1 from its square (2i+2) on.
    const r0 = i32x4.shuffle(av, dv, 0, 4, 4, 4);
    const r1 = v128.and(i32x4.shuffle(av, dv, 1, 5, 1, 5), upperPair);
    rows2Step(t, bp, r0, r1);
    // Positions 2i+4..2i+7: rows 2 and 3 start with their squares (2i+4, 2i+6).
    const r2 = i32x4.shuffle(av, dv, 2, 6, 6, 6);
    const r3 = v128.and(i32x4.shuffle(av, dv, 3, 7, 3, 7), upperPair);
    rows4Step(t + 32, bp + 16, s0, s1, r2, r3);
  }
  return i;
}

/**
 * Squaring product rows of the four-limb blocks (scalar): the block's squares and inner cross
 * products one accumulator at a time, then the four-row kernel over the limbs after the block
 * (which sees the block's own limbs, three of which it reads, zeroed in the copy while it runs).
 * Returns the first limb not covered (a multiple of 4).
 */
// @ts-ignore: decorator
@inline function sqrBlocksScalar(pa: usize, nl: i32): i32 {
  let i = 0;
  for (; i + 4 <= nl; i += 4) {
    const a0 = <u64>limb(pa, i);
    const a1 = <u64>limb(pa, i + 1);
    const a2 = <u64>limb(pa, i + 2);
    const a3 = <u64>limb(pa, i + 3);
    const d0 = a0 << 1;
    const d1 = a1 << 1;
    const d2 = a2 << 1;
    const d3 = a3 << 1;
    const t = T + (<usize>(2 * i) << 3);
    store<u64>(t, load<u64>(t) + a0 * a0);
    store<u64>(t, load<u64>(t, 8) + d0 * a1, 8);
    store<u64>(t, load<u64>(t, 16) + a1 * a1 + d0 * a2, 16);
    store<u64>(t, load<u64>(t, 24) + d0 * a3 + d1 * a2, 24);
    store<u64>(t, load<u64>(t, 32) + a2 * a2 + d1 * a3, 32);
    store<u64>(t, load<u64>(t, 40) + d2 * a3, 40);
    store<u64>(t, load<u64>(t, 48) + a3 * a3, 48);
    const next = pa + (<usize>(i + 4) << 2);
    store<u32>(next - 4, 0);
    store<u32>(next - 8, 0);
    store<u32>(next - 12, 0);
    rows4Scalar(T + (<usize>(2 * i + 4) << 3), next, 0, nl - i - 1, d0, d1, d2, d3);
    store<u32>(next - 4, <u32>a3);
    store<u32>(next - 8, <u32>a2);
    store<u32>(next - 12, <u32>a1);
  }
  return i;
}

/**
 * r = a² · R^-1 mod m (dedicated squaring: each cross product computed once, doubled through the
 * multiplier). Constant time.
 */
export function montSqr(r: usize, a: usize, m: usize): void {
  const nl = modLimbs(m);
  clearT(2 * nl + 8);
  const pa = PADDED + 16;
  loadPadded(a, nl);
  let i = ASC_FEATURE_SIMD ? sqrBlocksSimd(pa, nl) : sqrBlocksScalar(pa, nl);
  for (; i < nl; i++) {
    const ai = limb(pa, i);
    const ti = T + (<usize>(2 * i) << 3);
    store<u64>(ti, load<u64>(ti) + <u64>ai * <u64>ai);
    mulRow(T + (<usize>(2 * i + 1) << 3), ai << 1, pa + (<usize>(i + 1) << 2), nl - i - 1);
  }
  reduce(r, m);
}

/** Limb products in one pass of {@link kernelProbe}: four rows over forty positions. */
export const PROBE_PRODUCTS: i32 = 160;

/**
 * Throughput probe for `npm run bench`: `passes` runs of the four-row product kernel that montMul,
 * montSqr and the reduction share, over forty positions of scratch accumulators (PROBE_PRODUCTS limb
 * products per pass, no reduction chain, no carries). Its rate is the ceiling of any operation built
 * on the kernel; the values computed are meaningless.
 */
export function kernelProbe(passes: i32): void {
  clearT(48);
  for (let i = 0; i < passes; i++) mulRows4(T, PADDED + 16, PADDED + 16, 40);
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
  // one = 2^(28·nl) mod m by doubling.
  const one = modOne(m);
  // 1 < m, and 2^(bits-1) < m: start at 2^(bits-1) to save doublings.
  numZero(one, nl);
  setLimb(one, (bits - 1) / LIMB_BITS, 1 << <u32>((bits - 1) % LIMB_BITS));
  for (let i = bits - 1; i < LIMB_BITS * nl; i++) modDouble(one, m);
  // R² = R·2^(28·nl), the Montgomery form of 2^(28·nl): left-to-right binary powering of 2, where a
  // squaring is montSqr and a multiplication by 2 a modular doubling (a dozen of each instead of
  // 7·nl doublings). The sequence depends only on nl.
  const rr = modRR(m);
  const e = LIMB_BITS * nl;
  numCopy(rr, one, nl);
  modDouble(rr, m); // R·2
  for (let bit = 30 - <i32>clz(e); bit >= 0; bit--) {
    montSqr(rr, rr, m);
    modFinal(rr, rr, m);
    if ((e >> bit) & 1) modDouble(rr, m);
  }
  montSqr(modRRR(m), rr, m); // R³
  modFinal(modRRR(m), modRRR(m), m);
  return 0;
}

/** r = a · b as plain integers (al and bl limbs; r gets al + bl limbs). r must not alias a or b. */
export function numMul(r: usize, a: usize, al: i32, b: usize, bl: i32): void {
  const rl = al + bl;
  memory.fill(T, 0, <usize>(rl + 2) << 3);
  for (let i = 0; i < al; i++) mulRow(T + (<usize>i << 3), limb(a, i), b, bl);
  normalize(0, rl);
  for (let k = 0; k < rl; k++) setLimb(r, k, <u32>load<u64>(T + (<usize>k << 3)));
}
