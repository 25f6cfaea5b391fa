// SHA-384 and SHA-512 compression (FIPS 180-4 §6.4, §6.5), unrolled 16 rounds at a time with the
// message schedule kept in 16 locals (a rolling window updated in place).

/** FIPS 180-4 §4.2.3 round constants. */
const K512: usize = memory.data<u64>([
  0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
  0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
  0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
  0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
  0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
  0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
  0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
  0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
  0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
  0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
  0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
  0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
  0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
  0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
  0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
  0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
  0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
  0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
  0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
  0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
]);

/** FIPS 180-4 §5.3.5 initial hash value of SHA-512. */
export const SHA512_IV: usize = memory.data<u64>([
  0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
]);

/** FIPS 180-4 §5.3.4 initial hash value of SHA-384. */
export const SHA384_IV: usize = memory.data<u64>([
  0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
  0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
]);

// @ts-ignore: decorator
@inline
function bigSigma0(x: u64): u64 {
  return rotr<u64>(x, 28) ^ rotr<u64>(x, 34) ^ rotr<u64>(x, 39);
}

// @ts-ignore: decorator
@inline
function bigSigma1(x: u64): u64 {
  return rotr<u64>(x, 14) ^ rotr<u64>(x, 18) ^ rotr<u64>(x, 41);
}

// @ts-ignore: decorator
@inline
function smallSigma0(x: u64): u64 {
  return rotr<u64>(x, 1) ^ rotr<u64>(x, 8) ^ (x >>> 7);
}

// @ts-ignore: decorator
@inline
function smallSigma1(x: u64): u64 {
  return rotr<u64>(x, 19) ^ rotr<u64>(x, 61) ^ (x >>> 6);
}

// @ts-ignore: decorator
@inline
function ch(e: u64, f: u64, g: u64): u64 {
  return g ^ (e & (f ^ g));
}

// @ts-ignore: decorator
@inline
function maj(a: u64, b: u64, c: u64): u64 {
  return (a & b) | (c & (a | b));
}

/** Compresses `n` 128-byte blocks at `p` into the eight-word chaining value at `state`. */
export function sha512Blocks(state: usize, p: usize, n: i32): void {
  let a = load<u64>(state, 0);
  let b = load<u64>(state, 8);
  let c = load<u64>(state, 16);
  let d = load<u64>(state, 24);
  let e = load<u64>(state, 32);
  let f = load<u64>(state, 40);
  let g = load<u64>(state, 48);
  let h = load<u64>(state, 56);
  while (n-- > 0) {
    let w0 = bswap<u64>(load<u64>(p, 0));
    let w1 = bswap<u64>(load<u64>(p, 8));
    let w2 = bswap<u64>(load<u64>(p, 16));
    let w3 = bswap<u64>(load<u64>(p, 24));
    let w4 = bswap<u64>(load<u64>(p, 32));
    let w5 = bswap<u64>(load<u64>(p, 40));
    let w6 = bswap<u64>(load<u64>(p, 48));
    let w7 = bswap<u64>(load<u64>(p, 56));
    let w8 = bswap<u64>(load<u64>(p, 64));
    let w9 = bswap<u64>(load<u64>(p, 72));
    let w10 = bswap<u64>(load<u64>(p, 80));
    let w11 = bswap<u64>(load<u64>(p, 88));
    let w12 = bswap<u64>(load<u64>(p, 96));
    let w13 = bswap<u64>(load<u64>(p, 104));
    let w14 = bswap<u64>(load<u64>(p, 112));
    let w15 = bswap<u64>(load<u64>(p, 120));
    let k = K512;
    for (let j = 0; j < 5; j++) {
      h = h + load<u64>(k, 0) + w0 + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + load<u64>(k, 8) + w1 + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + load<u64>(k, 16) + w2 + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + load<u64>(k, 24) + w3 + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      d = d + load<u64>(k, 32) + w4 + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + load<u64>(k, 40) + w5 + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + load<u64>(k, 48) + w6 + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + load<u64>(k, 56) + w7 + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      h = h + load<u64>(k, 64) + w8 + ch(e, f, g) + bigSigma1(e); d += h; h += bigSigma0(a) + maj(a, b, c);
      g = g + load<u64>(k, 72) + w9 + ch(d, e, f) + bigSigma1(d); c += g; g += bigSigma0(h) + maj(h, a, b);
      f = f + load<u64>(k, 80) + w10 + ch(c, d, e) + bigSigma1(c); b += f; f += bigSigma0(g) + maj(g, h, a);
      e = e + load<u64>(k, 88) + w11 + ch(b, c, d) + bigSigma1(b); a += e; e += bigSigma0(f) + maj(f, g, h);
      d = d + load<u64>(k, 96) + w12 + ch(a, b, c) + bigSigma1(a); h += d; d += bigSigma0(e) + maj(e, f, g);
      c = c + load<u64>(k, 104) + w13 + ch(h, a, b) + bigSigma1(h); g += c; c += bigSigma0(d) + maj(d, e, f);
      b = b + load<u64>(k, 112) + w14 + ch(g, h, a) + bigSigma1(g); f += b; b += bigSigma0(c) + maj(c, d, e);
      a = a + load<u64>(k, 120) + w15 + ch(f, g, h) + bigSigma1(f); e += a; a += bigSigma0(b) + maj(b, c, d);
      if (j == 4) break;
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
      k += 128;
    }
    a += load<u64>(state, 0);
    b += load<u64>(state, 8);
    c += load<u64>(state, 16);
    d += load<u64>(state, 24);
    e += load<u64>(state, 32);
    f += load<u64>(state, 40);
    g += load<u64>(state, 48);
    h += load<u64>(state, 56);
    store<u64>(state, a, 0);
    store<u64>(state, b, 8);
    store<u64>(state, c, 16);
    store<u64>(state, d, 24);
    store<u64>(state, e, 32);
    store<u64>(state, f, 40);
    store<u64>(state, g, 48);
    store<u64>(state, h, 56);
    p += 128;
  }
}
