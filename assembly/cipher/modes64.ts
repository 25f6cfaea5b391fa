// ECB and CBC (NIST SP 800-38A §6.1–6.2) for the 64-bit block ciphers (DES/3DES and RC2). Blocks are
// raw little-endian u64 loads; the chaining value lives in the slot. The block function is chosen by a
// compile-time constant so that every loop calls it directly (no indirect call per block).
import { DES_IV, desDecryptBlock, desEncryptBlock } from "./des";
import { RC2_IV, rc2DecryptBlock, rc2EncryptBlock } from "./rc2";
import { slotPtr } from "./slots";

const DES: i32 = 0;
const RC2: i32 = 1;

// @ts-ignore: decorator
@inline
function encryptBlock(cipher: i32, ctx: usize, b: u64): u64 {
  return cipher == DES ? desEncryptBlock(ctx, b) : rc2EncryptBlock(ctx, b);
}

// @ts-ignore: decorator
@inline
function decryptBlock(cipher: i32, ctx: usize, b: u64): u64 {
  return cipher == DES ? desDecryptBlock(ctx, b) : rc2DecryptBlock(ctx, b);
}

// @ts-ignore: decorator
@inline
function ecb(cipher: i32, encrypt: bool, slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  for (let off = 0; off < len; off += 8) {
    const b = load<u64>(ptr + off);
    store<u64>(ptr + off, encrypt ? encryptBlock(cipher, ctx, b) : decryptBlock(cipher, ctx, b));
  }
}

// @ts-ignore: decorator
@inline
function cbcEncrypt(cipher: i32, slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const iv = ctx + (cipher == DES ? DES_IV : RC2_IV);
  let c = load<u64>(iv);
  for (let off = 0; off < len; off += 8) {
    c = encryptBlock(cipher, ctx, load<u64>(ptr + off) ^ c);
    store<u64>(ptr + off, c);
  }
  store<u64>(iv, c);
}

// @ts-ignore: decorator
@inline
function cbcDecrypt(cipher: i32, slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const iv = ctx + (cipher == DES ? DES_IV : RC2_IV);
  let prev = load<u64>(iv);
  for (let off = 0; off < len; off += 8) {
    const c = load<u64>(ptr + off);
    store<u64>(ptr + off, decryptBlock(cipher, ctx, c) ^ prev);
    prev = c;
  }
  store<u64>(iv, prev);
}

/** DES/3DES ECB encryption of `len` bytes (a multiple of 8) in place. */
export function desEcbEncrypt(slot: i32, ptr: usize, len: i32): void {
  ecb(DES, true, slot, ptr, len);
}

/** DES/3DES ECB decryption in place. */
export function desEcbDecrypt(slot: i32, ptr: usize, len: i32): void {
  ecb(DES, false, slot, ptr, len);
}

/** DES/3DES CBC encryption in place, chaining the slot's IV. */
export function desCbcEncrypt(slot: i32, ptr: usize, len: i32): void {
  cbcEncrypt(DES, slot, ptr, len);
}

/** DES/3DES CBC decryption in place, chaining the slot's IV. */
export function desCbcDecrypt(slot: i32, ptr: usize, len: i32): void {
  cbcDecrypt(DES, slot, ptr, len);
}

/** RC2 ECB encryption of `len` bytes (a multiple of 8) in place. */
export function rc2EcbEncrypt(slot: i32, ptr: usize, len: i32): void {
  ecb(RC2, true, slot, ptr, len);
}

/** RC2 ECB decryption in place. */
export function rc2EcbDecrypt(slot: i32, ptr: usize, len: i32): void {
  ecb(RC2, false, slot, ptr, len);
}

/** RC2 CBC encryption in place, chaining the slot's IV. */
export function rc2CbcEncrypt(slot: i32, ptr: usize, len: i32): void {
  cbcEncrypt(RC2, slot, ptr, len);
}

/** RC2 CBC decryption in place, chaining the slot's IV. */
export function rc2CbcDecrypt(slot: i32, ptr: usize, len: i32): void {
  cbcDecrypt(RC2, slot, ptr, len);
}
