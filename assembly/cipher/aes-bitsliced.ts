// Bitsliced AES for the scalar build (no SIMD): up to four blocks at once in eight 64-bit planes.
// Plane b holds bit b of all 64 state bytes (bit position = 16·block + byte index), so SubBytes is a
// boolean circuit evaluated with AND/XOR on whole planes: no table, no secret-dependent address or
// branch. The S-box circuit is x^254 (4 multiplications, 7 squarings in GF(2^8)) followed by the affine
// map (FIPS 197 §5.1.1); slower than a minimal circuit but simple to check.

/** Eight planes of state. */
const ST: usize = memory.data(64, 16);
/** Bitsliced round keys (up to 15 × 8 planes). */
const RKS: usize = memory.data(15 * 64, 16);
/** GF(2^8) power chain values. */
const X2: usize = memory.data(64, 16);
const X3: usize = memory.data(64, 16);
const X12: usize = memory.data(64, 16);
const TMP: usize = memory.data(64, 16);

// @ts-ignore: decorator
@inline function pl(base: usize, i: i32): u64 {
  return load<u64>(base + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function setPl(base: usize, i: i32, v: u64): void {
  store<u64>(base + (<usize>i << 3), v);
}

/**
 * Stores the degree-14 polynomial c0..c14 reduced modulo the AES polynomial x^8 + x^4 + x^3 + x + 1
 * into the planes at `dst` (x^k for k ≥ 8 folds into x^(k-8) · (x^4 + x^3 + x + 1), highest first).
 */
// @ts-ignore: decorator
@inline function reduceStore(
  dst: usize, c0: u64, c1: u64, c2: u64, c3: u64, c4: u64, c5: u64, c6: u64, c7: u64,
  c8: u64, c9: u64, c10: u64, c11: u64, c12: u64, c13: u64, c14: u64,
): void {
  c6 ^= c14; c7 ^= c14; c9 ^= c14; c10 ^= c14;
  c5 ^= c13; c6 ^= c13; c8 ^= c13; c9 ^= c13;
  c4 ^= c12; c5 ^= c12; c7 ^= c12; c8 ^= c12;
  c3 ^= c11; c4 ^= c11; c6 ^= c11; c7 ^= c11;
  c2 ^= c10; c3 ^= c10; c5 ^= c10; c6 ^= c10;
  c1 ^= c9; c2 ^= c9; c4 ^= c9; c5 ^= c9;
  c0 ^= c8; c1 ^= c8; c3 ^= c8; c4 ^= c8;
  setPl(dst, 0, c0);
  setPl(dst, 1, c1);
  setPl(dst, 2, c2);
  setPl(dst, 3, c3);
  setPl(dst, 4, c4);
  setPl(dst, 5, c5);
  setPl(dst, 6, c6);
  setPl(dst, 7, c7);
}

/** dst = a · b in GF(2^8), bitsliced, unrolled over locals (dst may alias a or b). */
function gfMul(dst: usize, a: usize, b: usize): void {
  const a0 = pl(a, 0), b0 = pl(b, 0);
  const a1 = pl(a, 1), b1 = pl(b, 1);
  const a2 = pl(a, 2), b2 = pl(b, 2);
  const a3 = pl(a, 3), b3 = pl(b, 3);
  const a4 = pl(a, 4), b4 = pl(b, 4);
  const a5 = pl(a, 5), b5 = pl(b, 5);
  const a6 = pl(a, 6), b6 = pl(b, 6);
  const a7 = pl(a, 7), b7 = pl(b, 7);
  const c0 = (a0 & b0);
  const c1 = (a0 & b1) ^ (a1 & b0);
  const c2 = (a0 & b2) ^ (a1 & b1) ^ (a2 & b0);
  const c3 = (a0 & b3) ^ (a1 & b2) ^ (a2 & b1) ^ (a3 & b0);
  const c4 = (a0 & b4) ^ (a1 & b3) ^ (a2 & b2) ^ (a3 & b1) ^ (a4 & b0);
  const c5 = (a0 & b5) ^ (a1 & b4) ^ (a2 & b3) ^ (a3 & b2) ^ (a4 & b1) ^ (a5 & b0);
  const c6 = (a0 & b6) ^ (a1 & b5) ^ (a2 & b4) ^ (a3 & b3) ^ (a4 & b2) ^ (a5 & b1) ^ (a6 & b0);
  const c7 = (a0 & b7) ^ (a1 & b6) ^ (a2 & b5) ^ (a3 & b4) ^ (a4 & b3) ^ (a5 & b2) ^ (a6 & b1) ^ (a7 & b0);
  const c8 = (a1 & b7) ^ (a2 & b6) ^ (a3 & b5) ^ (a4 & b4) ^ (a5 & b3) ^ (a6 & b2) ^ (a7 & b1);
  const c9 = (a2 & b7) ^ (a3 & b6) ^ (a4 & b5) ^ (a5 & b4) ^ (a6 & b3) ^ (a7 & b2);
  const c10 = (a3 & b7) ^ (a4 & b6) ^ (a5 & b5) ^ (a6 & b4) ^ (a7 & b3);
  const c11 = (a4 & b7) ^ (a5 & b6) ^ (a6 & b5) ^ (a7 & b4);
  const c12 = (a5 & b7) ^ (a6 & b6) ^ (a7 & b5);
  const c13 = (a6 & b7) ^ (a7 & b6);
  const c14 = (a7 & b7);
  reduceStore(dst, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14);
}

/** dst = a² in GF(2^8), bitsliced (a linear map: a_i moves to x^2i, then reduction). */
function gfSquare(dst: usize, a: usize): void {
  const a0 = pl(a, 0);
  const a1 = pl(a, 1);
  const a2 = pl(a, 2);
  const a3 = pl(a, 3);
  const a4 = pl(a, 4);
  const a5 = pl(a, 5);
  const a6 = pl(a, 6);
  const a7 = pl(a, 7);
  reduceStore(dst, a0, 0, a1, 0, a2, 0, a3, 0, a4, 0, a5, 0, a6, 0, a7);
}

/** x ← x^254 (= x^-1, with 0 ↦ 0) on the state planes. */
function invertState(): void {
  gfSquare(X2, ST); // x^2
  gfMul(X3, X2, ST); // x^3
  gfSquare(TMP, X3); // x^6
  gfSquare(X12, TMP); // x^12
  gfMul(TMP, X12, X3); // x^15
  gfSquare(TMP, TMP); // x^30
  gfSquare(TMP, TMP); // x^60
  gfSquare(TMP, TMP); // x^120
  gfSquare(TMP, TMP); // x^240
  gfMul(TMP, TMP, X12); // x^252
  gfMul(ST, TMP, X2); // x^254
}

function subBytes(): void {
  invertState();
  const x0 = pl(ST, 0), x1 = pl(ST, 1), x2 = pl(ST, 2), x3 = pl(ST, 3);
  const x4 = pl(ST, 4), x5 = pl(ST, 5), x6 = pl(ST, 6), x7 = pl(ST, 7);
  // b'_i = b_i ^ b_{i+4} ^ b_{i+5} ^ b_{i+6} ^ b_{i+7} ^ c_i with c = 0x63 (bits 0, 1, 5, 6).
  setPl(ST, 0, ~(x0 ^ x4 ^ x5 ^ x6 ^ x7));
  setPl(ST, 1, ~(x1 ^ x5 ^ x6 ^ x7 ^ x0));
  setPl(ST, 2, x2 ^ x6 ^ x7 ^ x0 ^ x1);
  setPl(ST, 3, x3 ^ x7 ^ x0 ^ x1 ^ x2);
  setPl(ST, 4, x4 ^ x0 ^ x1 ^ x2 ^ x3);
  setPl(ST, 5, ~(x5 ^ x1 ^ x2 ^ x3 ^ x4));
  setPl(ST, 6, ~(x6 ^ x2 ^ x3 ^ x4 ^ x5));
  setPl(ST, 7, x7 ^ x3 ^ x4 ^ x5 ^ x6);
}

function invSubBytes(): void {
  const y0 = pl(ST, 0), y1 = pl(ST, 1), y2 = pl(ST, 2), y3 = pl(ST, 3);
  const y4 = pl(ST, 4), y5 = pl(ST, 5), y6 = pl(ST, 6), y7 = pl(ST, 7);
  // Inverse affine map: b_i = b'_{i+2} ^ b'_{i+5} ^ b'_{i+7} ^ d_i with d = 0x05 (bits 0, 2).
  setPl(ST, 0, ~(y2 ^ y5 ^ y7));
  setPl(ST, 1, y3 ^ y6 ^ y0);
  setPl(ST, 2, ~(y4 ^ y7 ^ y1));
  setPl(ST, 3, y5 ^ y0 ^ y2);
  setPl(ST, 4, y6 ^ y1 ^ y3);
  setPl(ST, 5, y7 ^ y2 ^ y4);
  setPl(ST, 6, y0 ^ y3 ^ y5);
  setPl(ST, 7, y1 ^ y4 ^ y6);
  invertState();
}

const ROW0: u64 = 0x1111111111111111;

/** Positions q < 16 - 4·amount of every 16-bit lane, for amount = 1, 2, 3. */
const LOW1: u64 = 0x0fff0fff0fff0fff;
const LOW2: u64 = 0x00ff00ff00ff00ff;
const LOW3: u64 = 0x000f000f000f000f;

/** Rotates the bits of row r (positions ≡ r mod 4) of every 16-bit lane down by 4·amount, in-lane. */
// @ts-ignore: decorator
@inline function rotateRow(x: u64, r: u64, amount: u64, low: u64): u64 {
  const m = ROW0 << r;
  const s = amount << 2;
  return ((x >> s) & m & low) | ((x << (16 - s)) & m & ~low);
}

/** ShiftRows (new column c of row r = old column c + r) on every plane. */
function shiftRows(): void {
  for (let i = 0; i < 8; i++) {
    const x = pl(ST, i);
    setPl(ST, i, (x & ROW0) | rotateRow(x, 1, 1, LOW1) | rotateRow(x, 2, 2, LOW2) | rotateRow(x, 3, 3, LOW3));
  }
}

/** InvShiftRows (new column c of row r = old column c - r) on every plane. */
function invShiftRows(): void {
  for (let i = 0; i < 8; i++) {
    const x = pl(ST, i);
    setPl(ST, i, (x & ROW0) | rotateRow(x, 1, 3, LOW3) | rotateRow(x, 2, 2, LOW2) | rotateRow(x, 3, 1, LOW1));
  }
}

// @ts-ignore: decorator
@inline function rot1(x: u64): u64 {
  return ((x >> 1) & 0x7777777777777777) | ((x << 3) & 0x8888888888888888);
}
// @ts-ignore: decorator
@inline function rot2(x: u64): u64 {
  return ((x >> 2) & 0x3333333333333333) | ((x << 2) & 0xcccccccccccccccc);
}

/** Multiplies every byte of the planes at `src` by x into `dst`. */
function xtimePlanes(dst: usize, src: usize): void {
  const t7 = pl(src, 7);
  const t0 = pl(src, 0), t1 = pl(src, 1), t2 = pl(src, 2), t3 = pl(src, 3);
  const t4 = pl(src, 4), t5 = pl(src, 5), t6 = pl(src, 6);
  setPl(dst, 0, t7);
  setPl(dst, 1, t0 ^ t7);
  setPl(dst, 2, t1);
  setPl(dst, 3, t2 ^ t7);
  setPl(dst, 4, t3 ^ t7);
  setPl(dst, 5, t4);
  setPl(dst, 6, t5);
  setPl(dst, 7, t6);
}

/** MixColumns on the state planes: out = 2·(a ^ rot1 a) ^ rot1 a ^ rot2(a ^ rot1 a). */
function mixColumns(): void {
  for (let i = 0; i < 8; i++) setPl(TMP, i, pl(ST, i) ^ rot1(pl(ST, i)));
  xtimePlanes(X2, TMP);
  for (let i = 0; i < 8; i++) setPl(ST, i, pl(X2, i) ^ rot1(pl(ST, i)) ^ rot2(pl(TMP, i)));
}

/** InvMixColumns: a ^= 4·(a ^ rot2 a), then MixColumns. */
function invMixColumns(): void {
  for (let i = 0; i < 8; i++) setPl(TMP, i, pl(ST, i) ^ rot2(pl(ST, i)));
  xtimePlanes(X3, TMP);
  xtimePlanes(TMP, X3);
  for (let i = 0; i < 8; i++) setPl(ST, i, pl(ST, i) ^ pl(TMP, i));
  mixColumns();
}

function addRoundKey(r: i32): void {
  const k = RKS + (<usize>r << 6);
  for (let i = 0; i < 8; i++) setPl(ST, i, pl(ST, i) ^ pl(k, i));
}

/** Spreads the 16-byte blocks at `src` (n ≤ 4 of them) into `planes`. */
function pack(planes: usize, src: usize, n: i32, replicate: bool): void {
  memory.fill(planes, 0, 64);
  const blocks = replicate ? 4 : n;
  for (let blk = 0; blk < blocks; blk++) {
    const from = replicate ? src : src + (<usize>blk << 4);
    for (let i = 0; i < 16; i++) {
      const v = <u64>load<u8>(from + <usize>i);
      const pos = <u64>(blk * 16 + i);
      for (let b = 0; b < 8; b++) {
        const a = planes + (<usize>b << 3);
        store<u64>(a, load<u64>(a) | (((v >> <u64>b) & 1) << pos));
      }
    }
  }
}

/** Gathers n blocks back from the state planes into `dst`. */
function unpack(dst: usize, n: i32): void {
  for (let blk = 0; blk < n; blk++) {
    for (let i = 0; i < 16; i++) {
      const pos = <u64>(blk * 16 + i);
      let v: u64 = 0;
      for (let b = 0; b < 8; b++) v |= ((pl(ST, b) >> pos) & 1) << <u64>b;
      store<u8>(dst + (<usize>blk << 4) + <usize>i, <u8>v);
    }
  }
}

/** Loads the byte-oriented round keys at `rk` into bitsliced form (each key replicated in 4 lanes). */
export function loadRoundKeysBitsliced(rk: usize, rounds: i32): void {
  for (let r = 0; r <= rounds; r++) pack(RKS + (<usize>r << 6), rk + (<usize>r << 4), 1, true);
}

/** Encrypts n ≤ 4 blocks in place at `ptr` with the keys loaded by loadRoundKeysBitsliced. */
export function encryptBitsliced(ptr: usize, n: i32, rounds: i32): void {
  pack(ST, ptr, n, false);
  addRoundKey(0);
  for (let r = 1; r < rounds; r++) {
    subBytes();
    shiftRows();
    mixColumns();
    addRoundKey(r);
  }
  subBytes();
  shiftRows();
  addRoundKey(rounds);
  unpack(ptr, n);
}

/** Decrypts n ≤ 4 blocks in place at `ptr` (inverse cipher, FIPS 197 §5.3). */
export function decryptBitsliced(ptr: usize, n: i32, rounds: i32): void {
  pack(ST, ptr, n, false);
  addRoundKey(rounds);
  for (let r = rounds - 1; r > 0; r--) {
    invShiftRows();
    invSubBytes();
    addRoundKey(r);
    invMixColumns();
  }
  invShiftRows();
  invSubBytes();
  addRoundKey(0);
  unpack(ptr, n);
}

/** SubWord for the key schedule through the bitsliced S-box (constant time). */
export function subWordBitsliced(w: u32): u32 {
  memory.fill(ST, 0, 64);
  for (let i = 0; i < 4; i++) {
    const v = <u64>((w >> (<u32>i << 3)) & 0xff);
    for (let b = 0; b < 8; b++) setPl(ST, b, pl(ST, b) | (((v >> <u64>b) & 1) << <u64>i));
  }
  subBytes();
  let out: u32 = 0;
  for (let i = 0; i < 4; i++) {
    let v: u32 = 0;
    for (let b = 0; b < 8; b++) v |= <u32>((pl(ST, b) >> <u64>i) & 1) << <u32>b;
    out |= v << (<u32>i << 3);
  }
  return out;
}
