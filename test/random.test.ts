// bindings/random.ts: pooled small requests and direct large ones both yield fresh random bytes.
import { describe, expect, it } from "vitest";
import { fillRandom, randomBytes } from "../bindings/random.js";

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

describe("randomBytes", () => {
  it("never repeats a piece across pool refills", () => {
    const seen = new Set<string>();
    // 600 × 16 bytes spans two refills of the 4 KiB pool.
    for (let i = 0; i < 600; i++) seen.add(hex(randomBytes(16)));
    expect(seen.size).toBe(600);
  });

  it("fills requests of every size, above the pool and above the platform's 64 KiB limit", () => {
    for (const n of [0, 1, 48, 512, 513, 4096, 70_000]) {
      const out = randomBytes(n);
      expect(out.length).toBe(n);
      if (n >= 48) {
        // Not all zero, and byte values spread (probability of failure negligible).
        expect(new Set(out).size).toBeGreaterThan(n >= 4096 ? 250 : 20);
      }
    }
  });

  it("fillRandom writes into a view in place, leaving the bytes around it", () => {
    const buffer = new Uint8Array(64);
    fillRandom(buffer.subarray(16, 48));
    expect(buffer.subarray(0, 16).every((b) => b === 0)).toBe(true);
    expect(buffer.subarray(48).every((b) => b === 0)).toBe(true);
    expect(buffer.subarray(16, 48).some((b) => b !== 0)).toBe(true);
  });
});
