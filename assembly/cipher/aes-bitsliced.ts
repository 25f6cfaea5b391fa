// Bitsliced AES for the scalar build (no SIMD): up to four blocks at once in eight 64-bit planes.
// Plane b holds bit b of all 64 state bytes (bit position = 16·block + byte index), so SubBytes is a
// boolean circuit evaluated with AND/XOR on whole planes: no table, no secret-dependent address or
// branch. The S-box circuit is x^254 (4 multiplications, 7 squarings in GF(2^8)) followed by the affine
// map (FIPS 197 §5.1.1); slower than a minimal circuit but simple to check.

/** Eight planes of state. */
const ST: usize = memory.data(64, 16);
/** Bitsliced round keys (up to 15 × 8 planes). */
const RKS: usize = memory.data(15 * 64, 16);
/** GF(2^8) temporaries: products before reduction (15 planes) and power chain values. */
const PROD: usize = memory.data(15 * 8, 16);
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

/** Reduces the 15 product planes modulo x^8 + x^4 + x^3 + x + 1 into `dst`. */
function reduce(dst: usize): void {
  for (let k = 14; k >= 8; k--) {
    const c = pl(PROD, k);
    setPl(PROD, k - 8, pl(PROD, k - 8) ^ c);
    setPl(PROD, k - 7, pl(PROD, k - 7) ^ c);
    setPl(PROD, k - 5, pl(PROD, k - 5) ^ c);
    setPl(PROD, k - 4, pl(PROD, k - 4) ^ c);
  }
  memory.copy(dst, PROD, 64);
}

/** dst = a · b in GF(2^8), bitsliced (dst may alias a or b). */
function gfMul(dst: usize, a: usize, b: usize): void {
  memory.fill(PROD, 0, 15 * 8);
  for (let i = 0; i < 8; i++) {
    const ai = pl(a, i);
    for (let j = 0; j < 8; j++) setPl(PROD, i + j, pl(PROD, i + j) ^ (ai & pl(b, j)));
  }
  reduce(dst);
}

/** dst = a² in GF(2^8), bitsliced (a linear map). */
function gfSquare(dst: usize, a: usize): void {
  memory.fill(PROD, 0, 15 * 8);
  for (let i = 0; i < 8; i++) setPl(PROD, 2 * i, pl(a, i));
  reduce(dst);
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

/** Rotates row r of every 16-bit lane by `amount` columns (4·amount bit positions) toward lower columns. */
// @ts-ignore: decorator
@inline function rotateRows(x: u64, r: i32, amount: i32): u64 {
  const m = ROW0 << <u64>r;
  const s = <u64>(4 * amount);
  let low: u64 = 0;
  for (let q = 0; q < 16; q++) if (q < 16 - 4 * amount) low |= (<u64>1) << <u64>q;
  low *= 0x0001000100010001;
  return ((x >> s) & m & low) | ((x << (16 - s)) & m & ~low);
}

/** ShiftRows (forward = true) or InvShiftRows on every plane. */
function shiftRows(forward: bool): void {
  for (let i = 0; i < 8; i++) {
    const x = pl(ST, i);
    let y = x & ROW0;
    for (let r = 1; r < 4; r++) y |= rotateRows(x, r, forward ? r : 4 - r);
    setPl(ST, i, y);
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
    shiftRows(true);
    mixColumns();
    addRoundKey(r);
  }
  subBytes();
  shiftRows(true);
  addRoundKey(rounds);
  unpack(ptr, n);
}

/** Decrypts n ≤ 4 blocks in place at `ptr` (inverse cipher, FIPS 197 §5.3). */
export function decryptBitsliced(ptr: usize, n: i32, rounds: i32): void {
  pack(ST, ptr, n, false);
  addRoundKey(rounds);
  for (let r = rounds - 1; r > 0; r--) {
    shiftRows(false);
    invSubBytes();
    addRoundKey(r);
    invMixColumns();
  }
  shiftRows(false);
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
