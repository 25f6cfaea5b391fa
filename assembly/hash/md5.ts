// MD5 compression (RFC 1321 §3.4), fully unrolled: 64 steps over the 16 little-endian message words.

/** RFC 1321 §3.3 initial state. */
export const MD5_IV: usize = memory.data<u32>([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);

// @ts-ignore: decorator
@inline
function ff(b: u32, c: u32, d: u32): u32 {
  return d ^ (b & (c ^ d));
}

// @ts-ignore: decorator
@inline
function gg(b: u32, c: u32, d: u32): u32 {
  return c ^ (d & (b ^ c));
}

// @ts-ignore: decorator
@inline
function hh(b: u32, c: u32, d: u32): u32 {
  return b ^ c ^ d;
}

// @ts-ignore: decorator
@inline
function ii(b: u32, c: u32, d: u32): u32 {
  return c ^ (b | ~d);
}

/** Compresses `n` 64-byte blocks at `p` into the four-word state at `h`. */
export function md5Blocks(h: usize, p: usize, n: i32): void {
  let a = load<u32>(h, 0);
  let b = load<u32>(h, 4);
  let c = load<u32>(h, 8);
  let d = load<u32>(h, 12);
  while (n-- > 0) {
    const x0 = load<u32>(p, 0);
    const x1 = load<u32>(p, 4);
    const x2 = load<u32>(p, 8);
    const x3 = load<u32>(p, 12);
    const x4 = load<u32>(p, 16);
    const x5 = load<u32>(p, 20);
    const x6 = load<u32>(p, 24);
    const x7 = load<u32>(p, 28);
    const x8 = load<u32>(p, 32);
    const x9 = load<u32>(p, 36);
    const x10 = load<u32>(p, 40);
    const x11 = load<u32>(p, 44);
    const x12 = load<u32>(p, 48);
    const x13 = load<u32>(p, 52);
    const x14 = load<u32>(p, 56);
    const x15 = load<u32>(p, 60);
    a = b + rotl<u32>(a + ff(b, c, d) + x0 + 0xd76aa478, 7);
    d = a + rotl<u32>(d + ff(a, b, c) + x1 + 0xe8c7b756, 12);
    c = d + rotl<u32>(c + ff(d, a, b) + x2 + 0x242070db, 17);
    b = c + rotl<u32>(b + ff(c, d, a) + x3 + 0xc1bdceee, 22);
    a = b + rotl<u32>(a + ff(b, c, d) + x4 + 0xf57c0faf, 7);
    d = a + rotl<u32>(d + ff(a, b, c) + x5 + 0x4787c62a, 12);
    c = d + rotl<u32>(c + ff(d, a, b) + x6 + 0xa8304613, 17);
    b = c + rotl<u32>(b + ff(c, d, a) + x7 + 0xfd469501, 22);
    a = b + rotl<u32>(a + ff(b, c, d) + x8 + 0x698098d8, 7);
    d = a + rotl<u32>(d + ff(a, b, c) + x9 + 0x8b44f7af, 12);
    c = d + rotl<u32>(c + ff(d, a, b) + x10 + 0xffff5bb1, 17);
    b = c + rotl<u32>(b + ff(c, d, a) + x11 + 0x895cd7be, 22);
    a = b + rotl<u32>(a + ff(b, c, d) + x12 + 0x6b901122, 7);
    d = a + rotl<u32>(d + ff(a, b, c) + x13 + 0xfd987193, 12);
    c = d + rotl<u32>(c + ff(d, a, b) + x14 + 0xa679438e, 17);
    b = c + rotl<u32>(b + ff(c, d, a) + x15 + 0x49b40821, 22);
    a = b + rotl<u32>(a + gg(b, c, d) + x1 + 0xf61e2562, 5);
    d = a + rotl<u32>(d + gg(a, b, c) + x6 + 0xc040b340, 9);
    c = d + rotl<u32>(c + gg(d, a, b) + x11 + 0x265e5a51, 14);
    b = c + rotl<u32>(b + gg(c, d, a) + x0 + 0xe9b6c7aa, 20);
    a = b + rotl<u32>(a + gg(b, c, d) + x5 + 0xd62f105d, 5);
    d = a + rotl<u32>(d + gg(a, b, c) + x10 + 0x02441453, 9);
    c = d + rotl<u32>(c + gg(d, a, b) + x15 + 0xd8a1e681, 14);
    b = c + rotl<u32>(b + gg(c, d, a) + x4 + 0xe7d3fbc8, 20);
    a = b + rotl<u32>(a + gg(b, c, d) + x9 + 0x21e1cde6, 5);
    d = a + rotl<u32>(d + gg(a, b, c) + x14 + 0xc33707d6, 9);
    c = d + rotl<u32>(c + gg(d, a, b) + x3 + 0xf4d50d87, 14);
    b = c + rotl<u32>(b + gg(c, d, a) + x8 + 0x455a14ed, 20);
    a = b + rotl<u32>(a + gg(b, c, d) + x13 + 0xa9e3e905, 5);
    d = a + rotl<u32>(d + gg(a, b, c) + x2 + 0xfcefa3f8, 9);
    c = d + rotl<u32>(c + gg(d, a, b) + x7 + 0x676f02d9, 14);
    b = c + rotl<u32>(b + gg(c, d, a) + x12 + 0x8d2a4c8a, 20);
    a = b + rotl<u32>(a + hh(b, c, d) + x5 + 0xfffa3942, 4);
    d = a + rotl<u32>(d + hh(a, b, c) + x8 + 0x8771f681, 11);
    c = d + rotl<u32>(c + hh(d, a, b) + x11 + 0x6d9d6122, 16);
    b = c + rotl<u32>(b + hh(c, d, a) + x14 + 0xfde5380c, 23);
    a = b + rotl<u32>(a + hh(b, c, d) + x1 + 0xa4beea44, 4);
    d = a + rotl<u32>(d + hh(a, b, c) + x4 + 0x4bdecfa9, 11);
    c = d + rotl<u32>(c + hh(d, a, b) + x7 + 0xf6bb4b60, 16);
    b = c + rotl<u32>(b + hh(c, d, a) + x10 + 0xbebfbc70, 23);
    a = b + rotl<u32>(a + hh(b, c, d) + x13 + 0x289b7ec6, 4);
    d = a + rotl<u32>(d + hh(a, b, c) + x0 + 0xeaa127fa, 11);
    c = d + rotl<u32>(c + hh(d, a, b) + x3 + 0xd4ef3085, 16);
    b = c + rotl<u32>(b + hh(c, d, a) + x6 + 0x04881d05, 23);
    a = b + rotl<u32>(a + hh(b, c, d) + x9 + 0xd9d4d039, 4);
    d = a + rotl<u32>(d + hh(a, b, c) + x12 + 0xe6db99e5, 11);
    c = d + rotl<u32>(c + hh(d, a, b) + x15 + 0x1fa27cf8, 16);
    b = c + rotl<u32>(b + hh(c, d, a) + x2 + 0xc4ac5665, 23);
    a = b + rotl<u32>(a + ii(b, c, d) + x0 + 0xf4292244, 6);
    d = a + rotl<u32>(d + ii(a, b, c) + x7 + 0x432aff97, 10);
    c = d + rotl<u32>(c + ii(d, a, b) + x14 + 0xab9423a7, 15);
    b = c + rotl<u32>(b + ii(c, d, a) + x5 + 0xfc93a039, 21);
    a = b + rotl<u32>(a + ii(b, c, d) + x12 + 0x655b59c3, 6);
    d = a + rotl<u32>(d + ii(a, b, c) + x3 + 0x8f0ccc92, 10);
    c = d + rotl<u32>(c + ii(d, a, b) + x10 + 0xffeff47d, 15);
    b = c + rotl<u32>(b + ii(c, d, a) + x1 + 0x85845dd1, 21);
    a = b + rotl<u32>(a + ii(b, c, d) + x8 + 0x6fa87e4f, 6);
    d = a + rotl<u32>(d + ii(a, b, c) + x15 + 0xfe2ce6e0, 10);
    c = d + rotl<u32>(c + ii(d, a, b) + x6 + 0xa3014314, 15);
    b = c + rotl<u32>(b + ii(c, d, a) + x13 + 0x4e0811a1, 21);
    a = b + rotl<u32>(a + ii(b, c, d) + x4 + 0xf7537e82, 6);
    d = a + rotl<u32>(d + ii(a, b, c) + x11 + 0xbd3af235, 10);
    c = d + rotl<u32>(c + ii(d, a, b) + x2 + 0x2ad7d2bb, 15);
    b = c + rotl<u32>(b + ii(c, d, a) + x9 + 0xeb86d391, 21);
    a += load<u32>(h, 0);
    b += load<u32>(h, 4);
    c += load<u32>(h, 8);
    d += load<u32>(h, 12);
    store<u32>(h, a, 0);
    store<u32>(h, b, 4);
    store<u32>(h, c, 8);
    store<u32>(h, d, 12);
    p += 64;
  }
}
