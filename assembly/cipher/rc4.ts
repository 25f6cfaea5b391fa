// RC4 stream cipher (as specified in RFC 6229's references), stateful across calls.
// NOT constant time, by definition of the algorithm: every step indexes the state array with secret
// values. Documented in docs/SECURITY.md; offered only for legacy TLS suites.
import { slotPtr } from "./slots";

const RC4_S: usize = 0; // 256-byte permutation
const RC4_I: usize = 256;
const RC4_J: usize = 257;

/** Key scheduling with a 1–256-byte key. Returns 0, or -1 for a bad length. */
export function rc4Init(slot: i32, keyPtr: usize, keyLen: i32): i32 {
  if (keyLen < 1 || keyLen > 256) return -1;
  const s = slotPtr(slot) + RC4_S;
  for (let i = 0; i < 256; i++) store<u8>(s + <usize>i, <u8>i);
  let j: u32 = 0;
  let k = 0; // i % keyLen, without a division per step
  for (let i = 0; i < 256; i++) {
    const si = load<u8>(s + <usize>i);
    j = (j + <u32>si + <u32>load<u8>(keyPtr + <usize>k)) & 0xff;
    if (++k == keyLen) k = 0;
    store<u8>(s + <usize>i, load<u8>(s + <usize>j));
    store<u8>(s + <usize>j, si);
  }
  store<u8>(slotPtr(slot) + RC4_I, 0);
  store<u8>(slotPtr(slot) + RC4_J, 0);
  return 0;
}

/**
 * Working copy of the permutation during rc4Process. At a constant address every S[x] access is a single
 * instruction with x as its index (the base folds into the address), which keeps the loop short.
 */
const WORK_S: usize = memory.data(256, 16);

/** The rest of one RC4 step once i, S[i] and j are known: swaps S[i] and S[j], returns the keystream byte. */
// @ts-ignore: decorator
@inline
function swapAndOutput(i: u32, si: u32, j: u32): u32 {
  const sj = <u32>load<u8>(<usize>j, WORK_S);
  store<u8>(<usize>i, <u8>sj, WORK_S);
  store<u8>(<usize>j, <u8>si, WORK_S);
  return <u32>load<u8>(<usize>((si + sj) & 0xff), WORK_S);
}

/** S[x] as a word. */
// @ts-ignore: decorator
@inline
function at(x: u32): u32 {
  return <u32>load<u8>(<usize>x, WORK_S);
}

/**
 * XORs the next `len` keystream bytes into the data at `ptr`, in place, four steps per 32-bit word.
 * The four S[i] of a word are read before the word's swaps, so that the serial chain is only
 * j += S[i] (no store-to-load wait through memory); the rare step whose j lands on a later i of the
 * same word (a swap that changes a value already read) takes a branch that re-reads those values.
 */
export function rc4Process(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  memory.copy(WORK_S, ctx + RC4_S, 256);
  let i = <u32>load<u8>(ctx + RC4_I);
  let j = <u32>load<u8>(ctx + RC4_J);
  let n = 0;
  for (; n + 4 <= len; n += 4) {
    const i1 = (i + 1) & 0xff;
    const i2 = (i + 2) & 0xff;
    const i3 = (i + 3) & 0xff;
    const i4 = (i + 4) & 0xff;
    const a1 = at(i1);
    let a2 = at(i2);
    let a3 = at(i3);
    let a4 = at(i4);
    j = (j + a1) & 0xff;
    const k1 = swapAndOutput(i1, a1, j);
    if (((j - i2) & 0xff) < 3) {
      a2 = at(i2);
      a3 = at(i3);
      a4 = at(i4);
    }
    j = (j + a2) & 0xff;
    const k2 = swapAndOutput(i2, a2, j);
    if (((j - i3) & 0xff) < 2) {
      a3 = at(i3);
      a4 = at(i4);
    }
    j = (j + a3) & 0xff;
    const k3 = swapAndOutput(i3, a3, j);
    if (j == i4) a4 = at(i4);
    j = (j + a4) & 0xff;
    const k4 = swapAndOutput(i4, a4, j);
    i = i4;
    store<u32>(ptr + <usize>n, load<u32>(ptr + <usize>n) ^ (k1 | (k2 << 8) | (k3 << 16) | (k4 << 24)));
  }
  for (; n < len; n++) {
    i = (i + 1) & 0xff;
    const si = at(i);
    j = (j + si) & 0xff;
    store<u8>(ptr + <usize>n, load<u8>(ptr + <usize>n) ^ <u8>swapAndOutput(i, si, j));
  }
  memory.copy(ctx + RC4_S, WORK_S, 256);
  memory.fill(WORK_S, 0, 256);
  store<u8>(ctx + RC4_I, <u8>i);
  store<u8>(ctx + RC4_J, <u8>j);
}
