// RSA key slots: per-key state (moduli contexts with their Montgomery constants, exponents) kept
// in static WASM memory so that a key is prepared once and wiped on dispose.
//
// Slot layout:
//   +0  kind     i32 (1 public, 2 private)
//   +4  eSmall   u32 public exponent when it fits in 32 bits, else 0
//   +8  eBits    i32 bit length of e
//   +12 nBytes   i32 modulus length in bytes (k)
//   +16 N, P, Q  modulus contexts (MOD_BYTES each)
//   then e, dp, dq, qinv as limb buffers (NUM_BYTES each)
import { LIMB_BITS, MAX_BITS, NUM_BYTES, limb, numBitLength, numCompare, numFromBytes, numZero } from "../bignum/limbs";
import { MOD_BYTES, modLimbs, modN, modPrepare, numMul } from "../bignum/montgomery";

/** Number of key slots. */
export const KEY_SLOTS: i32 = 64;
/** Bytes per key slot. */
export const KEY_SLOT_BYTES: i32 = 16 + 3 * MOD_BYTES + 4 * NUM_BYTES;
/** Base address of the key slots. */
export const KEY_BASE: usize = memory.data(KEY_SLOTS * KEY_SLOT_BYTES, 16);
/** Smallest supported modulus in bits. */
export const MIN_BITS: i32 = 512;

/** Component ids for {@link keySetComponent}. */
export const COMPONENT_N: i32 = 0;
export const COMPONENT_E: i32 = 1;
export const COMPONENT_P: i32 = 2;
export const COMPONENT_Q: i32 = 3;
export const COMPONENT_DP: i32 = 4;
export const COMPONENT_DQ: i32 = 5;
export const COMPONENT_QINV: i32 = 6;

/** Modulus context of n. */
// @ts-ignore: decorator
@inline export function keyModN(slot: usize): usize {
  return slot + 16;
}
/** Modulus context of p. */
// @ts-ignore: decorator
@inline export function keyModP(slot: usize): usize {
  return slot + 16 + <usize>MOD_BYTES;
}
/** Modulus context of q. */
// @ts-ignore: decorator
@inline export function keyModQ(slot: usize): usize {
  return slot + 16 + 2 * <usize>MOD_BYTES;
}
/** Limbs of the public exponent. */
// @ts-ignore: decorator
@inline export function keyE(slot: usize): usize {
  return slot + 16 + 3 * <usize>MOD_BYTES;
}
/** Limbs of d mod (p-1). */
// @ts-ignore: decorator
@inline export function keyDp(slot: usize): usize {
  return keyE(slot) + <usize>NUM_BYTES;
}
/** Limbs of d mod (q-1). */
// @ts-ignore: decorator
@inline export function keyDq(slot: usize): usize {
  return keyE(slot) + 2 * <usize>NUM_BYTES;
}
/** Limbs of q^-1 mod p. */
// @ts-ignore: decorator
@inline export function keyQinv(slot: usize): usize {
  return keyE(slot) + 3 * <usize>NUM_BYTES;
}
/** Modulus length in bytes. */
// @ts-ignore: decorator
@inline export function keyBytes(slot: usize): i32 {
  return load<i32>(slot, 12);
}
/** Public exponent when it fits in 32 bits, else 0. */
// @ts-ignore: decorator
@inline export function keyESmall(slot: usize): u32 {
  return load<u32>(slot, 4);
}
/** Bit length of the public exponent. */
// @ts-ignore: decorator
@inline export function keyEBits(slot: usize): i32 {
  return load<i32>(slot, 8);
}

const MAX_COMPONENT_LIMBS: i32 = (MAX_BITS + LIMB_BITS - 1) / LIMB_BITS;
const PRODUCT: usize = memory.data(2 * NUM_BYTES, 16);

/** Stores one big-endian component into the slot. Returns 0, or 1 when it exceeds 4096 bits. */
export function keySetComponent(slot: usize, which: i32, src: usize, len: i32): i32 {
  let dst: usize = 0;
  if (which == COMPONENT_N) dst = modN(keyModN(slot));
  else if (which == COMPONENT_E) dst = keyE(slot);
  else if (which == COMPONENT_P) dst = modN(keyModP(slot));
  else if (which == COMPONENT_Q) dst = modN(keyModQ(slot));
  else if (which == COMPONENT_DP) dst = keyDp(slot);
  else if (which == COMPONENT_DQ) dst = keyDq(slot);
  else if (which == COMPONENT_QINV) dst = keyQinv(slot);
  else return 1;
  return numFromBytes(dst, src, len, MAX_COMPONENT_LIMBS);
}

/**
 * Prepares a public key from its n and e components. Returns 0; 1 when n is even or its size is
 * outside 512–4096 bits; 2 when e is even, below 3, or not below n.
 */
export function keyPreparePublic(slot: usize): i32 {
  const modn = keyModN(slot);
  const bits = numBitLength(modN(modn), MAX_COMPONENT_LIMBS);
  if (bits < MIN_BITS || bits > MAX_BITS) return 1;
  if (modPrepare(modn, bits) != 0) return 1;
  const e = keyE(slot);
  const eBits = numBitLength(e, MAX_COMPONENT_LIMBS);
  if (eBits < 2 || (limb(e, 0) & 1) == 0 || eBits > bits) return 2;
  if (numCompare(e, modN(modn), MAX_COMPONENT_LIMBS) >= 0) return 2;
  store<i32>(slot, 1);
  store<u32>(slot, eBits <= 32 ? limb(e, 0) | (eBits > LIMB_BITS ? limb(e, 1) << <u32>LIMB_BITS : 0) : 0, 4);
  store<i32>(slot, eBits, 8);
  store<i32>(slot, (bits + 7) >> 3, 12);
  return 0;
}

/**
 * Prepares a private key whose n, e, p, q, dp, dq, qinv are stored. Returns 0; 1–2 as for
 * {@link keyPreparePublic}; 3 when p or q is unusable (even, below 64 bits,
 * p·q ≠ n) or dp ≥ p, dq ≥ q, qinv ≥ p.
 */
export function keyPreparePrivate(slot: usize): i32 {
  const status = keyPreparePublic(slot);
  if (status != 0) return status;
  const modn = keyModN(slot);
  const modp = keyModP(slot);
  const modq = keyModQ(slot);
  const pBits = numBitLength(modN(modp), MAX_COMPONENT_LIMBS);
  const qBits = numBitLength(modN(modq), MAX_COMPONENT_LIMBS);
  if (modPrepare(modp, pBits) != 0 || modPrepare(modq, qBits) != 0) return 3;
  const nl = modLimbs(modn);
  const pl = modLimbs(modp);
  const ql = modLimbs(modq);
  // p·q must equal n.
  if (pl + ql < nl) return 3;
  numMul(PRODUCT, modN(modp), pl, modN(modq), ql);
  const productLimbs = pl + ql;
  let mismatch = numCompare(PRODUCT, modN(modn), nl < productLimbs ? nl : productLimbs) != 0;
  for (let i = nl; i < productLimbs; i++) if (limb(PRODUCT, i) != 0) mismatch = true;
  numZero(PRODUCT, productLimbs);
  if (mismatch) return 3;
  if (numCompare(keyDp(slot), modN(modp), MAX_COMPONENT_LIMBS) >= 0) return 3;
  if (numCompare(keyDq(slot), modN(modq), MAX_COMPONENT_LIMBS) >= 0) return 3;
  if (numCompare(keyQinv(slot), modN(modp), MAX_COMPONENT_LIMBS) >= 0) return 3;
  store<i32>(slot, 2);
  return 0;
}
