// SHA-224 and SHA-256 compression (FIPS 180-4 §6.2, §6.3). The scalar build unrolls 16 rounds at a
// time with the message schedule in 16 locals (a rolling window updated in place); the SIMD build
// unrolls all 64 rounds and keeps the schedule in four v128 locals, computed four words at a time
// with the round constants added per vector, leaving the general registers to the rounds.

/** FIPS 180-4 §4.2.2 round constants. */
const K256: usize = memory.data<u32>([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** FIPS 180-4 §5.3.3 initial hash value of SHA-256. */
export const SHA256_IV: usize = memory.data<u32>([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** FIPS 180-4 §5.3.2 initial hash value of SHA-224. */
export const SHA224_IV: usize = memory.data<u32>([
  0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
]);

// @ts-ignore: decorator
@inline
function bigSigma0(x: u32): u32 {
  return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22);
}

// @ts-ignore: decorator
@inline
function bigSigma1(x: u32): u32 {
  return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25);
}

// @ts-ignore: decorator
@inline
function smallSigma0(x: u32): u32 {
  return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3);
}

// @ts-ignore: decorator
@inline
function smallSigma1(x: u32): u32 {
  return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10);
}

// @ts-ignore: decorator
@inline
function ch(e: u32, f: u32, g: u32): u32 {
  return g ^ (e & (f ^ g));
}

// @ts-ignore: decorator
@inline
function maj(a: u32, b: u32, c: u32): u32 {
  return (a & b) | (c & (a | b));
}

/** Reverses the bytes of each 32-bit lane: four big-endian message words in one shuffle. */
// @ts-ignore: decorator
@inline
function byteSwapWords(v: v128): v128 {
  return i8x16.shuffle(v, v, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12);
}

/** Rotates each 32-bit lane right by `n`. */
// @ts-ignore: decorator
@inline
function rotrx4(v: v128, n: i32): v128 {
  return v128.or(i32x4.shr_u(v, n), i32x4.shl(v, 32 - n));
}

/** σ0 of FIPS 180-4 (4.6) on four lanes. */
// @ts-ignore: decorator
@inline
function smallSigma0x4(x: v128): v128 {
  return v128.xor(v128.xor(rotrx4(x, 7), rotrx4(x, 18)), i32x4.shr_u(x, 3));
}

/** σ1 of FIPS 180-4 (4.7) on four lanes. */
// @ts-ignore: decorator
@inline
function smallSigma1x4(x: v128): v128 {
  return v128.xor(v128.xor(rotrx4(x, 17), rotrx4(x, 19)), i32x4.shr_u(x, 10));
}

/**
 * The next four schedule words W[t..t+3] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16] from the
 * previous sixteen (groups `g0` = W[t-16..t-13] … `g3` = W[t-4..t-1]). W[t+2] and W[t+3] need W[t]
 * and W[t+1] from the same vector, so σ1 is added in two halves (σ1(0) = 0 fills the other lanes).
 */
// @ts-ignore: decorator
@inline
function nextWords(g0: v128, g1: v128, g2: v128, g3: v128): v128 {
  const zero = v128.splat<i32>(0);
  const w15 = i8x16.shuffle(g0, g1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19); // W[t-15..t-12]
  const w7 = i8x16.shuffle(g2, g3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19); // W[t-7..t-4]
  const base = i32x4.add(i32x4.add(g0, w7), smallSigma0x4(w15));
  const w2 = i8x16.shuffle(g3, zero, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 16, 17, 18, 19); // W[t-2], W[t-1], 0, 0
  const low = i32x4.add(base, smallSigma1x4(w2)); // W[t], W[t+1] final
  const w0 = i8x16.shuffle(low, zero, 16, 17, 18, 19, 16, 17, 18, 19, 0, 1, 2, 3, 4, 5, 6, 7); // 0, 0, W[t], W[t+1]
  return i32x4.add(low, smallSigma1x4(w0));
}

/** Compresses `n` 64-byte blocks at `p` into the eight-word chaining value at `state`. */
export function sha256Blocks(state: usize, p: usize, n: i32): void {
  let a = load<u32>(state, 0);
  let b = load<u32>(state, 4);
  let c = load<u32>(state, 8);
  let d = load<u32>(state, 12);
  let e = load<u32>(state, 16);
  let f = load<u32>(state, 20);
  let g = load<u32>(state, 24);
  let h = load<u32>(state, 28);
  while (n-- > 0) {
    if (ASC_FEATURE_SIMD) {
      let q0 = byteSwapWords(v128.load(p, 0));
      let q1 = byteSwapWords(v128.load(p, 16));
      let q2 = byteSwapWords(v128.load(p, 32));
      let q3 = byteSwapWords(v128.load(p, 48));
      let k0 = i32x4.add(q0, v128.load(K256, 0));
      h = h + <u32>i32x4.extract_lane(k0, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k0, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k0, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k0, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      q0 = nextWords(q0, q1, q2, q3);
      let k1 = i32x4.add(q1, v128.load(K256, 16));
      d = d + <u32>i32x4.extract_lane(k1, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k1, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k1, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k1, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      q1 = nextWords(q1, q2, q3, q0);
      let k2 = i32x4.add(q2, v128.load(K256, 32));
      h = h + <u32>i32x4.extract_lane(k2, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k2, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k2, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k2, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      q2 = nextWords(q2, q3, q0, q1);
      let k3 = i32x4.add(q3, v128.load(K256, 48));
      d = d + <u32>i32x4.extract_lane(k3, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k3, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k3, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k3, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      q3 = nextWords(q3, q0, q1, q2);
      let k4 = i32x4.add(q0, v128.load(K256, 64));
      h = h + <u32>i32x4.extract_lane(k4, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k4, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k4, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k4, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      q0 = nextWords(q0, q1, q2, q3);
      let k5 = i32x4.add(q1, v128.load(K256, 80));
      d = d + <u32>i32x4.extract_lane(k5, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k5, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k5, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k5, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      q1 = nextWords(q1, q2, q3, q0);
      let k6 = i32x4.add(q2, v128.load(K256, 96));
      h = h + <u32>i32x4.extract_lane(k6, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k6, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k6, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k6, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      q2 = nextWords(q2, q3, q0, q1);
      let k7 = i32x4.add(q3, v128.load(K256, 112));
      d = d + <u32>i32x4.extract_lane(k7, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k7, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k7, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k7, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      q3 = nextWords(q3, q0, q1, q2);
      let k8 = i32x4.add(q0, v128.load(K256, 128));
      h = h + <u32>i32x4.extract_lane(k8, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k8, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k8, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k8, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      q0 = nextWords(q0, q1, q2, q3);
      let k9 = i32x4.add(q1, v128.load(K256, 144));
      d = d + <u32>i32x4.extract_lane(k9, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k9, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k9, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k9, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      q1 = nextWords(q1, q2, q3, q0);
      let k10 = i32x4.add(q2, v128.load(K256, 160));
      h = h + <u32>i32x4.extract_lane(k10, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k10, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k10, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k10, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      q2 = nextWords(q2, q3, q0, q1);
      let k11 = i32x4.add(q3, v128.load(K256, 176));
      d = d + <u32>i32x4.extract_lane(k11, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k11, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k11, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k11, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      q3 = nextWords(q3, q0, q1, q2);
      let k12 = i32x4.add(q0, v128.load(K256, 192));
      h = h + <u32>i32x4.extract_lane(k12, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k12, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k12, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k12, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      let k13 = i32x4.add(q1, v128.load(K256, 208));
      d = d + <u32>i32x4.extract_lane(k13, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k13, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k13, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k13, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      let k14 = i32x4.add(q2, v128.load(K256, 224));
      h = h + <u32>i32x4.extract_lane(k14, 0) + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + <u32>i32x4.extract_lane(k14, 1) + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + <u32>i32x4.extract_lane(k14, 2) + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + <u32>i32x4.extract_lane(k14, 3) + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      let k15 = i32x4.add(q3, v128.load(K256, 240));
      d = d + <u32>i32x4.extract_lane(k15, 0) + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + <u32>i32x4.extract_lane(k15, 1) + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + <u32>i32x4.extract_lane(k15, 2) + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + <u32>i32x4.extract_lane(k15, 3) + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
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
      let k = K256;
      for (let j = 0; j < 4; j++) {
        h = h + load<u32>(k, 0) + w0 + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
        g = g + load<u32>(k, 4) + w1 + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
        f = f + load<u32>(k, 8) + w2 + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
        e = e + load<u32>(k, 12) + w3 + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
        d = d + load<u32>(k, 16) + w4 + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
        c = c + load<u32>(k, 20) + w5 + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
        b = b + load<u32>(k, 24) + w6 + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
        a = a + load<u32>(k, 28) + w7 + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
        h = h + load<u32>(k, 32) + w8 + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
        g = g + load<u32>(k, 36) + w9 + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
        f = f + load<u32>(k, 40) + w10 + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
        e = e + load<u32>(k, 44) + w11 + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
        d = d + load<u32>(k, 48) + w12 + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
        c = c + load<u32>(k, 52) + w13 + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
        b = b + load<u32>(k, 56) + w14 + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
        a = a + load<u32>(k, 60) + w15 + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
        if (j == 3) break;
        w0 += smallSigma1(w14) + w9 + smallSigma0(w1);
        w1 += smallSigma1(w15) + w10 + smallSigma0(w2);
        w2 += smallSigma1(w0) + w11 + smallSigma0(w3);
        w3 += smallSigma1(w1) + w12 + smallSigma0(w4);
        w4 += smallSigma1(w2) + w13 + smallSigma0(w5);
        w5 += smallSigma1(w3) + w14 + smallSigma0(w6);
        w6 += smallSigma1(w4) + w15 + smallSigma0(w7);
        w7 += smallSigma1(w5) + w0 + smallSigma0(w8);
        w8 += smallSigma1(w6) + w1 + smallSigma0(w9);
        w9 += smallSigma1(w7) + w2 + smallSigma0(w10);
        w10 += smallSigma1(w8) + w3 + smallSigma0(w11);
        w11 += smallSigma1(w9) + w4 + smallSigma0(w12);
        w12 += smallSigma1(w10) + w5 + smallSigma0(w13);
        w13 += smallSigma1(w11) + w6 + smallSigma0(w14);
        w14 += smallSigma1(w12) + w7 + smallSigma0(w15);
        w15 += smallSigma1(w13) + w8 + smallSigma0(w0);
        k += 64;
      }
    }
    a += load<u32>(state, 0);
    b += load<u32>(state, 4);
    c += load<u32>(state, 8);
    d += load<u32>(state, 12);
    e += load<u32>(state, 16);
    f += load<u32>(state, 20);
    g += load<u32>(state, 24);
    h += load<u32>(state, 28);
    store<u32>(state, a, 0);
    store<u32>(state, b, 4);
    store<u32>(state, c, 8);
    store<u32>(state, d, 12);
    store<u32>(state, e, 16);
    store<u32>(state, f, 20);
    store<u32>(state, g, 24);
    store<u32>(state, h, 28);
    p += 64;
  }
}
