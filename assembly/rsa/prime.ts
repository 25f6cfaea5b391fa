// Probable-prime generation for RSA key generation: random candidates of an exact size, trial
// division by the odd primes below 2048, then Miller–Rabin with random bases (FIPS 186-4 §C.3).
import { randomFill } from "../io/index";
import { LIMB_BITS, LIMB_MASK, NUM_BYTES, limb, numBit, numCopy, numEqualMask, numSub, numZero, setLimb } from "../bignum/limbs";
import { modExpSecret } from "../bignum/modexp";
import { modFinal, modLimbs, modN, modOne, modPrepare, montSqr, toMont } from "../bignum/montgomery";

const SIEVE_LIMIT: i32 = 2048;
const SMALL_PRIMES: usize = memory.data(SIEVE_LIMIT * 2, 16);
let smallPrimeCount: i32 = 0;

const BASE: usize = memory.data(NUM_BYTES, 16);
const EXP: usize = memory.data(NUM_BYTES, 16);
const ACC: usize = memory.data(NUM_BYTES, 16);
const MINUS_ONE: usize = memory.data(NUM_BYTES, 16);
const ONE_LIMBS: usize = memory.data(NUM_BYTES, 16);

function ensureSmallPrimes(): void {
  if (smallPrimeCount > 0) return;
  for (let n = 3; n < SIEVE_LIMIT; n += 2) {
    let prime = true;
    for (let d = 3; d * d <= n; d += 2) {
      if (n % d == 0) {
        prime = false;
        break;
      }
    }
    if (prime) {
      store<u16>(SMALL_PRIMES + (<usize>smallPrimeCount << 1), <u16>n);
      smallPrimeCount++;
    }
  }
}

/** The number at `a` (nl limbs) modulo the small number d (< 2^32). Variable time in d only. */
export function numModSmall(a: usize, nl: i32, d: u32): u32 {
  let r: u64 = 0;
  for (let i = nl - 1; i >= 0; i--) r = ((r << LIMB_BITS) | <u64>limb(a, i)) % <u64>d;
  return <u32>r;
}

/**
 * Miller–Rabin rounds for a prime of `bits` bits: FIPS 186-4 Table C.3 (error ≤ 2^-100) for 512-,
 * 1024- and 1536-bit primes; more for the small primes of export-size keys.
 */
export function millerRabinRounds(bits: i32): i32 {
  if (bits >= 1536) return 3;
  if (bits >= 1024) return 4;
  if (bits >= 512) return 7;
  return 16;
}

/** Fills the modulus limbs of context `m` with a random odd `bits`-bit number with its top two bits set. */
export function randomCandidate(m: usize, bits: i32): void {
  const n = modN(m);
  const nl = (bits + LIMB_BITS - 1) / LIMB_BITS;
  numZero(n, nl + 4);
  randomFill(n, nl << 2);
  for (let i = 0; i < nl; i++) setLimb(n, i, limb(n, i) & LIMB_MASK);
  const top = (bits - 1) % LIMB_BITS;
  let t = limb(n, nl - 1) & ((<u32>2 << <u32>top) - 1);
  t |= <u32>1 << <u32>top;
  setLimb(n, nl - 1, t);
  const second = bits - 2;
  setLimb(n, second / LIMB_BITS, limb(n, second / LIMB_BITS) | (<u32>1 << <u32>(second % LIMB_BITS)));
  setLimb(n, 0, limb(n, 0) | 1);
}

/** True when the candidate in `m` has a prime factor below 2048 (or is ≡ 1 mod e). */
export function failsTrialDivision(m: usize, bits: i32, e: u32): bool {
  ensureSmallPrimes();
  const n = modN(m);
  const nl = (bits + LIMB_BITS - 1) / LIMB_BITS;
  for (let i = 0; i < smallPrimeCount; i++) {
    if (numModSmall(n, nl, <u32>load<u16>(SMALL_PRIMES + (<usize>i << 1))) == 0) return true;
  }
  // gcd(e, p − 1) must be 1; e is prime (65537) or at least odd, so test p mod e ≠ 1.
  return e > 1 && numModSmall(n, nl, e) == 1;
}

/**
 * Miller–Rabin probable-prime test of the candidate in `m` (already trial-divided). Prepares `m`
 * as a Montgomery context. Returns true when every round passes.
 */
export function millerRabin(m: usize, bits: i32): bool {
  if (modPrepare(m, bits) != 0) return false;
  const nl = modLimbs(m);
  const n = modN(m);
  // n − 1 = d · 2^s with d odd.
  numZero(ONE_LIMBS, nl);
  setLimb(ONE_LIMBS, 0, 1);
  numSub(EXP, n, ONE_LIMBS, nl);
  let s = 1;
  while (numBit(EXP, s) == 0) s++;
  // EXP >> s: d (variable time in s; s depends on the candidate, not on the chosen prime's bits below).
  for (let i = 0; i < nl; i++) {
    let v: u32 = 0;
    for (let b = 0; b < LIMB_BITS; b++) {
      const pos = i * LIMB_BITS + b + s;
      if (pos < nl * LIMB_BITS) v |= numBit(EXP, pos) << <u32>b;
    }
    setLimb(ACC, i, v);
  }
  numCopy(EXP, ACC, nl);
  // Montgomery form of n − 1 is n − (R mod n).
  numSub(MINUS_ONE, n, modOne(m), nl);
  const rounds = millerRabinRounds(bits);
  for (let round = 0; round < rounds; round++) {
    // Random base in [2, n − 2]: below 2^(bits−1) < n, redrawn when below 2.
    do {
      randomFill(BASE, nl << 2);
      for (let i = 0; i < nl; i++) setLimb(BASE, i, limb(BASE, i) & LIMB_MASK);
      const top = bits - 2;
      setLimb(BASE, top / LIMB_BITS, limb(BASE, top / LIMB_BITS) & ((<u32>1 << <u32>(top % LIMB_BITS)) - 1));
      for (let i = top / LIMB_BITS + 1; i < nl; i++) setLimb(BASE, i, 0);
    } while (numIsSmall(BASE, nl));
    toMont(BASE, BASE, m);
    modExpSecret(ACC, BASE, EXP, bits, m);
    modFinal(ACC, ACC, m);
    if (numEqualMask(ACC, modOne(m), nl) != 0 || numEqualMask(ACC, MINUS_ONE, nl) != 0) continue;
    let passed = false;
    for (let i = 1; i < s; i++) {
      montSqr(ACC, ACC, m);
      modFinal(ACC, ACC, m);
      if (numEqualMask(ACC, MINUS_ONE, nl) != 0) {
        passed = true;
        break;
      }
      if (numEqualMask(ACC, modOne(m), nl) != 0) break;
    }
    if (!passed) return false;
  }
  return true;
}

/** True when the number is 0 or 1. */
function numIsSmall(a: usize, nl: i32): bool {
  if (limb(a, 0) > 1) return false;
  for (let i = 1; i < nl; i++) if (limb(a, i) != 0) return false;
  return true;
}
