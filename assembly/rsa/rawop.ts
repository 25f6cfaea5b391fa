// The raw RSA operations (RFC 8017 §5.1): RSAEP/RSAVP1 (public) and RSADP/RSASP1 (private: CRT with
// Garner recombination, base blinding with a random blind (fresh every 32 operations, squared in
// between), and a check of the result with the
// public exponent before it is released).
import { randomFill } from "../io/index";
import { LIMB_MASK, MAX_LIMBS, NUM_BYTES, limb, numCompare, numCopy, numEqualMask, numFromBytes, numToBytes, numZero, setLimb } from "../bignum/limbs";
import { modAdd, modFinal, modBits, modLimbs, modN, modRR, modSub, fromMont, montMul, montSqr, numMul, toMont } from "../bignum/montgomery";
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
const R: usize = SCRATCH + 10 * <usize>NUM_BYTES; // two numbers wide
const S: usize = SCRATCH + 12 * <usize>NUM_BYTES; // two numbers wide
const WIDE: usize = SCRATCH + 14 * <usize>NUM_BYTES; // two numbers wide

/**
 * Private operations one blind serves. Between them the blind is updated by squaring both halves
 * (r → r², as OpenSSL's BN_BLINDING and Kocher §10 suggest), which costs four squarings instead of a
 * fresh draw with its modular inverse (a third of the operation); every 32nd operation draws anew.
 */
const BLIND_USES: i32 = 32;

// The key's blinding state (see keyBlind): r^e and r^-1 modulo p, then modulo q.
// @ts-ignore: decorator
@inline function blindP(slot: usize): usize {
  return keyBlind(slot);
}
// @ts-ignore: decorator
@inline function unblindP(slot: usize): usize {
  return keyBlind(slot) + <usize>NUM_BYTES;
}
// @ts-ignore: decorator
@inline function blindQ(slot: usize): usize {
  return keyBlind(slot) + 2 * <usize>NUM_BYTES;
}
// @ts-ignore: decorator
@inline function unblindQ(slot: usize): usize {
  return keyBlind(slot) + 3 * <usize>NUM_BYTES;
}

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

/**
 * Draws a fresh random blind r and computes r^e and r^-1 modulo p and q (Montgomery form). The
 * inverse is taken modulo the public n, of r·s for a second random s, so the variable-time binary
 * GCD sees only a uniformly random value and a public modulus (never p or q). Applying the blind
 * per prime equals blinding c by r^e mod n: (c·r^e)^dp = c^dp·r (mod p) since e·dp ≡ 1 (mod p − 1).
 */
function makeBlind(slot: usize): bool {
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
    reduceToMont(unblindP(slot), S, nl, modp);
    reduceToMont(unblindQ(slot), S, nl, modq);
    reduceToMont(X, R, nl, modp);
    powPublic(blindP(slot), X, slot, modp);
    reduceToMont(X, R, nl, modq);
    powPublic(blindQ(slot), X, slot, modq);
    return true;
  }
  return false;
}

/**
 * The blind for this operation: a fresh one every BLIND_USES operations, else the previous one squared
 * ((r²)^e = (r^e)² and (r²)^-1 = (r^-1)²). Which branch runs depends only on the operation count.
 */
function nextBlind(slot: usize): bool {
  const uses = load<i32>(keyBlindUses(slot));
  if (uses <= 0) {
    if (!makeBlind(slot)) return false;
    store<i32>(keyBlindUses(slot), BLIND_USES - 1);
    return true;
  }
  const modp = keyModP(slot);
  const modq = keyModQ(slot);
  montSqr(blindP(slot), blindP(slot), modp);
  montSqr(unblindP(slot), unblindP(slot), modp);
  montSqr(blindQ(slot), blindQ(slot), modq);
  montSqr(unblindQ(slot), unblindQ(slot), modq);
  store<i32>(keyBlindUses(slot), uses - 1);
  return true;
}

/** Makes the next private operation of the key in `slot` draw a fresh blind (tests, key reuse). */
export function freshBlind(slot: usize): void {
  store<i32>(keyBlindUses(slot), 0);
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
  // 2. The blind r: r^e and r^-1 modulo p and q.
  if (!nextBlind(slot)) {
    wipeScratch();
    return RSA_FAULT;
  }
  // 3. m_p = (c·r^e)^dp·r^-1 mod p and m_q likewise (fixed window, masked table scan).
  memory.fill(WIDE, 0, 2 * <usize>NUM_BYTES);
  numCopy(WIDE, C, nl);
  reduceToMont(X, WIDE, nl, modp);
  montMul(X, X, blindP(slot), modp);
  modExpSecret(MP, X, keyDp(slot), modBits(modp), modp);
  montMul(MP, MP, unblindP(slot), modp);
  reduceToMont(X, WIDE, nl, modq);
  montMul(X, X, blindQ(slot), modq);
  modExpSecret(Y, X, keyDq(slot), modBits(modq), modq);
  montMul(Y, Y, unblindQ(slot), modq);
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
  // 5. Fault check: (m^e mod n) must equal c; release nothing otherwise.
  toMont(X, WIDE, modn);
  powPublic(Z, X, slot, modn);
  fromMont(X, Z, modn);
  const ok = numEqualMask(X, C, nl);
  numToBytes(dst, k, WIDE, nl);
  wipeScratch();
  if (ok == 0) {
    memory.fill(dst, 0, <usize>k);
    freshBlind(slot); // never reuse a blind that may have been corrupted
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
