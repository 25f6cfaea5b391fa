// How many 28-bit limb products an RSA private operation needs at the least, for the bench report's
// ceiling: the Montgomery kernel's own product rate (the "bignum product kernel" group) divided by
// this count bounds the operations per second that any schedule of the same kernel can reach.

/** Limb products per timed operation of the kernel group (the probe returns its count). */
export const KERNEL_PRODUCTS_PER_OP = 160_000;
/** Id of the bench group that times the product kernel alone. */
export const KERNEL_GROUP = "bignum product kernel (160,000 limb products per operation)";

/** Radix of the WASM bignum (assembly/bignum/limbs.ts). */
const LIMB_BITS = 28;
/** Fixed window of the modular exponentiation (assembly/bignum/modexp.ts). */
const WINDOW = 5;

/**
 * Lower bound on the limb products of one CRT private operation with a `bits`-bit modulus: two
 * modexps modulo the half-size primes, each with a 2^WINDOW-entry table and `WINDOW` squarings plus
 * one multiplication per window. A squaring costs nl(nl+1)/2 products and the reduction nl², a
 * multiplication nl² and nl². Blinding, CRT recombination and the fault check come on top.
 */
export function crtPrivateProducts(bits: number): number {
  const half = bits / 2;
  const nl = Math.floor((half + 2 + LIMB_BITS - 1) / LIMB_BITS);
  const square = (nl * (nl + 1)) / 2 + nl * nl;
  const multiply = 2 * nl * nl;
  const tableHalf = (1 << WINDOW) / 2 - 1;
  const windows = Math.ceil(half / WINDOW);
  const squarings = tableHalf + WINDOW * (windows - 1);
  const multiplications = tableHalf + windows - 1;
  return 2 * (squarings * square + multiplications * multiply);
}
