// The TLS pseudo-random functions and the SSL 3.0 key derivation, each run in one call.
import { HMAC_CONTEXT_SIZE, hmacAbsorb, hmacFinish, hmacKey } from "./hmac";
import { ALG_MD5, ALG_SHA1, copyBytes, digestLength, HASH_STATE_SIZE, MAX_DIGEST } from "./state";
import { stateFinal, stateInit, stateUpdate } from "./stream";

/** Scratch for one HMAC context, or two hash states (SSL 3.0); wiped after every call. */
const PRF_SCRATCH_SIZE: usize = 2 * HASH_STATE_SIZE; // ≥ HMAC_CONTEXT_SIZE
const PRF_CTX: usize = memory.data(<i32>PRF_SCRATCH_SIZE, 16);
const PRF_A: usize = memory.data(MAX_DIGEST, 16);
const PRF_T: usize = memory.data(MAX_DIGEST, 16);

/** Wipes the PRF scratch areas. */
export function prfWipe(): void {
  memory.fill(PRF_CTX, 0, PRF_SCRATCH_SIZE);
  memory.fill(PRF_A, 0, MAX_DIGEST);
  memory.fill(PRF_T, 0, MAX_DIGEST);
}

/**
 * P_hash (RFC 5246 §5) with the HMAC already keyed in PRF_CTX: writes `outLen` bytes to `out`, or
 * XORs them into `out` when `xor` is set (the TLS 1.0 combination of P_MD5 and P_SHA1).
 *   A(0) = seed, A(i) = HMAC(secret, A(i-1)), output = HMAC(secret, A(1) ‖ seed) ‖ HMAC(secret, A(2) ‖ seed) ‖ …
 */
export function pHash(alg: i32, seed: usize, seedLen: i32, out: usize, outLen: i32, xor: bool): void {
  const dl = digestLength(alg);
  hmacAbsorb(PRF_CTX, seed, seedLen);
  hmacFinish(PRF_CTX, PRF_A);
  let done = 0;
  while (true) {
    hmacAbsorb(PRF_CTX, PRF_A, dl);
    hmacAbsorb(PRF_CTX, seed, seedLen);
    hmacFinish(PRF_CTX, PRF_T);
    const n = min(dl, outLen - done);
    const dst = out + <usize>done;
    if (xor) {
      for (let i = 0; i < n; i++) store<u8>(dst + <usize>i, load<u8>(dst + <usize>i) ^ load<u8>(PRF_T + <usize>i));
    } else {
      copyBytes(dst, PRF_T, n);
    }
    done += n;
    if (done >= outLen) break;
    hmacAbsorb(PRF_CTX, PRF_A, dl);
    hmacFinish(PRF_CTX, PRF_A);
  }
}

/**
 * TLS 1.2 PRF (RFC 5246 §5): P_<alg>(secret, label ‖ seed). `seed` holds label ‖ seed; `outLen`
 * bytes go to `out`.
 */
export function prfTls12(alg: i32, secret: usize, secretLen: i32, seed: usize, seedLen: i32, out: usize, outLen: i32): void {
  hmacKey(PRF_CTX, alg, secret, secretLen);
  pHash(alg, seed, seedLen, out, outLen, false);
  prfWipe();
}

/**
 * TLS 1.0/1.1 PRF (RFC 2246 §5): P_MD5(S1, label ‖ seed) ⊕ P_SHA1(S2, label ‖ seed), where S1 and
 * S2 are the first and last ⌈len/2⌉ bytes of the secret (sharing the middle byte when odd).
 */
export function prfTls10(secret: usize, secretLen: i32, seed: usize, seedLen: i32, out: usize, outLen: i32): void {
  const half = (secretLen + 1) >> 1;
  hmacKey(PRF_CTX, ALG_MD5, secret, half);
  pHash(ALG_MD5, seed, seedLen, out, outLen, false);
  hmacKey(PRF_CTX, ALG_SHA1, secret + <usize>(secretLen - half), half);
  pHash(ALG_SHA1, seed, seedLen, out, outLen, true);
  prfWipe();
}

/** Largest SSL 3.0 derivation: 26 rounds ('A' … 'Z' × 26) of 16 bytes. */
export const SSL3_MAX_OUTPUT: i32 = 26 * 16;

const SSL3_LETTERS: usize = memory.data(26, 16);

/**
 * SSL 3.0 key derivation (RFC 6101 §6.1, §6.2.2):
 *   MD5(secret ‖ SHA1("A" ‖ secret ‖ seed)) ‖ MD5(secret ‖ SHA1("BB" ‖ secret ‖ seed)) ‖ …
 * `outLen` must not exceed SSL3_MAX_OUTPUT.
 */
export function prfSsl3(secret: usize, secretLen: i32, seed: usize, seedLen: i32, out: usize, outLen: i32): void {
  const sha = PRF_CTX;
  const md5 = PRF_CTX + HASH_STATE_SIZE;
  for (let round = 0, done = 0; done < outLen; round++) {
    memory.fill(SSL3_LETTERS, <u8>(0x41 + round), <usize>(round + 1));
    stateInit(sha, ALG_SHA1);
    stateUpdate(sha, SSL3_LETTERS, round + 1);
    stateUpdate(sha, secret, secretLen);
    stateUpdate(sha, seed, seedLen);
    stateFinal(sha, PRF_A);
    stateInit(md5, ALG_MD5);
    stateUpdate(md5, secret, secretLen);
    stateUpdate(md5, PRF_A, 20);
    stateFinal(md5, PRF_T);
    const n = min(16, outLen - done);
    copyBytes(out + <usize>done, PRF_T, n);
    done += n;
  }
  prfWipe();
}

/**
 * HKDF-Expand (RFC 5869 §2.3): T(i) = HMAC(PRK, T(i-1) ‖ info ‖ i), output the first `outLen`
 * bytes of T(1) ‖ T(2) ‖ …; `outLen` must not exceed 255 × digest length.
 */
export function hkdfExpand(alg: i32, prk: usize, prkLen: i32, info: usize, infoLen: i32, out: usize, outLen: i32): void {
  const dl = digestLength(alg);
  hmacKey(PRF_CTX, alg, prk, prkLen);
  let done = 0;
  for (let i = 1; done < outLen; i++) {
    if (i > 1) hmacAbsorb(PRF_CTX, PRF_T, dl);
    hmacAbsorb(PRF_CTX, info, infoLen);
    store<u8>(PRF_A, <u8>i);
    hmacAbsorb(PRF_CTX, PRF_A, 1);
    hmacFinish(PRF_CTX, PRF_T);
    const n = min(dl, outLen - done);
    copyBytes(out + <usize>done, PRF_T, n);
    done += n;
  }
  prfWipe();
}
