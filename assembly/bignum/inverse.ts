// Modular inverse modulo an odd number by the binary extended Euclidean algorithm.
//
// Variable time: callers apply it only to blinded values (the RSA blind r is inverted as r·s for a
// second random s, so timing reveals nothing about r).
import { LIMB_BITS, NUM_BYTES, limb, numAdd, numCompare, numCopy, numSub, numZero, setLimb } from "./limbs";
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

/** a = (a + (odd ? n : 0)) / 2 over nl limbs; `extra` is the carry bit into the top. */
function halve(a: usize, nl: i32, extra: u32): void {
  for (let i = 0; i < nl - 1; i++) {
    setLimb(a, i, (limb(a, i) >> 1) | ((limb(a, i + 1) & 1) << <u32>(LIMB_BITS - 1)));
  }
  setLimb(a, nl - 1, (limb(a, nl - 1) >> 1) | (extra << <u32>(LIMB_BITS - 1)));
}

/** x = x / 2 mod n (n odd, x < n). */
function halveMod(x: usize, n: usize, nl: i32): void {
  let carry: u32 = 0;
  if (limb(x, 0) & 1) carry = numAdd(x, x, n, nl);
  halve(x, nl, carry);
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
  numZero(X1, nl);
  setLimb(X1, 0, 1);
  numZero(X2, nl);
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
    while ((limb(U, 0) & 1) == 0) {
      halve(U, nl, 0);
      halveMod(X1, n, nl);
    }
    while ((limb(V, 0) & 1) == 0) {
      halve(V, nl, 0);
      halveMod(X2, n, nl);
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

