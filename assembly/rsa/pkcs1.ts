// PKCS#1 v1.5 type-2 decoding (RFC 8017 §7.2.2) without branches or addresses that depend on the
// decrypted block: the TLS premaster form (RFC 5246 §7.4.7.1, implicit rejection) and the generic
// form that reports one uniform failure.
import { randomFill } from "../io/index";
import { MAX_BITS } from "../bignum/limbs";
import { keyBytes } from "./key";
import { RSA_OK, privateOp } from "./rawop";

const BLOCK: usize = memory.data(MAX_BITS / 8, 16);
const FALLBACK: usize = memory.data(48, 16);

/** 0xFF when a == b (bytes), else 0. */
// @ts-ignore: decorator
@inline function eqMask(a: u32, b: u32): u32 {
  return (((a ^ b) - 1) >> 8) & 0xff;
}

/** 0xFF when the condition bit is 1, else 0. */
// @ts-ignore: decorator
@inline function boolMask(bit: bool): u32 {
  return (0 - <u32>bit) & 0xff;
}

/**
 * Decrypts a TLS EncryptedPreMasterSecret and writes exactly 48 bytes to `dst`: the premaster when
 * the block is 00 02 PS(nonzero, ≥ 8) 00 M with |M| = 48 and M[0..2] = clientVersion, otherwise 48
 * random bytes drawn before the check. The selection is done with masks; there is no early exit and
 * no error (RFC 5246 §7.4.7.1). The only variable-time inputs are public: the ciphertext length.
 */
export function decryptTlsPremaster(slot: usize, src: usize, len: i32, clientVersion: i32, dst: usize): void {
  const k = keyBytes(slot);
  randomFill(FALLBACK, 48);
  let good: u32 = boolMask(len == k && k >= 59);
  let status = RSA_OK + 1;
  if (len == k) status = privateOp(slot, src, BLOCK);
  else memory.fill(BLOCK, 0, <usize>k);
  good &= boolMask(status == RSA_OK);
  good &= eqMask(load<u8>(BLOCK), 0) & eqMask(load<u8>(BLOCK + 1), 2);
  for (let i = 2; i < k - 49; i++) good &= ~eqMask(load<u8>(BLOCK + <usize>i), 0) & 0xff;
  good &= eqMask(load<u8>(BLOCK + <usize>(k - 49)), 0);
  good &= eqMask(load<u8>(BLOCK + <usize>(k - 48)), (<u32>clientVersion >> 8) & 0xff);
  good &= eqMask(load<u8>(BLOCK + <usize>(k - 47)), <u32>clientVersion & 0xff);
  for (let i = 0; i < 48; i++) {
    const m = <u32>load<u8>(BLOCK + <usize>(k - 48 + i));
    const f = <u32>load<u8>(FALLBACK + <usize>i);
    store<u8>(dst + <usize>i, <u8>(f ^ ((f ^ m) & good)));
  }
  memory.fill(BLOCK, 0, <usize>k);
  memory.fill(FALLBACK, 0, 48);
}

/**
 * Decrypts a PKCS#1 v1.5 type-2 ciphertext. Writes the k-byte block to `dst` and returns the
 * message length (the message is the block's last bytes), or -1 for any failure (length, range,
 * padding), decided with masks over the whole block.
 */
export function decryptPkcs1(slot: usize, src: usize, len: i32, dst: usize): i32 {
  const k = keyBytes(slot);
  if (len != k) return -1;
  const status = privateOp(slot, src, dst);
  let good: u32 = boolMask(status == RSA_OK);
  good &= eqMask(load<u8>(dst), 0) & eqMask(load<u8>(dst + 1), 2);
  // Find the first zero after the type byte without branching on the bytes.
  let looking: u32 = 0xff;
  let separator: u32 = 0;
  for (let i = 2; i < k; i++) {
    const isZero = eqMask(load<u8>(dst + <usize>i), 0);
    const hit = looking & isZero;
    separator = separator ^ ((separator ^ <u32>i) & (0 - (hit & 1)));
    looking &= ~isZero & 0xff;
  }
  good &= ~looking & 0xff; // a separator exists
  good &= boolMask(separator >= 10); // at least 8 padding bytes
  const mlen = <i32>k - <i32>separator - 1;
  const mask = <i32>(0 - (good & 1));
  return (mlen & mask) | (-1 & ~mask);
}
