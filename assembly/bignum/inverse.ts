// Modular inverse modulo an odd number by the binary extended Euclidean algorithm.
//
// Variable time: callers apply it only to blinded values (the RSA blind r is inverted as r·s for a
// second random s, so timing reveals nothing about r).
import { LIMB_BITS, LIMB_MASK, NUM_BYTES, limb, numAdd, numCompare, numCopy, numSub, numZero, setLimb } from "./limbs";
import { modLimbs, modN } from "./montgomery";

const U: usize = memory.data(NUM_BYTES, 16);
const V: usize = memory.data(NUM_BYTES, 16);
const X1: usize = memory.data(NUM_BYTES, 16);
const X2: usize = memory.data(NUM_BYTES, 16);

function isOne(a: usize, nl: i32): bool {
  if (limb(a, 0) != 1) return false;
  for (let i = 1; i < nl; i++) if (limb(a, i) != 0) return false;
  return true;
}

function isZero(a: usize, nl: i32): bool {
  for (let i = 0; i < nl; i++) if (limb(a, i) != 0) return false;
  return true;
}

/** Number of trailing zero bits of the non-zero number at `a`. */
function trailingZeros(a: usize): i32 {
  let i = 0;
  while (limb(a, i) == 0) i++;
  return i * LIMB_BITS + <i32>ctz(limb(a, i));
}

/** a >>= t over nl limbs. */
function shiftRight(a: usize, nl: i32, t: i32): void {
  const limbs = t / LIMB_BITS;
  const bits = <u32>(t % LIMB_BITS);
  for (let i = 0; i < nl; i++) {
    const lo = i + limbs < nl ? limb(a, i + limbs) : 0;
    const hi = i + limbs + 1 < nl ? limb(a, i + limbs + 1) : 0;
    setLimb(a, i, bits == 0 ? lo : ((lo >> bits) | (hi << (<u32>LIMB_BITS - bits))) & LIMB_MASK);
  }
}

/** x = x · 2^-t mod m (x < m), up to 28 bits per step: x ← (x + q·m) / 2^k with q = x·(−m^-1) mod 2^k. */
function halveMod(x: usize, t: i32, m: usize, nl: i32): void {
  const n = modN(m);
  const m0inv = load<u32>(m, 4);
  while (t > 0) {
    const k = t < LIMB_BITS ? t : LIMB_BITS;
    const q = <u64>((limb(x, 0) * m0inv) & ((<u32>1 << <u32>k) - 1));
    let carry: u64 = 0;
    for (let i = 0; i < nl; i++) {
      const v = <u64>limb(x, i) + q * <u64>limb(n, i) + carry;
      setLimb(x, i, <u32>v & LIMB_MASK);
      carry = v >> LIMB_BITS;
    }
    setLimb(x, nl, <u32>carry);
    shiftRight(x, nl + 1, k);
    if (numCompare(x, n, nl + 1) >= 0) numSub(x, x, n, nl + 1);
    t -= k;
  }
}

/** x = x - y mod n (x, y < n). */
function subMod(x: usize, y: usize, n: usize, nl: i32): void {
  if (numSub(x, x, y, nl)) numAdd(x, x, n, nl);
}

/**
 * r = a^-1 mod m (plain form, a < m, m odd from a modulus context). Returns 0 on success, 1 when
 * gcd(a, m) ≠ 1. Variable time.
 */
export function modInverse(r: usize, a: usize, m: usize): i32 {
  const nl = modLimbs(m);
  const n = modN(m);
  numCopy(U, a, nl);
  numCopy(V, n, nl);
  numZero(X1, nl + 1);
  setLimb(X1, 0, 1);
  numZero(X2, nl + 1);
  let ok = false;
  while (true) {
    if (isZero(U, nl)) break;
    if (isOne(U, nl)) {
      numCopy(r, X1, nl);
      ok = true;
      break;
    }
    if (isOne(V, nl)) {
      numCopy(r, X2, nl);
      ok = true;
      break;
    }
    const tu = trailingZeros(U);
    if (tu > 0) {
      shiftRight(U, nl, tu);
      halveMod(X1, tu, m, nl);
    }
    const tv = trailingZeros(V);
    if (tv > 0) {
      shiftRight(V, nl, tv);
      halveMod(X2, tv, m, nl);
    }
    if (numCompare(U, V, nl) >= 0) {
      numSub(U, U, V, nl);
      subMod(X1, X2, n, nl);
    } else {
      numSub(V, V, U, nl);
      subMod(X2, X1, n, nl);
    }
  }
  numZero(U, nl);
  numZero(V, nl);
  numZero(X1, nl);
  numZero(X2, nl);
  return ok ? 0 : 1;
}

