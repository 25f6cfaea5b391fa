// SHA-1 compression (FIPS 180-4 §6.1), fully unrolled. The scalar build keeps the message schedule in
// a rolling window of 16 locals; the SIMD build keeps it in four v128 locals, computes it four words
// at a time, adds the round constant four lanes at once and stores W + K to a small scratch that the
// rounds read back (measured faster than extracting lanes), leaving the general registers to the rounds.

/** FIPS 180-4 §5.3.1 initial hash value of SHA-1. */
export const SHA1_IV: usize = memory.data<u32>([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);

/** Scratch for four groups of W + K (SIMD build). */
const WK: usize = memory.data(64, 16);

/** Reverses the bytes of each 32-bit lane: four big-endian message words in one shuffle. */
// @ts-ignore: decorator
@inline
function byteSwapWords(v: v128): v128 {
  return i8x16.shuffle(v, v, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
}

/** Rotates each 32-bit lane left by 1. */
// @ts-ignore: decorator
@inline
function rotl1x4(v: v128): v128 {
  return v128.or(i32x4.shl(v, 1), i32x4.shr_u(v, 31));
}

/**
 * The next four schedule words W[t..t+3] = ROTL¹(W[t-3] ⊕ W[t-8] ⊕ W[t-14] ⊕ W[t-16]) from the
 * previous sixteen (groups `g0` = W[t-16..t-13] … `g3` = W[t-4..t-1]). W[t+3] needs W[t] from the
 * same vector: it is computed with that term missing and fixed up afterwards (ROTL distributes over ⊕).
 */
// @ts-ignore: decorator
@inline
function nextWords(g0: v128, g1: v128, g2: v128, g3: v128): v128 {
  const w14 = i8x16.shuffle(g0, g1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23); // W[t-14..t-11]
  const w3 = i8x16.shuffle(g3, v128.splat<i32>(0), 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19); // W[t-3..t-1], 0
  const r = rotl1x4(v128.xor(v128.xor(g0, w14), v128.xor(g2, w3)));
  const first = i8x16.shuffle(r, v128.splat<i32>(0), 16, 17, 18, 19, 16, 17, 18, 19, 16, 17, 18, 19, 0, 1, 2, 3); // 0, 0, 0, W[t]
  return v128.xor(r, rotl1x4(first));
}

/** Compresses `n` 64-byte blocks at `p` into the five-word chaining value at `h`. */
export function sha1Blocks(h: usize, p: usize, n: i32): void {
  let a = load<u32>(h, 0);
  let b = load<u32>(h, 4);
  let c = load<u32>(h, 8);
  let d = load<u32>(h, 12);
  let e = load<u32>(h, 16);
  while (n-- > 0) {
    if (ASC_FEATURE_SIMD) {
      let q0 = byteSwapWords(v128.load(p, 0));
      let q1 = byteSwapWords(v128.load(p, 16));
      let q2 = byteSwapWords(v128.load(p, 32));
      let q3 = byteSwapWords(v128.load(p, 48));
      v128.store(WK, i32x4.add(q0, i32x4.splat(0x5a827999)), 0);
      e = e + load<u32>(WK, 0) + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 4) + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 8) + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 12) + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      q0 = nextWords(q0, q1, q2, q3);
      v128.store(WK, i32x4.add(q1, i32x4.splat(0x5a827999)), 16);
      a = a + load<u32>(WK, 16) + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 20) + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 24) + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 28) + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      q1 = nextWords(q1, q2, q3, q0);
      v128.store(WK, i32x4.add(q2, i32x4.splat(0x5a827999)), 32);
      b = b + load<u32>(WK, 32) + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 36) + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 40) + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 44) + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      q2 = nextWords(q2, q3, q0, q1);
      v128.store(WK, i32x4.add(q3, i32x4.splat(0x5a827999)), 48);
      c = c + load<u32>(WK, 48) + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 52) + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 56) + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 60) + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      q3 = nextWords(q3, q0, q1, q2);
      v128.store(WK, i32x4.add(q0, i32x4.splat(0x5a827999)), 0);
      d = d + load<u32>(WK, 0) + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 4) + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 8) + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 12) + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      q0 = nextWords(q0, q1, q2, q3);
      v128.store(WK, i32x4.add(q1, i32x4.splat(0x6ed9eba1)), 16);
      e = e + load<u32>(WK, 16) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 20) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 24) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 28) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      q1 = nextWords(q1, q2, q3, q0);
      v128.store(WK, i32x4.add(q2, i32x4.splat(0x6ed9eba1)), 32);
      a = a + load<u32>(WK, 32) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 36) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 40) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 44) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      q2 = nextWords(q2, q3, q0, q1);
      v128.store(WK, i32x4.add(q3, i32x4.splat(0x6ed9eba1)), 48);
      b = b + load<u32>(WK, 48) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 52) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 56) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 60) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      q3 = nextWords(q3, q0, q1, q2);
      v128.store(WK, i32x4.add(q0, i32x4.splat(0x6ed9eba1)), 0);
      c = c + load<u32>(WK, 0) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 4) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 8) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 12) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      q0 = nextWords(q0, q1, q2, q3);
      v128.store(WK, i32x4.add(q1, i32x4.splat(0x6ed9eba1)), 16);
      d = d + load<u32>(WK, 16) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 20) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 24) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 28) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      q1 = nextWords(q1, q2, q3, q0);
      v128.store(WK, i32x4.add(q2, i32x4.splat(0x8f1bbcdc)), 32);
      e = e + load<u32>(WK, 32) + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 36) + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 40) + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 44) + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      q2 = nextWords(q2, q3, q0, q1);
      v128.store(WK, i32x4.add(q3, i32x4.splat(0x8f1bbcdc)), 48);
      a = a + load<u32>(WK, 48) + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 52) + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 56) + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 60) + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      q3 = nextWords(q3, q0, q1, q2);
      v128.store(WK, i32x4.add(q0, i32x4.splat(0x8f1bbcdc)), 0);
      b = b + load<u32>(WK, 0) + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 4) + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 8) + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 12) + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      q0 = nextWords(q0, q1, q2, q3);
      v128.store(WK, i32x4.add(q1, i32x4.splat(0x8f1bbcdc)), 16);
      c = c + load<u32>(WK, 16) + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 20) + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 24) + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 28) + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      q1 = nextWords(q1, q2, q3, q0);
      v128.store(WK, i32x4.add(q2, i32x4.splat(0x8f1bbcdc)), 32);
      d = d + load<u32>(WK, 32) + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 36) + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 40) + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 44) + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      q2 = nextWords(q2, q3, q0, q1);
      v128.store(WK, i32x4.add(q3, i32x4.splat(0xca62c1d6)), 48);
      e = e + load<u32>(WK, 48) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 52) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 56) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 60) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      q3 = nextWords(q3, q0, q1, q2);
      v128.store(WK, i32x4.add(q0, i32x4.splat(0xca62c1d6)), 0);
      a = a + load<u32>(WK, 0) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 4) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 8) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 12) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      v128.store(WK, i32x4.add(q1, i32x4.splat(0xca62c1d6)), 16);
      b = b + load<u32>(WK, 16) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 20) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 24) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + load<u32>(WK, 28) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      v128.store(WK, i32x4.add(q2, i32x4.splat(0xca62c1d6)), 32);
      c = c + load<u32>(WK, 32) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 36) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 40) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + load<u32>(WK, 44) + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      v128.store(WK, i32x4.add(q3, i32x4.splat(0xca62c1d6)), 48);
      d = d + load<u32>(WK, 48) + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + load<u32>(WK, 52) + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + load<u32>(WK, 56) + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + load<u32>(WK, 60) + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
    } else {
      let w0 = bswap<u32>(load<u32>(p, 0));
      let w1 = bswap<u32>(load<u32>(p, 4));
      let w2 = bswap<u32>(load<u32>(p, 8));
      let w3 = bswap<u32>(load<u32>(p, 12));
      let w4 = bswap<u32>(load<u32>(p, 16));
      let w5 = bswap<u32>(load<u32>(p, 20));
      let w6 = bswap<u32>(load<u32>(p, 24));
      let w7 = bswap<u32>(load<u32>(p, 28));
      let w8 = bswap<u32>(load<u32>(p, 32));
      let w9 = bswap<u32>(load<u32>(p, 36));
      let w10 = bswap<u32>(load<u32>(p, 40));
      let w11 = bswap<u32>(load<u32>(p, 44));
      let w12 = bswap<u32>(load<u32>(p, 48));
      let w13 = bswap<u32>(load<u32>(p, 52));
      let w14 = bswap<u32>(load<u32>(p, 56));
      let w15 = bswap<u32>(load<u32>(p, 60));
      e = e + 0x5a827999 + w0 + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + 0x5a827999 + w1 + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + 0x5a827999 + w2 + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + 0x5a827999 + w3 + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + 0x5a827999 + w4 + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + 0x5a827999 + w5 + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + 0x5a827999 + w6 + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + 0x5a827999 + w7 + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + 0x5a827999 + w8 + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + 0x5a827999 + w9 + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + 0x5a827999 + w10 + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      d = d + 0x5a827999 + w11 + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      c = c + 0x5a827999 + w12 + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      b = b + 0x5a827999 + w13 + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      a = a + 0x5a827999 + w14 + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      e = e + 0x5a827999 + w15 + (d ^ (b & (c ^ d))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
      d = d + 0x5a827999 + w0 + (c ^ (a & (b ^ c))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
      c = c + 0x5a827999 + w1 + (b ^ (e & (a ^ b))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
      b = b + 0x5a827999 + w2 + (a ^ (d & (e ^ a))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
      a = a + 0x5a827999 + w3 + (e ^ (c & (d ^ e))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
      e = e + 0x6ed9eba1 + w4 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
      d = d + 0x6ed9eba1 + w5 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
      c = c + 0x6ed9eba1 + w6 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
      b = b + 0x6ed9eba1 + w7 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
      a = a + 0x6ed9eba1 + w8 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
      e = e + 0x6ed9eba1 + w9 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
      d = d + 0x6ed9eba1 + w10 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
      c = c + 0x6ed9eba1 + w11 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
      b = b + 0x6ed9eba1 + w12 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
      a = a + 0x6ed9eba1 + w13 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
      e = e + 0x6ed9eba1 + w14 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
      d = d + 0x6ed9eba1 + w15 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
      c = c + 0x6ed9eba1 + w0 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
      b = b + 0x6ed9eba1 + w1 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
      a = a + 0x6ed9eba1 + w2 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
      e = e + 0x6ed9eba1 + w3 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
      d = d + 0x6ed9eba1 + w4 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
      c = c + 0x6ed9eba1 + w5 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
      b = b + 0x6ed9eba1 + w6 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
      a = a + 0x6ed9eba1 + w7 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
      e = e + 0x8f1bbcdc + w8 + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
      d = d + 0x8f1bbcdc + w9 + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
      c = c + 0x8f1bbcdc + w10 + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
      b = b + 0x8f1bbcdc + w11 + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
      a = a + 0x8f1bbcdc + w12 + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
      e = e + 0x8f1bbcdc + w13 + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
      d = d + 0x8f1bbcdc + w14 + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
      c = c + 0x8f1bbcdc + w15 + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
      b = b + 0x8f1bbcdc + w0 + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
      a = a + 0x8f1bbcdc + w1 + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
      e = e + 0x8f1bbcdc + w2 + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
      d = d + 0x8f1bbcdc + w3 + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
      c = c + 0x8f1bbcdc + w4 + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
      b = b + 0x8f1bbcdc + w5 + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
      a = a + 0x8f1bbcdc + w6 + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
      e = e + 0x8f1bbcdc + w7 + ((b & c) | (d & (b | c))) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
      d = d + 0x8f1bbcdc + w8 + ((a & b) | (c & (a | b))) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
      c = c + 0x8f1bbcdc + w9 + ((e & a) | (b & (e | a))) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
      b = b + 0x8f1bbcdc + w10 + ((d & e) | (a & (d | e))) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
      a = a + 0x8f1bbcdc + w11 + ((c & d) | (e & (c | d))) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
      e = e + 0xca62c1d6 + w12 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
      d = d + 0xca62c1d6 + w13 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
      c = c + 0xca62c1d6 + w14 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
      b = b + 0xca62c1d6 + w15 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w0 = rotl<u32>(w13 ^ w8 ^ w2 ^ w0, 1);
      a = a + 0xca62c1d6 + w0 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w1 = rotl<u32>(w14 ^ w9 ^ w3 ^ w1, 1);
      e = e + 0xca62c1d6 + w1 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w2 = rotl<u32>(w15 ^ w10 ^ w4 ^ w2, 1);
      d = d + 0xca62c1d6 + w2 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w3 = rotl<u32>(w0 ^ w11 ^ w5 ^ w3, 1);
      c = c + 0xca62c1d6 + w3 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w4 = rotl<u32>(w1 ^ w12 ^ w6 ^ w4, 1);
      b = b + 0xca62c1d6 + w4 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w5 = rotl<u32>(w2 ^ w13 ^ w7 ^ w5, 1);
      a = a + 0xca62c1d6 + w5 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w6 = rotl<u32>(w3 ^ w14 ^ w8 ^ w6, 1);
      e = e + 0xca62c1d6 + w6 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w7 = rotl<u32>(w4 ^ w15 ^ w9 ^ w7, 1);
      d = d + 0xca62c1d6 + w7 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w8 = rotl<u32>(w5 ^ w0 ^ w10 ^ w8, 1);
      c = c + 0xca62c1d6 + w8 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w9 = rotl<u32>(w6 ^ w1 ^ w11 ^ w9, 1);
      b = b + 0xca62c1d6 + w9 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w10 = rotl<u32>(w7 ^ w2 ^ w12 ^ w10, 1);
      a = a + 0xca62c1d6 + w10 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
      w11 = rotl<u32>(w8 ^ w3 ^ w13 ^ w11, 1);
      e = e + 0xca62c1d6 + w11 + (b ^ c ^ d) + rotl<u32>(a, 5); b = rotl<u32>(b, 30);
      w12 = rotl<u32>(w9 ^ w4 ^ w14 ^ w12, 1);
      d = d + 0xca62c1d6 + w12 + (a ^ b ^ c) + rotl<u32>(e, 5); a = rotl<u32>(a, 30);
      w13 = rotl<u32>(w10 ^ w5 ^ w15 ^ w13, 1);
      c = c + 0xca62c1d6 + w13 + (e ^ a ^ b) + rotl<u32>(d, 5); e = rotl<u32>(e, 30);
      w14 = rotl<u32>(w11 ^ w6 ^ w0 ^ w14, 1);
      b = b + 0xca62c1d6 + w14 + (d ^ e ^ a) + rotl<u32>(c, 5); d = rotl<u32>(d, 30);
      w15 = rotl<u32>(w12 ^ w7 ^ w1 ^ w15, 1);
      a = a + 0xca62c1d6 + w15 + (c ^ d ^ e) + rotl<u32>(b, 5); c = rotl<u32>(c, 30);
    }
    a += load<u32>(h, 0);
    b += load<u32>(h, 4);
    c += load<u32>(h, 8);
    d += load<u32>(h, 12);
    e += load<u32>(h, 16);
    store<u32>(h, a, 0);
    store<u32>(h, b, 4);
    store<u32>(h, c, 8);
    store<u32>(h, d, 12);
    store<u32>(h, e, 16);
    p += 64;
  }
}
