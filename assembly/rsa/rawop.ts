// The raw RSA operations (RFC 8017 §5.1): RSAEP/RSAVP1 (public) and RSADP/RSASP1 (private: CRT with
// Garner recombination, base blinding with a fresh random blind, and a check of the result with the
// public exponent before it is released).
import { randomFill } from "../io/index";
import { LIMB_MASK, MAX_LIMBS, NUM_BYTES, limb, numCompare, numCopy, numEqualMask, numFromBytes, numToBytes, numZero, setLimb } from "../bignum/limbs";
import { modAdd, modFinal, modBits, modLimbs, modN, modRR, modSub, fromMont, montMul, numMul, toMont } from "../bignum/montgomery";
import { modExpSecret, modExpSmall } from "../bignum/modexp";
import { modInverse } from "../bignum/inverse";
import { keyBytes, keyDp, keyDq, keyE, keyEBits, keyESmall, keyModN, keyModP, keyModQ, keyQinv } from "./key";

/** Status: success. */
export const RSA_OK: i32 = 0;
/** Status: the input is not below the modulus (or too long). */
export const RSA_INPUT_RANGE: i32 = 1;
/** Status: the private result failed the public-exponent check (fault); nothing was released. */
export const RSA_FAULT: i32 = 2;

// Scratch numbers (one op at a time: WASM is single-threaded), in one block so it is wiped at once.
const SCRATCH_COUNT: i32 = 11;
const SCRATCH: usize = memory.data(SCRATCH_COUNT * NUM_BYTES, 16);
const X: usize = SCRATCH;
const Y: usize = SCRATCH + <usize>NUM_BYTES;
const Z: usize = SCRATCH + 2 * <usize>NUM_BYTES;
const C: usize = SCRATCH + 3 * <usize>NUM_BYTES;
const R: usize = SCRATCH + 4 * <usize>NUM_BYTES;
const S: usize = SCRATCH + 5 * <usize>NUM_BYTES;
const RINV: usize = SCRATCH + 6 * <usize>NUM_BYTES;
const MP: usize = SCRATCH + 7 * <usize>NUM_BYTES;
const MQ: usize = SCRATCH + 8 * <usize>NUM_BYTES;
const WIDE: usize = SCRATCH + 9 * <usize>NUM_BYTES; // two numbers wide

function wipeScratch(): void {
  memory.fill(SCRATCH, 0, <usize>SCRATCH_COUNT * <usize>NUM_BYTES);
}

/** r = x^e mod n in Montgomery form, x in Montgomery form (r ≠ x). */
function powPublic(r: usize, x: usize, slot: usize): void {
  const modn = keyModN(slot);
  const eSmall = keyESmall(slot);
  if (eSmall != 0) modExpSmall(r, x, eSmall, modn);
  else modExpSecret(r, x, keyE(slot), keyEBits(slot), modn);
}

/** Fills `a` with a uniformly random value below 2^(bits-1), as nl limbs. */
function randomBelow(a: usize, bits: i32, nl: i32): void {
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

/**
 * Draws a fresh blind r and computes RINV = r^-1 mod n (plain) and R = r^e mod n (Montgomery form).
 * The inversion runs on r·s for a second random s, so its variable timing says nothing about r.
 */
function makeBlind(slot: usize): bool {
  const modn = keyModN(slot);
  const nl = modLimbs(modn);
  const bits = modBits(modn);
  for (let attempt = 0; attempt < 8; attempt++) {
    randomBelow(R, bits, nl);
    randomBelow(S, bits, nl);
    toMont(X, R, modn); // r·R
    montMul(Y, X, S, modn); // r·s
    modFinal(Y, Y, modn);
    if (modInverse(Z, Y, modn) != 0) continue; // (r·s)^-1, fails only if gcd ≠ 1
    toMont(Y, Z, modn);
    montMul(RINV, Y, S, modn); // (r·s)^-1 · s = r^-1
    powPublic(R, X, slot); // r^e·R
    return true;
  }
  return false;
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
  // 2. Blind: c·r^e mod n, as a plain number zero-padded for the CRT reductions.
  if (!makeBlind(slot)) {
    wipeScratch();
    return RSA_FAULT;
  }
  toMont(X, C, modn);
  montMul(Y, X, R, modn); // c·r^e·R
  memory.fill(WIDE, 0, 2 * <usize>NUM_BYTES);
  fromMont(WIDE, Y, modn);
  // 3. m_p = c'^dp mod p and m_q = c'^dq mod q (Montgomery form), fixed-window, masked table.
  reduceToMont(X, WIDE, nl, modp);
  modExpSecret(MP, X, keyDp(slot), modBits(modp), modp);
  reduceToMont(X, WIDE, nl, modq);
  modExpSecret(Y, X, keyDq(slot), modBits(modq), modq);
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
  // 5. Unblind: m·r^-1 mod n.
  toMont(X, RINV, modn);
  montMul(Y, WIDE, X, modn);
  modFinal(Y, Y, modn);
  // 6. Fault check: (m^e mod n) must equal c; release nothing otherwise.
  toMont(X, Y, modn);
  powPublic(Z, X, slot);
  fromMont(X, Z, modn);
  const ok = numEqualMask(X, C, nl);
  numToBytes(dst, k, Y, nl);
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
  powPublic(Y, X, slot);
  fromMont(X, Y, modn);
  numToBytes(dst, k, X, nl);
  wipeScratch();
  return RSA_OK;
}
