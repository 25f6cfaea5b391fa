// SHA-224 and SHA-256 compression (FIPS 180-4 §6.2, §6.3), unrolled 16 rounds at a time with the
// message schedule kept in 16 locals (a rolling window updated in place).

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
