// The raw RSA operations (RFC 8017 §5.1): RSAEP/RSAVP1 (public) and RSADP/RSASP1 (private: CRT with
// Garner recombination, base blinding with a fresh random blind, and a check of the result with the
// public exponent before it is released).
import { randomFill } from "../io/index";
import { LIMB_BITS, LIMB_MASK, MAX_LIMBS, NUM_BYTES, limb, numCompare, numCopy, numEqualMask, numFromBytes, numSub, numToBytes, numZero, setLimb } from "../bignum/limbs";
import { modAdd, modFinal, modBits, modLimbs, modN, modRR, modSub, fromMont, montMul, numMul, toMont } from "../bignum/montgomery";
import { modExpSecret, modExpSmall } from "../bignum/modexp";
import { modInverse } from "../bignum/inverse";
import { keyBlind, keyBlindUses, keyBytes, keyDp, keyDq, keyE, keyEBits, keyESmall, keyModN, keyModP, keyModQ, keyQinv } from "./key";

/** Status: success. */
export const RSA_OK: i32 = 0;
/** Status: the input is not below the modulus (or too long). */
export const RSA_INPUT_RANGE: i32 = 1;
/** Status: the private result failed the public-exponent check (fault); nothing was released. */
export const RSA_FAULT: i32 = 2;

// Scratch numbers (one op at a time: WASM is single-threaded), in one block so it is wiped at once.
const SCRATCH_COUNT: i32 = 16;
const SCRATCH: usize = memory.data(SCRATCH_COUNT * NUM_BYTES, 16);
const X: usize = SCRATCH;
const Y: usize = SCRATCH + <usize>NUM_BYTES;
const Z: usize = SCRATCH + 2 * <usize>NUM_BYTES;
const C: usize = SCRATCH + 3 * <usize>NUM_BYTES;
const MP: usize = SCRATCH + 4 * <usize>NUM_BYTES;
const MQ: usize = SCRATCH + 5 * <usize>NUM_BYTES;
const CP: usize = SCRATCH + 6 * <usize>NUM_BYTES; // c·R mod p, for the fault check
const CQ: usize = SCRATCH + 7 * <usize>NUM_BYTES; // c·R mod q, for the fault check
const R: usize = SCRATCH + 10 * <usize>NUM_BYTES; // two numbers wide
const S: usize = SCRATCH + 12 * <usize>NUM_BYTES; // two numbers wide
const WIDE: usize = SCRATCH + 14 * <usize>NUM_BYTES; // two numbers wide

function wipeScratch(): void {
  memory.fill(SCRATCH, 0, <usize>SCRATCH_COUNT * <usize>NUM_BYTES);
}

/** r = x^e mod m in Montgomery form, x in Montgomery form (r ≠ x), e the key's public exponent. */
function powPublic(r: usize, x: usize, slot: usize, m: usize): void {
  const eSmall = keyESmall(slot);
  if (eSmall != 0) modExpSmall(r, x, eSmall, m);
  else modExpSecret(r, x, keyE(slot), keyEBits(slot), m);
}

/** Fills `a` (two numbers wide) with a uniformly random value below 2^(bits-1), as nl limbs. */
function randomBelow(a: usize, bits: i32, nl: i32): void {
  numZero(a, 2 * MAX_LIMBS);
  randomFill(a, nl << 2);
  for (let i = 0; i < nl; i++) setLimb(a, i, limb(a, i) & LIMB_MASK);
  const top = bits - 1;
  const topLimb = top / 28;
  setLimb(a, topLimb, limb(a, topLimb) & ((1 << <u32>(top % 28)) - 1));
  for (let i = topLimb + 1; i < MAX_LIMBS; i++) setLimb(a, i, 0);
}

/**
 * Reduces the plain number `x` (xl limbs, zero-padded to a multiple of the modulus' limb count)
 * modulo m into Montgomery form, by Horner's rule over chunks of nl_m limbs (x = Σ c_i·R^i):
 * acc ← acc·R + c_i, i.e. acc_M ← montMul(acc_M, R²) + montMul(c_i, R²). The work depends only on
 * the sizes, so unbalanced primes are handled in constant time too.
 */
function reduceToMont(r: usize, x: usize, xl: i32, m: usize): void {
  const ml = modLimbs(m);
  const chunks = (xl + ml - 1) / ml;
  montMul(r, x + (<usize>((chunks - 1) * ml) << 2), modRR(m), m);
  modFinal(r, r, m);
  for (let i = chunks - 2; i >= 0; i--) {
    montMul(r, r, modRR(m), m);
    modFinal(r, r, m);
    montMul(Z, x + (<usize>(i * ml) << 2), modRR(m), m);
    modFinal(Z, Z, m);
    modAdd(r, r, Z, m);
  }
}

/** Operations between two full regenerations of the blind (each one still mixes in fresh randomness). */
const BLIND_REFRESH: u32 = 32;

/**
 * Draws a full-size random blind r and stores r^e and r^-1 modulo p and q (Montgomery form) in the
 * key slot. The inverse is taken modulo the public n, of r·s for a second random s, so the
 * variable-time binary GCD sees only a uniformly random value and a public modulus (never p or q).
 */
function regenerateBlind(slot: usize): bool {
  const modn = keyModN(slot);
  const modp = keyModP(slot);
  const modq = keyModQ(slot);
  const nl = modLimbs(modn);
  const bits = modBits(modn);
  for (let attempt = 0; attempt < 8; attempt++) {
    randomBelow(R, bits, nl);
    randomBelow(S, bits, nl);
    toMont(X, R, modn); // r·R
    montMul(Y, X, S, modn); // r·s
    modFinal(Y, Y, modn);
    if (modInverse(Y, Y, modn) != 0) continue; // (r·s)^-1; fails only when gcd(r·s, n) ≠ 1
    toMont(Y, Y, modn);
    montMul(Y, Y, S, modn); // (r·s)^-1·s = r^-1
    modFinal(Y, Y, modn);
    numZero(S, 2 * MAX_LIMBS);
    numCopy(S, Y, nl);
    reduceToMont(keyBlind(slot, 1), S, nl, modp);
    reduceToMont(keyBlind(slot, 3), S, nl, modq);
    reduceToMont(X, R, nl, modp);
    powPublic(keyBlind(slot, 0), X, slot, modp);
    reduceToMont(X, R, nl, modq);
    powPublic(keyBlind(slot, 2), X, slot, modq);
    return true;
  }
  return false;
}

/**
 * S = t^-1 mod n for a small t (< 2^35): n = q·t + r0, then the extended Euclidean algorithm on the
 * words (t, r0) gives a·t + b·r0 = 1, so t^-1 ≡ a − b·q (mod n). Linear in the size of n.
 */
function smallInverseModN(t: u64, modn: usize): void {
  const nl = modLimbs(modn);
  const n = modN(modn);
  // q = n div t (into R), r0 = n mod t.
  numZero(R, 2 * MAX_LIMBS);
  let rem: u64 = 0;
  for (let i = nl - 1; i >= 0; i--) {
    const cur = (rem << LIMB_BITS) | <u64>limb(n, i);
    setLimb(R, i, <u32>(cur / t));
    rem = cur % t;
  }
  let r0: i64 = <i64>t;
  let r1: i64 = <i64>rem;
  let a0: i64 = 1;
  let a1: i64 = 0;
  let b0: i64 = 0;
  let b1: i64 = 1;
  while (r1 != 0) {
    const k = r0 / r1;
    const r2 = r0 - k * r1;
    r0 = r1;
    r1 = r2;
    const a2 = a0 - k * a1;
    a0 = a1;
    a1 = a2;
    const b2 = b0 - k * b1;
    b0 = b1;
    b1 = b2;
  }
  // a0·t + b0·r0 = 1. X = |b0|·q (< n), then S = ±|a0| ∓ X mod n.
  const bAbs = <u64>(b0 < 0 ? -b0 : b0);
  let carry: u64 = 0;
  for (let i = 0; i < nl; i++) {
    const v = bAbs * <u64>limb(R, i) + carry;
    setLimb(X, i, <u32>v & LIMB_MASK);
    carry = v >> LIMB_BITS;
  }
  const aAbs = <u64>(a0 < 0 ? -a0 : a0);
  numZero(Y, nl);
  setLimb(Y, 0, <u32>aAbs & LIMB_MASK);
  setLimb(Y, 1, <u32>(aAbs >> LIMB_BITS));
  // term for a: a0 ≥ 0 → |a0|, else n − |a0| (|a0| < t < n, and |a0| > 0 when negative).
  if (a0 < 0) numSub(Y, n, Y, nl);
  // term for −b0·q: b0 > 0 → n − X, else X (X < n; X = 0 only when b0 = 0).
  if (b0 > 0) numSub(X, n, X, nl);
  numZero(S, 2 * MAX_LIMBS);
  modAdd(S, Y, X, modn);
}

/**
 * Refreshes the key's blind before an operation: every call multiplies r by a fresh random t
 * (2^34 ≤ t < 2^35), updating r^e and r^-1 modulo p and q; every BLIND_REFRESH calls (and on first
 * use) r is redrawn from scratch at full size. The blind is never reused, and r itself — full-size
 * random, unknown outside WASM — is never derivable from the fresh factors.
 */
function makeBlind(slot: usize): bool {
  const uses = load<u32>(keyBlindUses(slot));
  store<u32>(keyBlindUses(slot), (uses + 1) % BLIND_REFRESH);
  if (uses == 0) return regenerateBlind(slot);
  const modn = keyModN(slot);
  const modp = keyModP(slot);
  const modq = keyModQ(slot);
  const nl = modLimbs(modn);
  randomFill(Z, 8);
  const t: u64 = (load<u64>(Z) & ((<u64>1 << 34) - 1)) | (<u64>1 << 34);
  smallInverseModN(t, modn);
  // r^-1 ← r^-1 · t^-1 (mod p, mod q).
  reduceToMont(X, S, nl, modp);
  montMul(keyBlind(slot, 1), keyBlind(slot, 1), X, modp);
  reduceToMont(X, S, nl, modq);
  montMul(keyBlind(slot, 3), keyBlind(slot, 3), X, modq);
  // r^e ← r^e · t^e (mod p, mod q).
  numZero(S, 2 * MAX_LIMBS);
  setLimb(S, 0, <u32>t & LIMB_MASK);
  setLimb(S, 1, <u32>(t >> LIMB_BITS));
  reduceToMont(X, S, 2, modp);
  powPublic(Y, X, slot, modp);
  montMul(keyBlind(slot, 0), keyBlind(slot, 0), Y, modp);
  reduceToMont(X, S, 2, modq);
  powPublic(Y, X, slot, modq);
  montMul(keyBlind(slot, 2), keyBlind(slot, 2), Y, modq);
  return true;
}

/**
 * Fault check of the recombined result in WIDE (nl limbs, zero-padded) modulo one prime: all ones
 * when m^e ≡ c (mod m), where `cMont` holds c·R mod m (canonical). Constant time in m and c.
 */
function publicCheck(slot: usize, m: usize, cMont: usize): u32 {
  reduceToMont(X, WIDE, modLimbs(keyModN(slot)), m);
  powPublic(Y, X, slot, m);
  modFinal(Y, Y, m);
  return numEqualMask(Y, cMont, modLimbs(m));
}

/**
 * RSADP/RSASP1 on the k-byte big-endian input at `src`, writing k bytes to `dst`. Returns RSA_OK,
 * RSA_INPUT_RANGE (input ≥ n) or RSA_FAULT. Constant time in the key and the input value.
 */
export function privateOp(slot: usize, src: usize, dst: usize): i32 {
  const k = keyBytes(slot);
  const modn = keyModN(slot);
  const modp = keyModP(slot);
  const modq = keyModQ(slot);
  const nl = modLimbs(modn);
  const pl = modLimbs(modp);
  const ql = modLimbs(modq);
  // 1. Input c < n (public comparison: c and n are both public).
  numFromBytes(C, src, k, MAX_LIMBS);
  if (numCompare(C, modN(modn), MAX_LIMBS) >= 0) {
    wipeScratch();
    return RSA_INPUT_RANGE;
  }
  // 2. A fresh blind r: r^e and r^-1 modulo p and q.
  if (!makeBlind(slot)) {
    wipeScratch();
    return RSA_FAULT;
  }
  // 3. m_p = (c·r^e)^dp·r^-1 mod p and m_q likewise (fixed window, masked table scan).
  memory.fill(WIDE, 0, 2 * <usize>NUM_BYTES);
  numCopy(WIDE, C, nl);
  reduceToMont(CP, WIDE, nl, modp);
  montMul(X, CP, keyBlind(slot, 0), modp);
  modExpSecret(MP, X, keyDp(slot), modBits(modp), modp);
  montMul(MP, MP, keyBlind(slot, 1), modp);
  reduceToMont(CQ, WIDE, nl, modq);
  montMul(X, CQ, keyBlind(slot, 2), modq);
  modExpSecret(Y, X, keyDq(slot), modBits(modq), modq);
  montMul(Y, Y, keyBlind(slot, 3), modq);
  numZero(MQ, MAX_LIMBS);
  fromMont(MQ, Y, modq);
  // 4. Garner: h = qinv·(m_p − m_q) mod p, m = m_q + q·h.
  memory.fill(WIDE, 0, 2 * <usize>NUM_BYTES);
  numCopy(WIDE, MQ, ql);
  reduceToMont(X, WIDE, ql, modp); // m_q·R mod p
  modFinal(MP, MP, modp);
  modSub(X, MP, X, modp);
  montMul(Y, X, keyQinv(slot), modp); // plain h
  modFinal(Y, Y, modp);
  numMul(WIDE, modN(modq), ql, Y, pl);
  let carry: u32 = 0;
  for (let i = 0; i < nl; i++) {
    const s = limb(WIDE, i) + limb(MQ, i) + carry;
    setLimb(WIDE, i, s & LIMB_MASK);
    carry = s >> 28;
  }
  for (let i = nl; i < MAX_LIMBS; i++) setLimb(WIDE, i, 0);
  // 5. Fault check: m^e must equal c modulo p and modulo q (so modulo n = p·q, checked when the key
  // was prepared); release nothing otherwise. Both sides are compared in canonical Montgomery form.
  const ok = publicCheck(slot, modp, CP) & publicCheck(slot, modq, CQ);
  numToBytes(dst, k, WIDE, nl);
  wipeScratch();
  if (ok == 0) {
    memory.fill(dst, 0, <usize>k);
    return RSA_FAULT;
  }
  return RSA_OK;
}

/**
 * RSAEP/RSAVP1 on the k-byte big-endian input at `src`, writing k bytes to `dst`. Returns RSA_OK or
 * RSA_INPUT_RANGE. Small exponents use square-and-multiply over the exponent's own bits.
 */
export function publicOp(slot: usize, src: usize, dst: usize): i32 {
  const k = keyBytes(slot);
  const modn = keyModN(slot);
  const nl = modLimbs(modn);
  numFromBytes(C, src, k, MAX_LIMBS);
  if (numCompare(C, modN(modn), MAX_LIMBS) >= 0) return RSA_INPUT_RANGE;
  toMont(X, C, modn);
  powPublic(Y, X, slot, modn);
  fromMont(X, Y, modn);
  numToBytes(dst, k, X, nl);
  wipeScratch();
  return RSA_OK;
}
