// Bignum exports for tests and the constant-time trace harness: byte-level wrappers over the
// Montgomery kernels. RSA uses the kernels directly (assembly/rsa).
import { MAX_LIMBS, NUM_BYTES, numBitLength, numFromBytes, numToBytes } from "./limbs";
import {
  MOD_BYTES,
  PROBE_PRODUCTS,
  fromMont,
  kernelProbe,
  modFinal,
  modLimbs,
  modN,
  modPrepare,
  montMul,
  toMont,
} from "./montgomery";
import { modExpSecret } from "./modexp";
import { modInverse } from "./inverse";

const MOD: usize = memory.data(MOD_BYTES, 16);
const A: usize = memory.data(NUM_BYTES, 16);
const B: usize = memory.data(NUM_BYTES, 16);
const E: usize = memory.data(NUM_BYTES, 16);

function load3(src: usize, len: i32): i32 {
  numFromBytes(modN(MOD), src + <usize>(2 * len), len, MAX_LIMBS);
  if (modPrepare(MOD, numBitLength(modN(MOD), MAX_LIMBS)) != 0) return 1;
  numFromBytes(A, src, len, MAX_LIMBS);
  numFromBytes(B, src + <usize>len, len, MAX_LIMBS);
  return 0;
}

/**
 * Reads base ‖ exponent ‖ modulus (each `len` big-endian bytes, modulus odd, base < modulus) at
 * `src` and writes base^exponent mod modulus (`len` bytes) to `dst` with the constant-time modexp.
 * Returns 0, or 1 for an unusable modulus.
 */
export function bnModExp(src: usize, len: i32, dst: usize): i32 {
  if (load3(src, len) != 0) return 1;
  numFromBytes(E, src + <usize>len, len, MAX_LIMBS);
  toMont(A, A, MOD);
  modExpSecret(B, A, E, len * 8, MOD);
  fromMont(A, B, MOD);
  numToBytes(dst, len, A, modLimbs(MOD));
  return 0;
}

/** Reads a ‖ b ‖ modulus (each `len` bytes, a, b < modulus) and writes a·b mod modulus via montMul. */
export function bnModMul(src: usize, len: i32, dst: usize): i32 {
  if (load3(src, len) != 0) return 1;
  toMont(A, A, MOD);
  montMul(A, A, B, MOD); // a·R · b / R = a·b
  modFinal(A, A, MOD);
  numToBytes(dst, len, A, modLimbs(MOD));
  return 0;
}

/**
 * Reads a ‖ (ignored) ‖ modulus (each `len` bytes, modulus odd, a < modulus) and writes a^-1 mod
 * modulus (`len` bytes) with the variable-time binary inverse. Returns 0, 1 for an unusable modulus,
 * or 2 when a is not invertible.
 */
export function bnModInverse(src: usize, len: i32, dst: usize): i32 {
  if (load3(src, len) != 0) return 1;
  if (modInverse(B, A, MOD) != 0) return 2;
  numToBytes(dst, len, B, modLimbs(MOD));
  return 0;
}

/** Runs the Montgomery product kernel `passes` times for the bench; returns the limb products done. */
export function bnKernelProbe(passes: i32): f64 {
  kernelProbe(passes);
  return <f64>passes * <f64>PROBE_PRODUCTS;
}
