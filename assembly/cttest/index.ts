// Deliberately leaky and deliberately constant-time test functions for the constant-time trace
// harness (test/support/ct-trace.ts). Not part of the public API.
import { randomFill } from "../io/index";

const CT_TABLE: usize = memory.data(256, 16);

/** Fills the test table with a fixed permutation (run once before the lookups). */
export function cttestInit(): void {
  for (let i = 0; i < 256; i++) store<u8>(CT_TABLE + <usize>i, <u8>((i * 167 + 13) & 0xff));
}

/** Leaky on purpose: a table lookup indexed by the secret byte (memory address depends on it). */
export function cttestSboxLookup(secret: u32): u32 {
  return load<u8>(CT_TABLE + <usize>(secret & 0xff));
}

/** Constant time: reads the whole table and keeps the wanted entry with a mask. */
export function cttestMaskedScan(secret: u32): u32 {
  let r: u32 = 0;
  const s = secret & 0xff;
  for (let i: u32 = 0; i < 256; i++) {
    const d = i ^ s;
    const mask = ((d - 1) >>> 8) & 0xff; // 0xff when d == 0, else 0 (d < 256)
    r |= load<u8>(CT_TABLE + <usize>i) & mask;
  }
  return r;
}

/** Leaky on purpose: branches on the secret (control-flow trace differs). */
export function cttestSecretBranch(secret: u32): u32 {
  if (secret & 1) return secret * 3;
  return secret + 7;
}

const CT_SCRATCH: usize = memory.data(64, 16);

/** Address of a small scratch buffer (for the harness's random-fill test). */
export function cttestScratch(): usize {
  return CT_SCRATCH;
}

/** Fills `len` (≤ 64) scratch bytes from the host random source. */
export function cttestRandom(_unused: i32, len: i32): void {
  randomFill(CT_SCRATCH, len);
}
