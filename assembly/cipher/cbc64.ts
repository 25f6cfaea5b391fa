// ECB and CBC (NIST SP 800-38A §6.1–6.2) for the 64-bit block ciphers (DES, 3DES, RC2). Blocks are
// passed to the block function as raw little-endian u64 loads; the chaining value lives in the slot.

/** A 64-bit block function keyed by the context at `ctx`. */
export type Block64 = (ctx: usize, block: u64) => u64;

/** Applies `fn` to each 8-byte block of `len` bytes at `ptr`, in place. */
export function ecb64(ctx: usize, ptr: usize, len: i32, fn: Block64): void {
  for (let off = 0; off < len; off += 8) store<u64>(ptr + off, fn(ctx, load<u64>(ptr + off)));
}

/** CBC encryption in place; the chaining value at `iv` is read and updated. */
export function cbc64Encrypt(ctx: usize, iv: usize, ptr: usize, len: i32, fn: Block64): void {
  let c = load<u64>(iv);
  for (let off = 0; off < len; off += 8) {
    c = fn(ctx, load<u64>(ptr + off) ^ c);
    store<u64>(ptr + off, c);
  }
  store<u64>(iv, c);
}

/** CBC decryption in place; the chaining value at `iv` is read and updated. */
export function cbc64Decrypt(ctx: usize, iv: usize, ptr: usize, len: i32, fn: Block64): void {
  let prev = load<u64>(iv);
  for (let off = 0; off < len; off += 8) {
    const c = load<u64>(ptr + off);
    store<u64>(ptr + off, fn(ctx, c) ^ prev);
    prev = c;
  }
  store<u64>(iv, prev);
}
