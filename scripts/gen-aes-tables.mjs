#!/usr/bin/env node
// Derives the nibble tables for the vector-permute AES S-box (assembly/cipher/aes-tables.ts) and checks
// the whole pipeline against the FIPS 197 S-box for all 256 inputs.
//
// Field tower: GF(16) = GF(2)[z]/(z^4+z+1); GF(256) = GF(16)[t]/(t^2+t+λ), elements in the normal basis
// {t, t+1}: x = p·t + q·(t+1). Inversion (N = λ(p+q)^2 + pq the norm):
//   io = q + 1/(1/p + 1/(λ(p+q))) = N/(λ(p+q)+p),  jo = p + 1/(1/q + 1/(λ(p+q))) = N/(λ(p+q)+q)
// and x^-1 = (q/N)·t + (p/N)·(t+1) is a GF(2)-linear function of (1/io, 1/jo). "1/0" is encoded as 0x80
// so that i8x16.swizzle (index >= 16 → 0) propagates it as the algebra requires.
function gf16mul(a, b) {
  let r = 0;
  for (let i = 0; i < 4; i++) if ((b >> i) & 1) r ^= a << i;
  for (let i = 7; i >= 4; i--) if ((r >> i) & 1) r ^= 0b10011 << (i - 4);
  return r;
}
const gf16inv = (a) => {
  for (let b = 1; b < 16; b++) if (gf16mul(a, b) === 1) return b;
  return 0;
};
function aesMul(a, b) {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((b >> i) & 1) r ^= a << i;
  for (let i = 15; i >= 8; i--) if ((r >> i) & 1) r ^= 0x11b << (i - 8);
  return r;
}
const aesInv = (a) => {
  if (a === 0) return 0;
  for (let b = 1; b < 256; b++) if (aesMul(a, b) === 1) return b;
};
const affine = (x) => {
  let r = 0x63;
  for (let i = 0; i < 8; i++) {
    const bit =
      ((x >> i) ^ (x >> ((i + 4) % 8)) ^ (x >> ((i + 5) % 8)) ^ (x >> ((i + 6) % 8)) ^ (x >> ((i + 7) % 8))) & 1;
    r ^= bit << i;
  }
  return r;
};
const SBOX = Array.from({ length: 256 }, (_, x) => affine(aesInv(x)));
// λ with t^2+t+λ irreducible over GF(16): no root in GF(16).
const lambda = [...Array(16).keys()].find(
  (l) => l > 0 && [...Array(16).keys()].every((t) => (gf16mul(t, t) ^ t ^ l) !== 0),
);
// Tower element as (p,q) in normal basis, encoded byte p<<4|q. Multiplication via polynomial coords a=p+q, b=q.
function towMul(x, y) {
  const [p1, q1, p2, q2] = [x >> 4, x & 15, y >> 4, y & 15];
  const [a1, b1, a2, b2] = [p1 ^ q1, q1, p2 ^ q2, q2];
  const a = gf16mul(a1, a2) ^ gf16mul(a1, b2) ^ gf16mul(b1, a2);
  const b = gf16mul(gf16mul(a1, a2), lambda) ^ gf16mul(b1, b2);
  return (((a ^ b) & 15) << 4) | b; // p = a + q, q = b
}
// Isomorphism φ: AES field → tower, φ(X) = β with β a root of the AES polynomial.
function towPow(x, n) {
  let r = 0x01; // 1 = t + (t+1) → p=1,q=1
  r = 0x11;
  for (let i = 0; i < n; i++) r = towMul(r, x);
  return r;
}
let beta = -1;
for (let c = 2; c < 256 && beta < 0; c++) {
  const v = towPow(c, 8) ^ towPow(c, 4) ^ towPow(c, 3) ^ towPow(c, 1) ^ towPow(c, 0);
  if (v === 0) beta = c;
}
const phi = (x) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if ((x >> i) & 1) r ^= towPow(beta, i);
  return r;
};
const phiInvTable = new Array(256);
for (let x = 0; x < 256; x++) phiInvTable[phi(x)] = x;
const INF = 0x80;
const inv16 = Array.from({ length: 16 }, (_, i) => (i === 0 ? INF : gf16inv(i)));
const g = Array.from({ length: 16 }, (_, s) => (s === 0 ? INF : gf16inv(gf16mul(lambda, s))));
const sw = (table, idx) => (idx < 16 ? table[idx] : 0);
// (u, v) = (1/io, 1/jo) → x^-1 in tower normal coords (Q, P) = (q/N, p/N).
const l1 = lambda ^ 1;
const fromUV = (u, v) => {
  const P = gf16mul(l1, u) ^ gf16mul(lambda, v);
  const Q = gf16mul(lambda, u) ^ gf16mul(l1, v);
  return (Q << 4) | P;
};
const mInv = (x) => phiInvTable[x]; // tower → AES field
const linAffine = (x) => affine(x) ^ 0x63; // the linear part M
const encOutU = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0 : linAffine(mInv(fromUV(gf16inv(i), 0)))));
const encOutV = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0 : linAffine(mInv(fromUV(0, gf16inv(i))))));
const decOutU = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0 : mInv(fromUV(gf16inv(i), 0))));
const decOutV = Array.from({ length: 16 }, (_, i) => (i === 0 ? 0 : mInv(fromUV(0, gf16inv(i)))));
const encInLo = Array.from({ length: 16 }, (_, n) => phi(n));
const encInHi = Array.from({ length: 16 }, (_, n) => phi(n << 4));
// Inverse S-box input: y → φ(M^-1(y ^ 0x63)); M^-1 found by search, constant folded into the low table.
const mInvTable = new Array(256);
for (let x = 0; x < 256; x++) mInvTable[linAffine(x)] = x;
const cst = phi(mInvTable[0x63]);
const decInLo = Array.from({ length: 16 }, (_, n) => phi(mInvTable[n]) ^ cst);
const decInHi = Array.from({ length: 16 }, (_, n) => phi(mInvTable[n << 4]));
function core(y) {
  const p = y >> 4;
  const q = y & 15;
  const gs = g[p ^ q];
  const io = q ^ sw(inv16, inv16[p] ^ gs);
  const jo = p ^ sw(inv16, inv16[q] ^ gs);
  return [io, jo];
}
function sbox(x) {
  const [io, jo] = core(encInLo[x & 15] ^ encInHi[x >> 4]);
  return sw(encOutU, io) ^ sw(encOutV, jo) ^ 0x63;
}
function invSbox(y) {
  const [io, jo] = core(decInLo[y & 15] ^ decInHi[y >> 4]);
  return sw(decOutU, io) ^ sw(decOutV, jo);
}
for (let x = 0; x < 256; x++) {
  if (sbox(x) !== SBOX[x]) throw new Error(`sbox mismatch at ${x}: ${sbox(x)} vs ${SBOX[x]}`);
  if (invSbox(SBOX[x]) !== x) throw new Error(`inverse sbox mismatch at ${x}`);
}
// Tower-basis round tables (encryption keeps the state as φ(state) between rounds): φ of the S-box's
// linear output and of twice it (MixColumns' doubling), so that no basis change runs per round.
const xtime = (x) => ((x << 1) ^ (x & 0x80 ? 0x11b : 0)) & 0xff;
const encTowU = encOutU.map((v) => phi(v));
const encTowV = encOutV.map((v) => phi(v));
const encTow2U = encOutU.map((v) => phi(xtime(v)));
const encTow2V = encOutV.map((v) => phi(xtime(v)));
// Check: the tower tables give φ(S(x) ^ 0x63) and φ(2·(S(x) ^ 0x63)) for every x.
for (let x = 0; x < 256; x++) {
  const [io, jo] = core(encInLo[x & 15] ^ encInHi[x >> 4]);
  if ((sw(encTowU, io) ^ sw(encTowV, jo)) !== phi(SBOX[x] ^ 0x63)) throw new Error(`tower table mismatch at ${x}`);
  if ((sw(encTow2U, io) ^ sw(encTow2V, jo)) !== phi(xtime(SBOX[x] ^ 0x63)))
    throw new Error(`tower ×2 mismatch at ${x}`);
}
const hex = (t) => t.map((v) => `0x${v.toString(16).padStart(2, "0")}`).join(", ");
const tables = {
  encInLo,
  encInHi,
  decInLo,
  decInHi,
  inv16,
  g,
  encOutU,
  encOutV,
  decOutU,
  decOutV,
  encTowU,
  encTowV,
  encTow2U,
  encTow2V,
};
console.log(`// λ = ${lambda}, β = 0x${beta.toString(16)}; all 256 S-box and inverse S-box values verified.`);
for (const [name, t] of Object.entries(tables)) console.log(`${name}: [${hex(t)}]`);
console.log(`φ(0x63) = 0x${phi(0x63).toString(16)}`);
console.log(`SBOX: [${hex(SBOX)}]`);
