// Differential test of the Montgomery kernels (montMul, montSqr, the four-row REDC with its two-digit
// quotient chain, the fixed-window modexp) against JS BigInt, over modulus sizes that cover every
// limb count modulo 4 (whole four-row blocks and 1–3 leftover rows), the smallest and the largest
// supported sizes, and extreme operands (0, 1, m − 1, all-ones moduli).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { init, type WasmBuild } from "../../bindings/index.js";
import { heap, ioRegion, wasmExports } from "../../bindings/wasm.js";

interface BignumExports {
  bnModExp(src: number, len: number, dst: number): number;
  bnModMul(src: number, len: number, dst: number): number;
}

const toBig = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString("hex")}`));

function toBytes(x: bigint, len: number): Uint8Array {
  return new Uint8Array(Buffer.from(x.toString(16).padStart(2 * len, "0"), "hex"));
}

function powMod(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  let b = base % m;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

/** Runs `fn` on a ‖ b ‖ m (each len bytes) in WASM memory and returns the len-byte result. */
function call(fn: "bnModExp" | "bnModMul", a: bigint, b: bigint, m: bigint, len: number): bigint {
  const { ptr, ptr2 } = ioRegion();
  const input = new Uint8Array(3 * len);
  input.set(toBytes(a, len), 0);
  input.set(toBytes(b, len), len);
  input.set(toBytes(m, len), 2 * len);
  heap().set(input, ptr);
  expect(wasmExports<BignumExports>()[fn](ptr, len, ptr2)).toBe(0);
  return toBig(heap().slice(ptr2, ptr2 + len));
}

/** A random odd modulus of exactly `bits` bits. */
function randomModulus(bits: number): bigint {
  const len = Math.ceil(bits / 8);
  const m = toBig(randomBytes(len)) & ((1n << BigInt(bits)) - 1n);
  return m | (1n << BigInt(bits - 1)) | 1n;
}

// Bit sizes whose limb counts ((bits + 2) / 28, rounded up) take every residue modulo 4, plus the
// edges: 64 bits (3 limbs, no full block), 1024/2048 (RSA-2048/4096 primes) and 4096.
const SIZES = [64, 80, 104, 136, 248, 256, 512, 1000, 1024, 1048, 1536, 2048, 2072, 3072, 4096];

describe.each<WasmBuild>(["simd", "scalar"])("Montgomery kernels vs BigInt (%s build)", (build) => {
  beforeAll(() => init({ build }));

  it.each(SIZES)("%i-bit moduli: modular multiplication", (bits) => {
    const len = Math.ceil(bits / 8);
    for (let round = 0; round < 6; round++) {
      const m = round === 0 ? (1n << BigInt(bits)) - 1n : randomModulus(bits);
      const operands: Array<[bigint, bigint]> = [
        [m - 1n, m - 1n],
        [0n, m - 1n],
        [1n, m - 1n],
        [toBig(randomBytes(len)) % m, toBig(randomBytes(len)) % m],
      ];
      for (const [a, b] of operands) expect(call("bnModMul", a, b, m, len)).toBe((a * b) % m);
    }
  });

  it.each(SIZES)("%i-bit moduli: modular exponentiation", (bits) => {
    const len = Math.ceil(bits / 8);
    const rounds = bits > 2048 ? 1 : 3;
    for (let round = 0; round < rounds; round++) {
      const m = round === 0 ? (1n << BigInt(bits)) - 1n : randomModulus(bits);
      const base = round === 0 ? m - 1n : toBig(randomBytes(len)) % m;
      const exp = toBig(randomBytes(len));
      expect(call("bnModExp", base, exp, m, len)).toBe(powMod(base, exp, m));
    }
  });
});
