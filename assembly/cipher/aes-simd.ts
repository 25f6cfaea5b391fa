// AES block function on WebAssembly SIMD without memory lookups: the S-box is computed with
// i8x16.swizzle over 16-entry nibble tables (vector-permute technique). The tables come from
// scripts/gen-aes-tables.mjs, which derives them (GF(16)[t]/(t²+t+8) normal-basis tower, 1/0 encoded
// as 0x80 so that swizzle's out-of-range → 0 rule implements it) and checks all 256 inputs.
// Only register operations touch secret data: no secret-dependent address or branch. FIPS 197 §5.

// Nibble tables (see scripts/gen-aes-tables.mjs) and constants, 16 bytes each, loaded from memory (a
// load is cheaper than V8's materialization of a v128 constant). Constant byte permutations are swizzles
// with a loaded mask for the same reason (V8 builds an i8x16.shuffle mask from immediates every time).
const K: usize = memory.data<u8>([
  0x00, 0x11, 0x02, 0x13, 0x62, 0x73, 0x60, 0x71, 0xc8, 0xd9, 0xca, 0xdb, 0xaa, 0xbb, 0xa8, 0xb9, // ENC_IN_LO
  0x00, 0xcf, 0x58, 0x97, 0x47, 0x88, 0x1f, 0xd0, 0x5b, 0x94, 0x03, 0xcc, 0x1c, 0xd3, 0x44, 0x8b, // ENC_IN_HI
  0x73, 0xfe, 0x85, 0x08, 0xf2, 0x7f, 0x04, 0x89, 0xf9, 0x74, 0x0f, 0x82, 0x78, 0xf5, 0x8e, 0x03, // DEC_IN_LO
  0x00, 0x61, 0x9e, 0xff, 0x96, 0xf7, 0x08, 0x69, 0x2b, 0x4a, 0xb5, 0xd4, 0xbd, 0xdc, 0x23, 0x42, // DEC_IN_HI
  0x80, 0x01, 0x09, 0x0e, 0x0d, 0x0b, 0x07, 0x06, 0x0f, 0x02, 0x0c, 0x05, 0x0a, 0x04, 0x03, 0x08, // INV16
  0x80, 0x0f, 0x0e, 0x05, 0x07, 0x03, 0x0b, 0x04, 0x0a, 0x0d, 0x08, 0x06, 0x0c, 0x09, 0x02, 0x01, // G_INV
  0x00, 0x64, 0x99, 0x12, 0xe5, 0x0a, 0x8b, 0xef, 0x76, 0x93, 0x81, 0x18, 0x6e, 0x7c, 0xf7, 0xfd, // ENC_OUT_U
  0x00, 0x7b, 0xb0, 0x3d, 0x67, 0x91, 0x8d, 0xf6, 0x46, 0x21, 0x1c, 0xac, 0xea, 0xd7, 0x5a, 0xcb, // ENC_OUT_V
  0x00, 0xf2, 0x99, 0x30, 0x9d, 0xc6, 0xa9, 0x5b, 0xc2, 0x5f, 0x6f, 0xf6, 0x34, 0x04, 0xad, 0x6b, // DEC_OUT_U
  0x00, 0xf3, 0xc8, 0xdc, 0x2c, 0xcb, 0x14, 0xe7, 0x2f, 0x03, 0xdf, 0x17, 0x38, 0xe4, 0xf0, 0x3b, // DEC_OUT_V
  0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, // LOW_NIBBLE
  0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, // C63
  0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, // C1B
  0x00, 0x7d, 0x4d, 0xcd, 0x37, 0xca, 0x80, 0xfd, 0xb0, 0x87, 0x4a, 0x07, 0xb7, 0x7a, 0xfa, 0x30, // ENC_TOW_U
  0x00, 0x0b, 0xcc, 0x2c, 0x6e, 0x85, 0xe0, 0xeb, 0x27, 0x49, 0x65, 0xa9, 0x8e, 0xa2, 0x42, 0xc7, // ENC_TOW_V
  0x00, 0xd4, 0x81, 0x3a, 0xc2, 0xad, 0xbb, 0x6f, 0xee, 0x2c, 0x16, 0x97, 0x79, 0x43, 0xf8, 0x55, // ENC_TOW2_U
  0x00, 0xeb, 0x0b, 0x1a, 0xb4, 0x4e, 0x11, 0xfa, 0xf1, 0x45, 0x5f, 0x54, 0xa5, 0xbf, 0xae, 0xe0, // ENC_TOW2_V
  0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11, // MIX_P0 (ShiftRows)
  5, 10, 15, 0, 9, 14, 3, 4, 13, 2, 7, 8, 1, 6, 11, 12, // MIX_P1
  10, 15, 0, 5, 14, 3, 4, 9, 2, 7, 8, 13, 6, 11, 12, 1, // MIX_P2
  15, 0, 5, 10, 3, 4, 9, 14, 7, 8, 13, 2, 11, 12, 1, 6, // MIX_P3
]);
const ENC_IN_LO_OFF: usize = 0;
const ENC_IN_HI_OFF: usize = 16;
const DEC_IN_LO_OFF: usize = 32;
const DEC_IN_HI_OFF: usize = 48;
const INV16_OFF: usize = 64;
const G_INV_OFF: usize = 80;
const ENC_OUT_U_OFF: usize = 96;
const ENC_OUT_V_OFF: usize = 112;
const DEC_OUT_U_OFF: usize = 128;
const DEC_OUT_V_OFF: usize = 144;
const LOW_NIBBLE_OFF: usize = 160;
const C63_OFF: usize = 176;
const C1B_OFF: usize = 192;
const ENC_TOW_U_OFF: usize = 208;
const ENC_TOW_V_OFF: usize = 224;
const ENC_TOW2_U_OFF: usize = 240;
const ENC_TOW2_V_OFF: usize = 256;
const MIX_P0_OFF: usize = 272;
const MIX_P1_OFF: usize = 288;
const MIX_P2_OFF: usize = 304;
const MIX_P3_OFF: usize = 320;

/** GF(2^8)^-1 core shared by both directions: input in tower coordinates, output (io, jo) mapped by tables. */
// @ts-ignore: decorator
@inline
function towerInvert(y: v128, outU: v128, outV: v128): v128 {
  const p = v128.and(i16x8.shr_u(y, 4), v128.load(K + LOW_NIBBLE_OFF));
  const q = v128.and(y, v128.load(K + LOW_NIBBLE_OFF));
  const gs = i8x16.swizzle(v128.load(K + G_INV_OFF), v128.xor(p, q));
  const io = v128.xor(q, i8x16.swizzle(v128.load(K + INV16_OFF), v128.xor(i8x16.swizzle(v128.load(K + INV16_OFF), p), gs)));
  const jo = v128.xor(p, i8x16.swizzle(v128.load(K + INV16_OFF), v128.xor(i8x16.swizzle(v128.load(K + INV16_OFF), q), gs)));
  return v128.xor(i8x16.swizzle(outU, io), i8x16.swizzle(outV, jo));
}

/** SubBytes on 16 lanes (FIPS 197 §5.1.1). */
// @ts-ignore: decorator
@inline
export function subBytesV(x: v128): v128 {
  const y = v128.xor(
    i8x16.swizzle(v128.load(K + ENC_IN_LO_OFF), v128.and(x, v128.load(K + LOW_NIBBLE_OFF))),
    i8x16.swizzle(v128.load(K + ENC_IN_HI_OFF), v128.and(i16x8.shr_u(x, 4), v128.load(K + LOW_NIBBLE_OFF))),
  );
  return v128.xor(towerInvert(y, v128.load(K + ENC_OUT_U_OFF), v128.load(K + ENC_OUT_V_OFF)), v128.load(K + C63_OFF));
}

/** InvSubBytes on 16 lanes (FIPS 197 §5.3.2). */
// @ts-ignore: decorator
@inline
function invSubBytesV(x: v128): v128 {
  const y = v128.xor(
    i8x16.swizzle(v128.load(K + DEC_IN_LO_OFF), v128.and(x, v128.load(K + LOW_NIBBLE_OFF))),
    i8x16.swizzle(v128.load(K + DEC_IN_HI_OFF), v128.and(i16x8.shr_u(x, 4), v128.load(K + LOW_NIBBLE_OFF))),
  );
  return towerInvert(y, v128.load(K + DEC_OUT_U_OFF), v128.load(K + DEC_OUT_V_OFF));
}

/** Multiplication by x in GF(2^8) on every lane, branch-free. */
// @ts-ignore: decorator
@inline
function xtimeV(t: v128): v128 {
  return v128.xor(i8x16.add(t, t), v128.and(i8x16.lt_s(t, i8x16.splat(0)), v128.load(K + C1B_OFF)));
}

/** Each column's bytes rotated by one row (byte i ← byte i+1): a 32-bit lane rotation, no constant. */
// @ts-ignore: decorator
@inline
function rotColumns(x: v128): v128 {
  return v128.or(i32x4.shr_u(x, 8), i32x4.shl(x, 24));
}

/** InvMixColumns (FIPS 197 §5.3.3) as a pre-multiplication followed by MixColumns. */
// @ts-ignore: decorator
@inline
function invMix(x: v128): v128 {
  const w = v128.xor(x, i8x16.shuffle(x, x, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
  const y = v128.xor(x, xtimeV(xtimeV(w)));
  const b = rotColumns(y);
  const t = v128.xor(y, b);
  return v128.xor(v128.xor(xtimeV(t), b), i8x16.shuffle(t, t, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
}

/** Decrypts one block (inverse cipher, FIPS 197 §5.3) with the encryption round keys at `rk`. */
// @ts-ignore: decorator
@inline
export function decryptV(block: v128, rk: usize, rounds: i32): v128 {
  let s = v128.xor(block, v128.load(rk + (<usize>rounds << 4)));
  for (let r = rounds - 1; r > 0; r--) {
    const x = invSubBytesV(i8x16.shuffle(s, s, 0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3));
    s = invMix(v128.xor(x, v128.load(rk + (<usize>r << 4))));
  }
  return v128.xor(invSubBytesV(i8x16.shuffle(s, s, 0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3)), v128.load(rk));
}

/** SubWord (FIPS 197 §5.2) for the key schedule, through the same constant-time S-box. */
export function subWordSimd(w: u32): u32 {
  return i32x4.extract_lane(subBytesV(i32x4.splat(w)), 0);
}

// ---- Encryption in the tower basis ----
// The encryption state is kept as φ(state) (φ: the AES field → GF(16)² tower map of the input tables)
// from round to round, so no basis change runs per round: the output tables give φ(S(x) ^ 0x63) and
// φ(2·(S(x) ^ 0x63)) directly, MixColumns is a sum of byte permutations of those two (with ShiftRows
// folded into the permutations), and the round keys are stored in the tower basis with φ(0x63) folded in
// (MixColumns maps a constant 0x63 state to itself). Only the first round's input and the last round's
// output change basis. Tower round keys: [0] = φ(rk0), [r] = φ(rk_r ^ 0x63) for 0 < r < rounds,
// [rounds] = rk_rounds ^ 0x63 (standard basis, last round), [rounds + 1] = φ(rk_rounds ^ 0x63 ^ rk0)
// (CBC: the next block's first key addition folded into this block's last round).

/** Bytes of tower-basis round keys for `rounds` rounds (see `towerKeys`). */
export const TOWER_KEYS_MAX: usize = 17 << 4;

/** φ on every lane (standard basis → tower basis). */
// @ts-ignore: decorator
@inline
function toTower(x: v128): v128 {
  return v128.xor(
    i8x16.swizzle(v128.load(K + ENC_IN_LO_OFF), v128.and(x, v128.load(K + LOW_NIBBLE_OFF))),
    i8x16.swizzle(v128.load(K + ENC_IN_HI_OFF), v128.and(i16x8.shr_u(x, 4), v128.load(K + LOW_NIBBLE_OFF))),
  );
}

/** Derives the tower-basis round keys (layout above) from the standard ones at `rk` into `tk`. */
export function towerKeys(rk: usize, rounds: i32, tk: usize): void {
  const c63 = v128.load(K + C63_OFF);
  const k0 = v128.load(rk);
  v128.store(tk, toTower(k0));
  for (let r = 1; r < rounds; r++) {
    v128.store(tk + (<usize>r << 4), toTower(v128.xor(v128.load(rk + (<usize>r << 4)), c63)));
  }
  const last = v128.xor(v128.load(rk + (<usize>rounds << 4)), c63);
  v128.store(tk + (<usize>rounds << 4), last);
  v128.store(tk + (<usize>(rounds + 1) << 4), toTower(v128.xor(last, k0)));
}

/** One half of the GF(2^8) inversion in the tower: `b ^ 1/(1/a + gs)` (io for (p, q), jo for (q, p)). */
// @ts-ignore: decorator
@inline
function halfInverse(a: v128, b: v128, gs: v128, inv: v128): v128 {
  return v128.xor(b, i8x16.swizzle(inv, v128.xor(i8x16.swizzle(inv, a), gs)));
}

/** ShiftRows (FIPS 197 §5.1.2). */
// @ts-ignore: decorator
@inline
function shiftRows(x: v128): v128 {
  return i8x16.swizzle(x, v128.load(K + MIX_P0_OFF));
}

/**
 * One middle round on a tower-basis state: SubBytes, ShiftRows, MixColumns, AddRoundKey with the tower
 * key `k`. MixColumns row r = 2·a_r + 3·a_(r+1) + a_(r+2) + a_(r+3) of the shifted column, with the
 * ShiftRows and row rotations fused into one constant permutation per term (`mix0`–`mix3`). The other
 * arguments are the round constants (`v128.load(K + …)` each), passed in so that a caller can hold them
 * in locals across a loop.
 */
// @ts-ignore: decorator
@inline
function towerRoundWith(
  t: v128,
  k: v128,
  lowNibble: v128,
  gInv: v128,
  inv: v128,
  towU: v128,
  towV: v128,
  tow2U: v128,
  tow2V: v128,
  mix0: v128,
  mix1: v128,
  mix2: v128,
  mix3: v128,
): v128 {
  const p = v128.and(i16x8.shr_u(t, 4), lowNibble);
  const q = v128.and(t, lowNibble);
  const gs = i8x16.swizzle(gInv, v128.xor(p, q));
  const io = halfInverse(p, q, gs, inv);
  const jo = halfInverse(q, p, gs, inv);
  const a = v128.xor(i8x16.swizzle(towU, io), i8x16.swizzle(towV, jo));
  const a2 = v128.xor(i8x16.swizzle(tow2U, io), i8x16.swizzle(tow2V, jo));
  const a3 = v128.xor(a, a2);
  return v128.xor(
    v128.xor(v128.xor(i8x16.swizzle(a2, mix0), k), v128.xor(i8x16.swizzle(a, mix2), i8x16.swizzle(a, mix3))),
    i8x16.swizzle(a3, mix1),
  );
}

/** `towerRoundWith` with every constant loaded at its use. */
// @ts-ignore: decorator
@inline
function towerRound(t: v128, k: v128): v128 {
  return towerRoundWith(
    t,
    k,
    v128.load(K + LOW_NIBBLE_OFF),
    v128.load(K + G_INV_OFF),
    v128.load(K + INV16_OFF),
    v128.load(K + ENC_TOW_U_OFF),
    v128.load(K + ENC_TOW_V_OFF),
    v128.load(K + ENC_TOW2_U_OFF),
    v128.load(K + ENC_TOW2_V_OFF),
    v128.load(K + MIX_P0_OFF),
    v128.load(K + MIX_P1_OFF),
    v128.load(K + MIX_P2_OFF),
    v128.load(K + MIX_P3_OFF),
  );
}

/**
 * `towerRound` with fewer instructions and a longer dependency chain, for interleaved independent
 * blocks: ShiftRows first (it commutes with SubBytes), then MixColumns from 32-bit column rotations
 * (shifts) instead of byte permutations.
 */
// @ts-ignore: decorator
@inline
function towerRoundLean(t: v128, k: v128): v128 {
  const inv = v128.load(K + INV16_OFF);
  const x = i8x16.swizzle(t, v128.load(K + MIX_P0_OFF));
  const p = v128.and(i16x8.shr_u(x, 4), v128.load(K + LOW_NIBBLE_OFF));
  const q = v128.and(x, v128.load(K + LOW_NIBBLE_OFF));
  const gs = i8x16.swizzle(v128.load(K + G_INV_OFF), v128.xor(p, q));
  const io = halfInverse(p, q, gs, inv);
  const jo = halfInverse(q, p, gs, inv);
  const a = v128.xor(i8x16.swizzle(v128.load(K + ENC_TOW_U_OFF), io), i8x16.swizzle(v128.load(K + ENC_TOW_V_OFF), jo));
  const a2 = v128.xor(
    i8x16.swizzle(v128.load(K + ENC_TOW2_U_OFF), io),
    i8x16.swizzle(v128.load(K + ENC_TOW2_V_OFF), jo),
  );
  // Row r of a column: 2·a_r + 3·a_(r+1) + a_(r+2) + a_(r+3) = a2 + rot1(a + a2) + rot2(a + rot1(a)).
  const a3 = v128.xor(a, a2);
  return v128.xor(v128.xor(a2, k), v128.xor(rotColumns(a3), rotColumns2(v128.xor(a, rotColumns(a)))));
}

/** Each column's bytes rotated by two rows (a 16-bit rotation of every 32-bit lane). */
// @ts-ignore: decorator
@inline
function rotColumns2(x: v128): v128 {
  return i8x16.shuffle(x, x, 2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
}

/** The tower-basis state after `rounds - 1` rounds of the block (standard basis) `block`. */
// @ts-ignore: decorator
@inline
function towerRounds(t: v128, tk: usize, rounds: i32): v128 {
  for (let r = 1; r < rounds; r++) t = towerRound(t, v128.load(tk + (<usize>r << 4)));
  return t;
}

/** The last round (no MixColumns) of a tower-basis state, output in the standard basis. */
// @ts-ignore: decorator
@inline
function towerLastRound(t: v128, tk: usize, rounds: i32): v128 {
  const inv = v128.load(K + INV16_OFF);
  const p = v128.and(i16x8.shr_u(t, 4), v128.load(K + LOW_NIBBLE_OFF));
  const q = v128.and(t, v128.load(K + LOW_NIBBLE_OFF));
  const gs = i8x16.swizzle(v128.load(K + G_INV_OFF), v128.xor(p, q));
  const io = halfInverse(p, q, gs, inv);
  const jo = halfInverse(q, p, gs, inv);
  const s = v128.xor(i8x16.swizzle(v128.load(K + ENC_OUT_U_OFF), io), i8x16.swizzle(v128.load(K + ENC_OUT_V_OFF), jo));
  return v128.xor(shiftRows(s), v128.load(tk + (<usize>rounds << 4)));
}

/** Encrypts one block with the tower-basis round keys at `tk`. */
// @ts-ignore: decorator
@inline
export function encryptTowerV(block: v128, tk: usize, rounds: i32): v128 {
  return towerLastRound(towerRounds(v128.xor(toTower(block), v128.load(tk)), tk, rounds), tk, rounds);
}

/**
 * CBC-encrypts `len` bytes (a multiple of 16, > 0) in place from the chaining value at `ivPtr`, which is
 * updated. The last round yields both the ciphertext block (standard basis, stored) and the next block's
 * tower-basis input, so the serial chain never leaves the tower basis. The round constants stay in
 * locals for the whole call.
 */
export function cbcEncryptTower(ptr: usize, len: i32, tk: usize, rounds: i32, ivPtr: usize): void {
  const lowNibble = v128.load(K + LOW_NIBBLE_OFF);
  const gInv = v128.load(K + G_INV_OFF);
  const inv = v128.load(K + INV16_OFF);
  const towU = v128.load(K + ENC_TOW_U_OFF);
  const towV = v128.load(K + ENC_TOW_V_OFF);
  const tow2U = v128.load(K + ENC_TOW2_U_OFF);
  const tow2V = v128.load(K + ENC_TOW2_V_OFF);
  const mix0 = v128.load(K + MIX_P0_OFF);
  const mix1 = v128.load(K + MIX_P1_OFF);
  const mix2 = v128.load(K + MIX_P2_OFF);
  const mix3 = v128.load(K + MIX_P3_OFF);
  const lastKey = v128.load(tk + (<usize>rounds << 4));
  const chainKey = v128.load(tk + (<usize>(rounds + 1) << 4));
  let t = v128.xor(toTower(v128.xor(v128.load(ivPtr), v128.load(ptr))), v128.load(tk));
  let out = lastKey;
  const end = ptr + <usize>len;
  for (let b = ptr; b < end; b += 16) {
    // Off the chain: the next plaintext block in the tower basis, with the chaining constants.
    const next = b + 16 < end ? v128.xor(toTower(v128.load(b, 16)), chainKey) : chainKey;
    for (let r = 1; r < rounds; r++) {
      const k = v128.load(tk + (<usize>r << 4));
      t = towerRoundWith(t, k, lowNibble, gInv, inv, towU, towV, tow2U, tow2V, mix0, mix1, mix2, mix3);
    }
    const p = v128.and(i16x8.shr_u(t, 4), lowNibble);
    const q = v128.and(t, lowNibble);
    const gs = i8x16.swizzle(gInv, v128.xor(p, q));
    const io = halfInverse(p, q, gs, inv);
    const jo = halfInverse(q, p, gs, inv);
    const s = v128.xor(i8x16.swizzle(v128.load(K + ENC_OUT_U_OFF), io), i8x16.swizzle(v128.load(K + ENC_OUT_V_OFF), jo));
    out = v128.xor(i8x16.swizzle(s, mix0), lastKey);
    v128.store(b, out);
    t = v128.xor(i8x16.swizzle(v128.xor(i8x16.swizzle(towU, io), i8x16.swizzle(towV, jo)), mix0), next);
  }
  v128.store(ivPtr, out);
}

/**
 * Encrypts four independent blocks with the tower-basis keys and XORs them into the 64 bytes at `p`
 * (CTR keystream): the four rounds are interleaved so that the CPU overlaps their dependency chains.
 */
// @ts-ignore: decorator
@inline
export function encrypt4XorTowerV(a: v128, b: v128, c: v128, d: v128, tk: usize, rounds: i32, p: usize): void {
  let k = v128.load(tk);
  a = v128.xor(toTower(a), k);
  b = v128.xor(toTower(b), k);
  c = v128.xor(toTower(c), k);
  d = v128.xor(toTower(d), k);
  for (let r = 1; r < rounds; r++) {
    k = v128.load(tk + (<usize>r << 4));
    a = towerRoundLean(a, k);
    b = towerRoundLean(b, k);
    c = towerRoundLean(c, k);
    d = towerRoundLean(d, k);
  }
  v128.store(p, v128.xor(v128.load(p), towerLastRound(a, tk, rounds)));
  v128.store(p, v128.xor(v128.load(p, 16), towerLastRound(b, tk, rounds)), 16);
  v128.store(p, v128.xor(v128.load(p, 32), towerLastRound(c, tk, rounds)), 32);
  v128.store(p, v128.xor(v128.load(p, 48), towerLastRound(d, tk, rounds)), 48);
}
