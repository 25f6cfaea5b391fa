// Modular inverse modulo an odd number by the binary extended Euclidean algorithm.
//
// Variable time: callers apply it only to blinded values (the RSA blind r is inverted as r·s for a
// second random s, so timing reveals nothing about r).
import { LIMB_BITS, LIMB_MASK, NUM_BYTES, limb, numAdd, numCopy, numSub, numZero, setLimb } from "./limbs";
import { modLimbs, modN } from "./montgomery";

const U: usize = memory.data(NUM_BYTES, 16);
const V: usize = memory.data(NUM_BYTES, 16);
const X1: usize = memory.data(NUM_BYTES, 16);
const X2: usize = memory.data(NUM_BYTES, 16);

/** Limbs in use of the number at `a` (at most `len`, at least 1). Variable time. */
function trimmed(a: usize, len: i32): i32 {
  while (len > 1 && limb(a, len - 1) == 0) len--;
  return len;
}

/** Compares a (al limbs in use) with b (bl limbs in use): -1, 0 or 1. Variable time. */
function compareVar(a: usize, al: i32, b: usize, bl: i32): i32 {
  if (al != bl) return al > bl ? 1 : -1;
  for (let i = al - 1; i >= 0; i--) {
    const x = limb(a, i);
    const y = limb(b, i);
    if (x != y) return x > y ? 1 : -1;
  }
  return 0;
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
    // One pass: limb i of the sum x + q·m is final once computed, and supplies the top 28 − k
    // bits of output limb i − 1 (the sum's low k bits are zero).
    const kk = <u32>k;
    let v = <u64>limb(x, 0) + q * <u64>limb(n, 0);
    let prev = <u32>v & LIMB_MASK;
    let carry = v >> LIMB_BITS;
    for (let i = 1; i < nl; i++) {
      v = <u64>limb(x, i) + q * <u64>limb(n, i) + carry;
      const s = <u32>v & LIMB_MASK;
      carry = v >> LIMB_BITS;
      setLimb(x, i - 1, ((prev >> kk) | (s << (<u32>LIMB_BITS - kk))) & LIMB_MASK);
      prev = s;
    }
    const top = <u32>carry;
    setLimb(x, nl - 1, ((prev >> kk) | (top << (<u32>LIMB_BITS - kk))) & LIMB_MASK);
    setLimb(x, nl, top >> kk);
    if (compareVar(x, nl + 1, n, nl + 1) >= 0) numSub(x, x, n, nl + 1);
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
  // Limbs in use of U and V: both shrink as the algorithm proceeds.
  let ul = trimmed(U, nl);
  let vl = trimmed(V, nl);
  let ok = false;
  while (true) {
    if (ul == 1 && limb(U, 0) == 0) break;
    if (ul == 1 && limb(U, 0) == 1) {
      numCopy(r, X1, nl);
      ok = true;
      break;
    }
    if (vl == 1 && limb(V, 0) == 1) {
      numCopy(r, X2, nl);
      ok = true;
      break;
    }
    const tu = trailingZeros(U);
    if (tu > 0) {
      shiftRight(U, ul, tu);
      ul = trimmed(U, ul);
      halveMod(X1, tu, m, nl);
    }
    const tv = trailingZeros(V);
    if (tv > 0) {
      shiftRight(V, vl, tv);
      vl = trimmed(V, vl);
      halveMod(X2, tv, m, nl);
    }
    if (compareVar(U, ul, V, vl) >= 0) {
      numSub(U, U, V, ul);
      ul = trimmed(U, ul);
      subMod(X1, X2, n, nl);
    } else {
      numSub(V, V, U, vl);
      vl = trimmed(V, vl);
      subMod(X2, X1, n, nl);
    }
  }
  numZero(U, nl);
  numZero(V, nl);
  numZero(X1, nl);
  numZero(X2, nl);
  return ok ? 0 : 1;
}

