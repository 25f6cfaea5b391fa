// Big integers as little-endian arrays of 28-bit limbs stored in u32 words.
//
// A 28-bit radix leaves 8 spare bits in every 64-bit product accumulator, so the Montgomery kernels
// can add up to 256 limb products before a carry must be propagated ("lazy carries").

/** Bits per limb. */
export const LIMB_BITS: i32 = 28;
/** Mask of one limb. */
export const LIMB_MASK: u32 = (1 << 28) - 1;
/** Limb capacity of every number buffer: 4096-bit moduli need 147 limbs; the rest is SIMD slack. */
export const MAX_LIMBS: i32 = 152;
/** Bytes of one number buffer. */
export const NUM_BYTES: i32 = MAX_LIMBS * 4;
/** Largest supported modulus, in bits. */
export const MAX_BITS: i32 = 4096;

/** Limb `i` of the number at `a`. */
// @ts-ignore: decorator
@inline export function limb(a: usize, i: i32): u32 {
  return load<u32>(a + (<usize>i << 2));
}

/** Sets limb `i` of the number at `a`. */
// @ts-ignore: decorator
@inline export function setLimb(a: usize, i: i32, v: u32): void {
  store<u32>(a + (<usize>i << 2), v);
}

/** Zeroes `nl` limbs at `a`. */
export function numZero(a: usize, nl: i32): void {
  memory.fill(a, 0, <usize>nl << 2);
}

/** Copies `nl` limbs from `src` to `dst`. */
export function numCopy(dst: usize, src: usize, nl: i32): void {
  memory.copy(dst, src, <usize>nl << 2);
}

/** Sets the number at `a` (nl limbs) to the small value `v` (< 2^28). */
export function numSetSmall(a: usize, v: u32, nl: i32): void {
  numZero(a, nl);
  setLimb(a, 0, v);
}

/**
 * Reads `len` big-endian bytes at `src` into `nl` limbs at `dst`. Returns 1 when the value needed
 * more than `nl` limbs (the excess is dropped), else 0. Runs in time dependent only on `len`, `nl`.
 */
export function numFromBytes(dst: usize, src: usize, len: i32, nl: i32): i32 {
  numZero(dst, nl);
  let acc: u64 = 0;
  let accBits: i32 = 0;
  let li: i32 = 0;
  let overflow: u32 = 0;
  for (let i = len - 1; i >= 0; i--) {
    acc |= (<u64>load<u8>(src + <usize>i)) << (<u64>accBits);
    accBits += 8;
    if (accBits >= LIMB_BITS) {
      if (li < nl) setLimb(dst, li, <u32>acc & LIMB_MASK);
      else overflow |= <u32>acc & LIMB_MASK;
      li++;
      acc >>= <u64>LIMB_BITS;
      accBits -= LIMB_BITS;
    }
  }
  if (li < nl) setLimb(dst, li, <u32>acc);
  else overflow |= <u32>acc;
  return overflow != 0 ? 1 : 0;
}

/** Writes the number at `src` (nl limbs) as `len` big-endian bytes at `dst` (truncating high bits). */
export function numToBytes(dst: usize, len: i32, src: usize, nl: i32): void {
  let acc: u64 = 0;
  let accBits: i32 = 0;
  let li: i32 = 0;
  for (let i = len - 1; i >= 0; i--) {
    if (accBits < 8) {
      const v: u64 = li < nl ? <u64>limb(src, li) : 0;
      acc |= v << (<u64>accBits);
      accBits += LIMB_BITS;
      li++;
    }
    store<u8>(dst + <usize>i, <u8>acc);
    acc >>= 8;
    accBits -= 8;
  }
}

/** Bit length of the number (variable time: for public values only). */
export function numBitLength(a: usize, nl: i32): i32 {
  for (let i = nl - 1; i >= 0; i--) {
    const v = limb(a, i);
    if (v != 0) return i * LIMB_BITS + 32 - <i32>clz(v);
  }
  return 0;
}

/** Bit `i` of the number (the position is public; the value is not branched on). */
// @ts-ignore: decorator
@inline export function numBit(a: usize, i: i32): u32 {
  return (limb(a, i / LIMB_BITS) >> <u32>(i % LIMB_BITS)) & 1;
}

/** Compares `a` and `b` (nl limbs) in constant time: -1, 0 or 1. */
export function numCompare(a: usize, b: usize, nl: i32): i32 {
  let result: i32 = 0;
  for (let i = 0; i < nl; i++) {
    const x = <i32>limb(a, i);
    const y = <i32>limb(b, i);
    const gt = (y - x) >> 31; // -1 when x > y
    const lt = (x - y) >> 31; // -1 when x < y
    const differs = gt | lt;
    result = (result & ~differs) | ((-gt - -lt) & differs);
  }
  return result;
}

/** r = a - b over nl limbs (r may alias a or b); returns the borrow (0 or 1). Constant time. */
export function numSub(r: usize, a: usize, b: usize, nl: i32): i32 {
  let borrow: i32 = 0;
  for (let i = 0; i < nl; i++) {
    const d = <i32>limb(a, i) - <i32>limb(b, i) - borrow;
    setLimb(r, i, <u32>d & LIMB_MASK);
    borrow = (d >> 31) & 1;
  }
  return borrow;
}

/** r = a + b over nl limbs (r may alias a or b); returns the carry (0 or 1). Constant time. */
export function numAdd(r: usize, a: usize, b: usize, nl: i32): u32 {
  let carry: u32 = 0;
  for (let i = 0; i < nl; i++) {
    const s = limb(a, i) + limb(b, i) + carry;
    setLimb(r, i, s & LIMB_MASK);
    carry = s >> LIMB_BITS;
  }
  return carry;
}

/** r = mask ? a : r over nl limbs, where mask is 0 or 0xFFFFFFFF. Constant time. */
export function numSelect(r: usize, a: usize, mask: u32, nl: i32): void {
  for (let i = 0; i < nl; i++) {
    const x = limb(r, i);
    setLimb(r, i, x ^ ((x ^ limb(a, i)) & mask));
  }
}

/** 0xFFFFFFFF when the numbers are equal, else 0. Constant time. */
export function numEqualMask(a: usize, b: usize, nl: i32): u32 {
  let diff: u32 = 0;
  for (let i = 0; i < nl; i++) diff |= limb(a, i) ^ limb(b, i);
  return <u32>(((<u64>diff) - 1) >> 32);
}
