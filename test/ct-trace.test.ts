import { beforeAll, describe, expect, it } from "vitest";
import { loadTraced, type TracedWasm } from "./support/ct-trace.js";

// The harness must tell a secret-indexed lookup apart from a masked full-table scan, or no
// constant-time test built on it means anything.
describe.each(["simd", "scalar"] as const)("constant-time trace harness (%s build)", (build) => {
  let t: TracedWasm;
  beforeAll(async () => {
    t = await loadTraced(build, "cttest");
    t.exports.cttestInit();
  });

  it("detects a secret-indexed S-box lookup (different address traces)", () => {
    const a = t.trace(() => t.exports.cttestSboxLookup(0x03));
    const b = t.trace(() => t.exports.cttestSboxLookup(0xc4));
    expect(a.loads).toBeGreaterThan(0);
    expect(a.count).toBe(b.count);
    expect(a.digest).not.toBe(b.digest);
  });

  it("detects a branch on a secret (different control-flow traces)", () => {
    const a = t.trace(() => t.exports.cttestSecretBranch(2));
    const b = t.trace(() => t.exports.cttestSecretBranch(3));
    expect(a.branches).toBeGreaterThan(0);
    expect(a.digest).not.toBe(b.digest);
  });

  it("accepts a masked full-table scan (identical traces) that computes the same values", () => {
    const a = t.trace(() => t.exports.cttestMaskedScan(0x03));
    const b = t.trace(() => t.exports.cttestMaskedScan(0xc4));
    expect(a.loads).toBeGreaterThanOrEqual(256);
    expect(a.digest).toBe(b.digest);
    for (const s of [0, 0x03, 0x80, 0xc4, 0xff]) {
      expect(t.exports.cttestMaskedScan(s)).toBe(t.exports.cttestSboxLookup(s));
    }
  });

  it("uses the deterministic random fill when one is set", () => {
    t.setRandomFill((out) => out.fill(0xab));
    t.exports.cttestRandom(0, 8);
    expect(Array.from(t.heap.subarray(t.exports.cttestScratch(), t.exports.cttestScratch() + 8))).toEqual(
      new Array(8).fill(0xab),
    );
    t.setRandomFill(null);
  });
});
