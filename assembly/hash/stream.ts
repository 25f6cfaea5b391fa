// Streaming hash over a state laid out as in state.ts: init, update, final, and dispatch to the
// compression functions. One dispatch per update call; the block loops run inside each algorithm.
import { md5Blocks, MD5_IV } from "./md5";
import { sha1Blocks, SHA1_IV } from "./sha1";
import { SHA224_IV, SHA256_IV, sha256Blocks } from "./sha256";
import { SHA384_IV, SHA512_IV, sha512Blocks } from "./sha512";
import {
  ALG_MD5,
  ALG_SHA1,
  ALG_SHA224,
  ALG_SHA256,
  ALG_SHA384,
  blockLength,
  blockShift,
  copyBytes,
  digestLength,
  ST_ALG,
  ST_BUF,
  ST_BUFLEN,
  ST_H,
  ST_TOTAL,
} from "./state";

/** Compresses `n` whole blocks at `p` into the chaining value of `state` (algorithm `alg`). */
export function compressBlocks(alg: i32, state: usize, p: usize, n: i32): void {
  if (alg == ALG_SHA256 || alg == ALG_SHA224) sha256Blocks(state + ST_H, p, n);
  else if (alg >= ALG_SHA384) sha512Blocks(state + ST_H, p, n);
  else if (alg == ALG_SHA1) sha1Blocks(state + ST_H, p, n);
  else md5Blocks(state + ST_H, p, n);
}

/** Resets `state` to the initial value of algorithm `alg` with nothing absorbed. */
export function stateInit(state: usize, alg: i32): void {
  let iv: usize = MD5_IV;
  let ivLen: usize = 16;
  if (alg == ALG_SHA1) {
    iv = SHA1_IV;
    ivLen = 20;
  } else if (alg == ALG_SHA224) {
    iv = SHA224_IV;
    ivLen = 32;
  } else if (alg == ALG_SHA256) {
    iv = SHA256_IV;
    ivLen = 32;
  } else if (alg == ALG_SHA384) {
    iv = SHA384_IV;
    ivLen = 64;
  } else if (alg != ALG_MD5) {
    iv = SHA512_IV;
    ivLen = 64;
  }
  for (let i: usize = 0; i < ivLen; i += 4) store<u32>(state + ST_H + i, load<u32>(iv + i));
  store<u64>(state + ST_TOTAL, 0);
  store<i32>(state + ST_BUFLEN, 0);
  store<i32>(state + ST_ALG, alg);
}

/** Absorbs `len` bytes at `p` into `state`. */
export function stateUpdate(state: usize, p: usize, len: i32): void {
  const alg = load<i32>(state + ST_ALG);
  const bl = blockLength(alg);
  const buf = state + ST_BUF;
  store<u64>(state + ST_TOTAL, load<u64>(state + ST_TOTAL) + <u64>len);
  let used = load<i32>(state + ST_BUFLEN);
  if (used > 0) {
    const take = min(bl - used, len);
    copyBytes(buf + <usize>used, p, take);
    used += take;
    p += <usize>take;
    len -= take;
    if (used < bl) {
      store<i32>(state + ST_BUFLEN, used);
      return;
    }
    compressBlocks(alg, state, buf, 1);
  }
  const whole = len >> blockShift(alg);
  if (whole > 0) {
    compressBlocks(alg, state, p, whole);
    p += <usize>(whole * bl);
    len -= whole * bl;
  }
  if (len > 0) copyBytes(buf, p, len);
  store<i32>(state + ST_BUFLEN, len);
}

/**
 * Appends the padding to the `used` bytes already at `block` (with room for two blocks) and
 * compresses the final one or two blocks. FIPS 180-4 §5.1, RFC 1321 §3.1–3.2.
 */
function padAndCompress(alg: i32, state: usize, block: usize, used: i32, total: u64): void {
  const bl = blockLength(alg);
  const lenField = alg >= ALG_SHA384 ? 16 : 8;
  store<u8>(block + <usize>used, 0x80);
  used++;
  const blocks = used + lenField > bl ? 2 : 1;
  const end = blocks * bl;
  for (; used & 7; used++) store<u8>(block + <usize>used, 0);
  for (; used < end; used += 8) store<u64>(block + <usize>used, 0);
  const bits = total << 3;
  if (alg == ALG_MD5) {
    store<u64>(block + <usize>(end - 8), bits);
  } else {
    store<u64>(block + <usize>(end - 8), bswap<u64>(bits));
    if (lenField == 16) store<u64>(block + <usize>(end - 16), bswap<u64>(total >> 61));
  }
  compressBlocks(alg, state, block, blocks);
}

/** Writes the digest of the chaining value of `state` to `out` (big-endian words, MD5 little-endian). */
function writeDigest(alg: i32, state: usize, out: usize): void {
  const h = state + ST_H;
  const len = digestLength(alg);
  if (alg == ALG_MD5) {
    memory.copy(out, h, 16);
  } else if (alg < ALG_SHA384) {
    for (let i = 0; i < len; i += 4) store<u32>(out + <usize>i, bswap<u32>(load<u32>(h + <usize>i)));
  } else {
    for (let i = 0; i < len; i += 8) store<u64>(out + <usize>i, bswap<u64>(load<u64>(h + <usize>i)));
  }
}

/**
 * Finishes `state` (padding in its own buffer) and writes its digest to `out`, which may be the
 * state's buffer. The state must be re-initialized (or its header restored) before reuse.
 */
export function stateFinal(state: usize, out: usize): void {
  const alg = load<i32>(state + ST_ALG);
  padAndCompress(alg, state, state + ST_BUF, load<i32>(state + ST_BUFLEN), load<u64>(state + ST_TOTAL));
  writeDigest(alg, state, out);
}

/**
 * One-shot hash of `len` bytes at `p`, padding in place: the caller guarantees 2 × 128 bytes of
 * writable room after the input (the I/O region). The digest goes to `out`.
 */
export function digestInPlace(alg: i32, state: usize, p: usize, len: i32, out: usize): void {
  stateInit(state, alg);
  const bl = blockLength(alg);
  const whole = len >> blockShift(alg);
  if (whole > 0) compressBlocks(alg, state, p, whole);
  const tail = whole * bl;
  padAndCompress(alg, state, p + <usize>tail, len - tail, <u64>len);
  writeDigest(alg, state, out);
}
