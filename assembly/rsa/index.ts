// RSA exports (PKCS#1 v2.2 / RFC 8017): key slots, raw operations, PKCS#1 v1.5 decryption and
// key generation. All take pointers into WASM memory; the bindings live in bindings/rsa/.
import { KEY_BASE, KEY_SLOT_BYTES, KEY_SLOTS, keyPreparePrivate, keyPreparePublic, keySetComponent } from "./key";
import { privateOp, publicOp } from "./rawop";
import { keygenCandidate, keygenComponent, keygenFinish, keygenWipe } from "./keygen";
import { decryptPkcs1, decryptTlsPremaster } from "./pkcs1";

/** Address of the first RSA key slot. */
export function rsaKeySlotBase(): usize {
  return KEY_BASE;
}
/** Number of RSA key slots. */
export function rsaKeySlotCount(): i32 {
  return KEY_SLOTS;
}
/** Size of one RSA key slot in bytes. */
export function rsaKeySlotSize(): i32 {
  return KEY_SLOT_BYTES;
}

/** Stores component `which` (0 n, 1 e, 2 p, 3 q, 4 dp, 5 dq, 6 qinv) from `len` big-endian bytes. */
export function rsaKeySetComponent(slot: usize, which: i32, src: usize, len: i32): i32 {
  return keySetComponent(slot, which, src, len);
}
/** Validates and precomputes a public key (0 ok, 1 bad modulus, 2 bad exponent). */
export function rsaKeyPreparePublic(slot: usize): i32 {
  return keyPreparePublic(slot);
}
/** Validates and precomputes a private key (0 ok, 1 bad modulus, 2 bad exponent, 3 bad CRT values). */
export function rsaKeyPreparePrivate(slot: usize): i32 {
  return keyPreparePrivate(slot);
}

/** Raw public operation on k bytes (0 ok, 1 input ≥ n). */
export function rsaPublic(slot: usize, src: usize, dst: usize): i32 {
  return publicOp(slot, src, dst);
}
/** Raw private operation on k bytes: CRT, blinded, checked (0 ok, 1 input ≥ n, 2 fault). */
export function rsaPrivate(slot: usize, src: usize, dst: usize): i32 {
  return privateOp(slot, src, dst);
}

/** RFC 5246 §7.4.7.1 premaster decryption: always writes 48 bytes, never fails. */
export function rsaDecryptTlsPremaster(slot: usize, src: usize, len: i32, clientVersion: i32, dst: usize): void {
  decryptTlsPremaster(slot, src, len, clientVersion, dst);
}
/** PKCS#1 v1.5 decryption: returns the message length (message at the end of the k-byte block) or -1. */
export function rsaDecryptPkcs1(slot: usize, src: usize, len: i32, dst: usize): i32 {
  return decryptPkcs1(slot, src, len, dst);
}

/** Key generation: draws and tests one candidate for prime `which` (0 p, 1 q); 1 when it is a probable prime. */
export function rsaKeygenCandidate(primeBits: i32, which: i32, e: u32): i32 {
  return keygenCandidate(primeBits, which, e);
}
/** Key generation: completes the key from the two primes (0 ok, 1 redraw both primes). */
export function rsaKeygenFinish(e: u32): i32 {
  return keygenFinish(e);
}
/** Key generation: writes component `which` (0 n, 1 d, 2 p, 3 q, 4 dp, 5 dq, 6 qinv); returns its length. */
export function rsaKeygenComponent(which: i32, dst: usize): i32 {
  return keygenComponent(which, dst);
}
/** Key generation: wipes the generator's buffers. */
export function rsaKeygenWipe(): void {
  keygenWipe();
}
