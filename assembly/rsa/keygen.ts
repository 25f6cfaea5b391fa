// RSA key generation (FIPS 186-4 §B.3.3 shape): two probable primes of half the modulus size with
// their top two bits set, gcd(e, p−1) = gcd(e, q−1) = 1, |p − q| > 2^(bits/2 − 100); then
// d = e^-1 mod (p−1)(q−1), dp, dq, and qinv = q^(p−2) mod p (constant-time modexp).
// The bindings drive it one candidate per call so that they can report progress and yield.
import { LIMB_BITS, LIMB_MASK, NUM_BYTES, limb, numBitLength, numCompare, numCopy, numSub, numToBytes, numZero, setLimb } from "../bignum/limbs";
import { MOD_BYTES, fromMont, modBits, modLimbs, modN, numMul, toMont } from "../bignum/montgomery";
import { modExpSecret } from "../bignum/modexp";
import { failsTrialDivision, millerRabin, numModSmall, randomCandidate } from "./prime";

const PRIMES: usize = memory.data(2 * MOD_BYTES, 16);
const N: usize = memory.data(2 * NUM_BYTES, 16);
const D: usize = memory.data(2 * NUM_BYTES, 16);
const DP: usize = memory.data(NUM_BYTES, 16);
const DQ: usize = memory.data(NUM_BYTES, 16);
const QINV: usize = memory.data(NUM_BYTES, 16);
const T1: usize = memory.data(2 * NUM_BYTES, 16);
const T2: usize = memory.data(2 * NUM_BYTES, 16);

function primeCtx(which: i32): usize {
  return PRIMES + <usize>which * <usize>MOD_BYTES;
}

/**
 * Draws one candidate for prime `which` (0 = p, 1 = q) of `primeBits` bits and tests it. Returns 1
 * when it is a probable prime (kept), else 0 (call again). `e` is the public exponent.
 */
export function keygenCandidate(primeBits: i32, which: i32, e: u32): i32 {
  const m = primeCtx(which);
  randomCandidate(m, primeBits);
  if (failsTrialDivision(m, primeBits, e)) return 0;
  return millerRabin(m, primeBits) ? 1 : 0;
}

/** inverse of a modulo the small odd m (a, m < 2^32, gcd 1), by the extended Euclidean algorithm. */
function smallInverse(a: u32, m: u32): u32 {
  let r0: i64 = m;
  let r1: i64 = a;
  let t0: i64 = 0;
  let t1: i64 = 1;
  while (r1 != 0) {
    const q = r0 / r1;
    const r2 = r0 - q * r1;
    r0 = r1;
    r1 = r2;
    const t2 = t0 - q * t1;
    t0 = t1;
    t1 = t2;
  }
  if (t0 < 0) t0 += m;
  return <u32>t0;
}

/** out = (k·M + 1) / e, where M (ml limbs) satisfies k·M ≡ −1 (mod e): the inverse of e mod M. */
function inverseOfE(out: usize, modulus: usize, ml: i32, e: u32): void {
  const t = numModSmall(modulus, ml, e);
  const k: u64 = <u64>(e - smallInverse(t, e)) % <u64>e; // k·t ≡ −1 (mod e)
  // out = k·M + 1, then exact division by e from the top limb down.
  let carry: u64 = 1;
  for (let i = 0; i < ml; i++) {
    const v = k * <u64>limb(modulus, i) + carry;
    setLimb(out, i, <u32>v & LIMB_MASK);
    carry = v >> LIMB_BITS;
  }
  setLimb(out, ml, <u32>carry);
  let rem: u64 = 0;
  for (let i = ml; i >= 0; i--) {
    const cur = (rem << LIMB_BITS) | <u64>limb(out, i);
    setLimb(out, i, <u32>(cur / <u64>e));
    rem = cur % <u64>e;
  }
}

/**
 * Completes the key from the two primes: orders p > q, checks |p − q| and the modulus size, and
 * computes n, d, dp, dq, qinv. Returns 0, or 1 when the primes must be redrawn.
 */
export function keygenFinish(e: u32): i32 {
  let p = primeCtx(0);
  let q = primeCtx(1);
  const bits = modBits(p);
  const pl = modLimbs(p);
  if (modBits(q) != bits || modLimbs(q) != pl) return 1;
  if (numCompare(modN(p), modN(q), pl) < 0) {
    const t = p;
    p = q;
    q = t;
  }
  // |p − q| > 2^(bits − 100) (FIPS 186-4 §B.3.3 step 5.4).
  numSub(T1, modN(p), modN(q), pl);
  if (numBitLength(T1, pl) <= bits - 100) return 1;
  // n = p·q must have exactly 2·bits bits (guaranteed by the top two bits, checked anyway).
  numZero(N, 2 * pl + 4);
  numMul(N, modN(p), pl, modN(q), pl);
  if (numBitLength(N, 2 * pl) != 2 * bits) return 1;
  // p − 1, q − 1 and φ = (p − 1)(q − 1).
  numZero(T1, 2 * pl + 4);
  numZero(T2, 2 * pl + 4);
  numCopy(T1, modN(p), pl);
  setLimb(T1, 0, limb(T1, 0) - 1); // p is odd: no borrow
  numCopy(T2, modN(q), pl);
  setLimb(T2, 0, limb(T2, 0) - 1);
  numZero(DP, pl + 4);
  numZero(DQ, pl + 4);
  inverseOfE(DP, T1, pl, e);
  inverseOfE(DQ, T2, pl, e);
  numZero(D, 2 * pl + 4);
  numMul(D, T1, pl, T2, pl);
  numCopy(T1, D, 2 * pl);
  numZero(D, 2 * pl + 4);
  inverseOfE(D, T1, 2 * pl, e);
  // qinv = q^(p−2) mod p (q < p).
  numZero(T2, pl + 4);
  setLimb(T2, 0, 2);
  numSub(T1, modN(p), T2, pl);
  toMont(T2, modN(q), p);
  modExpSecret(QINV, T2, T1, bits, p);
  fromMont(QINV, QINV, p);
  numZero(T1, 2 * NUM_BYTES / 4);
  numZero(T2, 2 * NUM_BYTES / 4);
  pIndex = p == primeCtx(0) ? 0 : 1;
  primeBytes = bits >> 3;
  return 0;
}

/**
 * Writes component `which` of the generated key (0 n, 1 d, 2 p, 3 q, 4 dp, 5 dq, 6 qinv) big-endian
 * at `dst`; returns its length in bytes.
 */
export function keygenComponent(which: i32, dst: usize): i32 {
  const p = primeCtx(pIndex);
  const q = primeCtx(1 - pIndex);
  const pl = modLimbs(p);
  const wide = 2 * primeBytes;
  if (which == 0) numToBytes(dst, wide, N, 2 * pl + 1);
  else if (which == 1) numToBytes(dst, wide, D, 2 * pl + 1);
  else if (which == 2) numToBytes(dst, primeBytes, modN(p), pl);
  else if (which == 3) numToBytes(dst, primeBytes, modN(q), pl);
  else if (which == 4) numToBytes(dst, primeBytes, DP, pl + 1);
  else if (which == 5) numToBytes(dst, primeBytes, DQ, pl + 1);
  else if (which == 6) numToBytes(dst, primeBytes, QINV, pl);
  else return 0;
  return which < 2 ? wide : primeBytes;
}

/** Wipes every key generation buffer. */
export function keygenWipe(): void {
  memory.fill(PRIMES, 0, 2 * <usize>MOD_BYTES);
  for (let i = 0; i < 2; i++) {
    numZero(N + <usize>(i * NUM_BYTES), NUM_BYTES / 4);
    numZero(D + <usize>(i * NUM_BYTES), NUM_BYTES / 4);
  }
  numZero(DP, NUM_BYTES / 4);
  numZero(DQ, NUM_BYTES / 4);
  numZero(QINV, NUM_BYTES / 4);
}

let pIndex: i32 = 0;
let primeBytes: i32 = 0;
