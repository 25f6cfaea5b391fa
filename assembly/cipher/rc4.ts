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
  for (let i = 0; i < 256; i++) {
    const si = load<u8>(s + <usize>i);
    j = (j + <u32>si + <u32>load<u8>(keyPtr + <usize>(i % keyLen))) & 0xff;
    store<u8>(s + <usize>i, load<u8>(s + <usize>j));
    store<u8>(s + <usize>j, si);
  }
  store<u8>(slotPtr(slot) + RC4_I, 0);
  store<u8>(slotPtr(slot) + RC4_J, 0);
  return 0;
}

/** XORs the next `len` keystream bytes into the data at `ptr`, in place. */
export function rc4Process(slot: i32, ptr: usize, len: i32): void {
  const ctx = slotPtr(slot);
  const s = ctx + RC4_S;
  let i = <u32>load<u8>(ctx + RC4_I);
  let j = <u32>load<u8>(ctx + RC4_J);
  for (let n = 0; n < len; n++) {
    i = (i + 1) & 0xff;
    const si = <u32>load<u8>(s + <usize>i);
    j = (j + si) & 0xff;
    const sj = <u32>load<u8>(s + <usize>j);
    store<u8>(s + <usize>i, <u8>sj);
    store<u8>(s + <usize>j, <u8>si);
    const p = ptr + <usize>n;
    store<u8>(p, load<u8>(p) ^ load<u8>(s + <usize>((si + sj) & 0xff)));
  }
  store<u8>(ctx + RC4_I, <u8>i);
  store<u8>(ctx + RC4_J, <u8>j);
}
