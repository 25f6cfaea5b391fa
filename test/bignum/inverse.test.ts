// Differential test of the variable-time binary modular inverse (used on the blinded RSA blind)
// against JS BigInt, over modulus sizes that cover every limb count modulo 4, with edge operands
// (1, 2, m − 1, a power of two) and a non-invertible one.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { init, type WasmBuild } from "../../bindings/index.js";
import { heap, ioRegion, wasmExports } from "../../bindings/wasm.js";

interface InverseExports {
  bnModInverse(src: number, len: number, dst: number): number;
}

const toBig = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString("hex")}`));

function toBytes(x: bigint, len: number): Uint8Array {
  return new Uint8Array(Buffer.from(x.toString(16).padStart(2 * len, "0"), "hex"));
}

/** a^-1 mod m by the extended Euclidean algorithm, or undefined when gcd(a, m) ≠ 1. */
function inverse(a: bigint, m: bigint): bigint | undefined {
  let [r0, r1] = [m, a % m];
  let [s0, s1] = [0n, 1n];
  while (r1 !== 0n) {
    const k = r0 / r1;
    [r0, r1] = [r1, r0 - k * r1];
    [s0, s1] = [s1, s0 - k * s1];
  }
  return r0 === 1n ? ((s0 % m) + m) % m : undefined;
}

/** Runs bnModInverse on a modulo m (len bytes each); returns the status and the len-byte result. */
function call(a: bigint, m: bigint, len: number): { status: number; value: bigint } {
  const { ptr, ptr2 } = ioRegion();
  const input = new Uint8Array(3 * len);
  input.set(toBytes(a, len), 0);
  input.set(toBytes(m, len), 2 * len);
  heap().set(input, ptr);
  const status = wasmExports<InverseExports>().bnModInverse(ptr, len, ptr2);
  return { status, value: toBig(heap().slice(ptr2, ptr2 + len)) };
}

function randomModulus(bits: number): bigint {
  const m = toBig(randomBytes(Math.ceil(bits / 8))) & ((1n << BigInt(bits)) - 1n);
  return m | (1n << BigInt(bits - 1)) | 1n;
}

const SIZES = [64, 80, 104, 136, 512, 1024, 1048, 2048];

describe.each<WasmBuild>(["simd", "scalar"])("modular inverse vs BigInt (%s build)", (build) => {
  beforeAll(() => init({ build }));

  it.each(SIZES)("%i-bit moduli", (bits) => {
    const len = Math.ceil(bits / 8);
    for (let round = 0; round < 4; round++) {
      const m = randomModulus(bits);
      const operands = [1n, 2n, m - 1n, 1n << BigInt(bits - 2), toBig(randomBytes(len)) % m];
      for (const a of operands) {
        const expected = inverse(a, m);
        const { status, value } = call(a, m, len);
        if (expected === undefined) expect(status).toBe(2);
        else expect({ status, value }).toEqual({ status: 0, value: expected });
      }
    }
  });

  it("reports a value sharing a factor with the modulus", () => {
    const m = randomModulus(1024) * 3n;
    const len = Math.ceil(1026 / 8) + 1;
    expect(call(3n * 12345n, m, len).status).toBe(2);
    expect(call(0n, m, len).status).toBe(2);
  });
});
