// MD5 compression (RFC 1321 §3.4), fully unrolled: 64 steps over the 16 little-endian message words.
// Each step adds message word and constant first and the round function last, so that only one
// addition and the rotation sit on the step-to-step critical path; G is written as the disjoint sum
// (c & ~d) + (b & d).

/** RFC 1321 §3.3 initial state. */
export const MD5_IV: usize = memory.data<u32>([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);

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
    a = b + rotl<u32>(a + x0 + 0xd76aa478 + (d ^ (b & (c ^ d))), 7);
    d = a + rotl<u32>(d + x1 + 0xe8c7b756 + (c ^ (a & (b ^ c))), 12);
    c = d + rotl<u32>(c + x2 + 0x242070db + (b ^ (d & (a ^ b))), 17);
    b = c + rotl<u32>(b + x3 + 0xc1bdceee + (a ^ (c & (d ^ a))), 22);
    a = b + rotl<u32>(a + x4 + 0xf57c0faf + (d ^ (b & (c ^ d))), 7);
    d = a + rotl<u32>(d + x5 + 0x4787c62a + (c ^ (a & (b ^ c))), 12);
    c = d + rotl<u32>(c + x6 + 0xa8304613 + (b ^ (d & (a ^ b))), 17);
    b = c + rotl<u32>(b + x7 + 0xfd469501 + (a ^ (c & (d ^ a))), 22);
    a = b + rotl<u32>(a + x8 + 0x698098d8 + (d ^ (b & (c ^ d))), 7);
    d = a + rotl<u32>(d + x9 + 0x8b44f7af + (c ^ (a & (b ^ c))), 12);
    c = d + rotl<u32>(c + x10 + 0xffff5bb1 + (b ^ (d & (a ^ b))), 17);
    b = c + rotl<u32>(b + x11 + 0x895cd7be + (a ^ (c & (d ^ a))), 22);
    a = b + rotl<u32>(a + x12 + 0x6b901122 + (d ^ (b & (c ^ d))), 7);
    d = a + rotl<u32>(d + x13 + 0xfd987193 + (c ^ (a & (b ^ c))), 12);
    c = d + rotl<u32>(c + x14 + 0xa679438e + (b ^ (d & (a ^ b))), 17);
    b = c + rotl<u32>(b + x15 + 0x49b40821 + (a ^ (c & (d ^ a))), 22);
    a = b + rotl<u32>(a + x1 + 0xf61e2562 + (c & ~d) + (b & d), 5);
    d = a + rotl<u32>(d + x6 + 0xc040b340 + (b & ~c) + (a & c), 9);
    c = d + rotl<u32>(c + x11 + 0x265e5a51 + (a & ~b) + (d & b), 14);
    b = c + rotl<u32>(b + x0 + 0xe9b6c7aa + (d & ~a) + (c & a), 20);
    a = b + rotl<u32>(a + x5 + 0xd62f105d + (c & ~d) + (b & d), 5);
    d = a + rotl<u32>(d + x10 + 0x02441453 + (b & ~c) + (a & c), 9);
    c = d + rotl<u32>(c + x15 + 0xd8a1e681 + (a & ~b) + (d & b), 14);
    b = c + rotl<u32>(b + x4 + 0xe7d3fbc8 + (d & ~a) + (c & a), 20);
    a = b + rotl<u32>(a + x9 + 0x21e1cde6 + (c & ~d) + (b & d), 5);
    d = a + rotl<u32>(d + x14 + 0xc33707d6 + (b & ~c) + (a & c), 9);
    c = d + rotl<u32>(c + x3 + 0xf4d50d87 + (a & ~b) + (d & b), 14);
    b = c + rotl<u32>(b + x8 + 0x455a14ed + (d & ~a) + (c & a), 20);
    a = b + rotl<u32>(a + x13 + 0xa9e3e905 + (c & ~d) + (b & d), 5);
    d = a + rotl<u32>(d + x2 + 0xfcefa3f8 + (b & ~c) + (a & c), 9);
    c = d + rotl<u32>(c + x7 + 0x676f02d9 + (a & ~b) + (d & b), 14);
    b = c + rotl<u32>(b + x12 + 0x8d2a4c8a + (d & ~a) + (c & a), 20);
    a = b + rotl<u32>(a + x5 + 0xfffa3942 + (b ^ c ^ d), 4);
    d = a + rotl<u32>(d + x8 + 0x8771f681 + (a ^ b ^ c), 11);
    c = d + rotl<u32>(c + x11 + 0x6d9d6122 + (d ^ a ^ b), 16);
    b = c + rotl<u32>(b + x14 + 0xfde5380c + (c ^ d ^ a), 23);
    a = b + rotl<u32>(a + x1 + 0xa4beea44 + (b ^ c ^ d), 4);
    d = a + rotl<u32>(d + x4 + 0x4bdecfa9 + (a ^ b ^ c), 11);
    c = d + rotl<u32>(c + x7 + 0xf6bb4b60 + (d ^ a ^ b), 16);
    b = c + rotl<u32>(b + x10 + 0xbebfbc70 + (c ^ d ^ a), 23);
    a = b + rotl<u32>(a + x13 + 0x289b7ec6 + (b ^ c ^ d), 4);
    d = a + rotl<u32>(d + x0 + 0xeaa127fa + (a ^ b ^ c), 11);
    c = d + rotl<u32>(c + x3 + 0xd4ef3085 + (d ^ a ^ b), 16);
    b = c + rotl<u32>(b + x6 + 0x04881d05 + (c ^ d ^ a), 23);
    a = b + rotl<u32>(a + x9 + 0xd9d4d039 + (b ^ c ^ d), 4);
    d = a + rotl<u32>(d + x12 + 0xe6db99e5 + (a ^ b ^ c), 11);
    c = d + rotl<u32>(c + x15 + 0x1fa27cf8 + (d ^ a ^ b), 16);
    b = c + rotl<u32>(b + x2 + 0xc4ac5665 + (c ^ d ^ a), 23);
    a = b + rotl<u32>(a + x0 + 0xf4292244 + (c ^ (b | ~d)), 6);
    d = a + rotl<u32>(d + x7 + 0x432aff97 + (b ^ (a | ~c)), 10);
    c = d + rotl<u32>(c + x14 + 0xab9423a7 + (a ^ (d | ~b)), 15);
    b = c + rotl<u32>(b + x5 + 0xfc93a039 + (d ^ (c | ~a)), 21);
    a = b + rotl<u32>(a + x12 + 0x655b59c3 + (c ^ (b | ~d)), 6);
    d = a + rotl<u32>(d + x3 + 0x8f0ccc92 + (b ^ (a | ~c)), 10);
    c = d + rotl<u32>(c + x10 + 0xffeff47d + (a ^ (d | ~b)), 15);
    b = c + rotl<u32>(b + x1 + 0x85845dd1 + (d ^ (c | ~a)), 21);
    a = b + rotl<u32>(a + x8 + 0x6fa87e4f + (c ^ (b | ~d)), 6);
    d = a + rotl<u32>(d + x15 + 0xfe2ce6e0 + (b ^ (a | ~c)), 10);
    c = d + rotl<u32>(c + x6 + 0xa3014314 + (a ^ (d | ~b)), 15);
    b = c + rotl<u32>(b + x13 + 0x4e0811a1 + (d ^ (c | ~a)), 21);
    a = b + rotl<u32>(a + x4 + 0xf7537e82 + (c ^ (b | ~d)), 6);
    d = a + rotl<u32>(d + x11 + 0xbd3af235 + (b ^ (a | ~c)), 10);
    c = d + rotl<u32>(c + x2 + 0x2ad7d2bb + (a ^ (d | ~b)), 15);
    b = c + rotl<u32>(b + x9 + 0xeb86d391 + (d ^ (c | ~a)), 21);
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
