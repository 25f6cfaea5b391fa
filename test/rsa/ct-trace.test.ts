// Constant-time verification (GUIDE §5): the Montgomery kernels, the secret-exponent modexp, the
// private operation and the premaster decoding produce identical memory/branch traces for different
// secrets of the same public shape.
import * as crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTraced, type TracedWasm } from "../support/ct-trace.js";
import { componentsOf, nodeKey } from "../support/rsa-keys.js";

const LEN = 128; // 1024-bit operands
const modulus = (() => {
  const m = new Uint8Array(crypto.randomBytes(LEN));
  m[0] |= 0x80;
  m[LEN - 1] |= 1;
  return m;
})();
const below = () => {
  const x = new Uint8Array(crypto.randomBytes(LEN));
  x[0] &= 0x7f;
  return x;
};

describe.each(["simd", "scalar"] as const)("RSA constant-time traces (%s build)", (build) => {
  let t: TracedWasm;
  const io = () => t.exports.ioPtr() as number;
  const io2 = () => t.exports.io2Ptr() as number;
  beforeAll(async () => {
    t = await loadTraced(build);
  });

  it("montMul: same trace for different operands", () => {
    const run = (a: Uint8Array, b: Uint8Array) => {
      t.heap.set(a, io());
      t.heap.set(b, io() + LEN);
      t.heap.set(modulus, io() + 2 * LEN);
      return t.trace(() => expect(t.exports.bnModMul(io(), LEN, io2())).toBe(0));
    };
    const zero = new Uint8Array(LEN);
    const traces = [run(below(), below()), run(below(), below()), run(zero, below()), run(below(), zero)];
    expect(traces[0].loads).toBeGreaterThan(1000);
    for (const tr of traces) expect(tr.digest).toBe(traces[0].digest);
  });

  it("modexp: same trace for different bases and secret exponents", () => {
    const run = (base: Uint8Array, exp: Uint8Array) => {
      t.heap.set(base, io());
      t.heap.set(exp, io() + LEN);
      t.heap.set(modulus, io() + 2 * LEN);
      return t.trace(() => expect(t.exports.bnModExp(io(), LEN, io2())).toBe(0));
    };
    const sparse = new Uint8Array(LEN);
    sparse[LEN - 1] = 1;
    const a = run(below(), below());
    const b = run(below(), new Uint8Array(LEN).fill(0xff));
    const c = run(below(), sparse);
    expect(a.branches).toBeGreaterThan(1000);
    expect(b.digest).toBe(a.digest);
    expect(c.digest).toBe(a.digest);
  });

  describe("with a 1024-bit private key", () => {
    const node = nodeKey(1024);
    const pub = crypto.createPublicKey(node);
    const k = 128;
    let slot = 0;
    beforeAll(() => {
      const c = componentsOf(node);
      slot = t.exports.rsaKeySlotBase();
      for (const [which, v] of [c.n, c.e, c.p, c.q, c.dp, c.dq, c.qinv].entries()) {
        t.heap.set(v, io());
        expect(t.exports.rsaKeySetComponent(slot, which, io(), v.length)).toBe(0);
      }
      expect(t.exports.rsaKeyPreparePrivate(slot)).toBe(0);
    });
    // Same blind in every run (the blind is fresh per operation in production; here it is fixed so
    // that only the secret input varies between traces).
    const fixedRandom = (out: Uint8Array) => out.fill(0x5c);

    it("private operation: same trace for different ciphertexts", () => {
      t.setRandomFill(fixedRandom);
      try {
        const run = (ct: Uint8Array) => {
          t.heap.set(ct, io());
          return t.trace(() => expect(t.exports.rsaPrivate(slot, io(), io2())).toBe(0));
        };
        // The first operation draws the blind from scratch; the next ones refresh it (a public
        // counter): compare operations of the same kind.
        run(below());
        const a = run(below());
        const b = run(below());
        const one = new Uint8Array(k);
        one[k - 1] = 1;
        expect(b.digest).toBe(a.digest);
        expect(run(one).digest).toBe(a.digest);
      } finally {
        t.setRandomFill(null);
      }
    });

    it("premaster decoding: same trace for valid and invalid padding, version and length", () => {
      // Reset the blind counter so that every traced run refreshes the blind the same way.
      t.exports.rsaKeyPreparePrivate(slot);
      const premaster = new Uint8Array(crypto.randomBytes(48));
      premaster[0] = 3;
      premaster[1] = 3;
      const oaepLike = (block: Uint8Array) =>
        new Uint8Array(crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, block));
      const pkcs1 = (pt: Uint8Array) =>
        new Uint8Array(crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, pt));
      const badType = new Uint8Array(k);
      badType[1] = 1;
      badType.fill(0xaa, 2);
      const cases = {
        valid: pkcs1(premaster),
        wrongVersion: pkcs1(premaster.map((b, i) => (i === 1 ? 1 : b))),
        shortMessage: pkcs1(premaster.subarray(1)),
        badType: oaepLike(badType),
        noSeparator: oaepLike(new Uint8Array(k).fill(0x11).map((b, i) => (i === 0 ? 0 : i === 1 ? 2 : b))),
      };
      t.setRandomFill(fixedRandom);
      try {
        const traces = Object.entries(cases).map(([name, ct]) => {
          t.exports.rsaKeyPreparePrivate(slot);
          t.heap.set(ct, io());
          const tr = t.trace(() => t.exports.rsaDecryptTlsPremaster(slot, io(), k, 0x0303, io2()));
          return { name, tr, out: t.heap.slice(io2(), io2() + 48) };
        });
        expect(Buffer.from(traces[0].out).equals(Buffer.from(premaster))).toBe(true);
        for (const { name, tr, out } of traces.slice(1)) {
          expect({ name, digest: tr.digest }).toEqual({ name, digest: traces[0].tr.digest });
          expect(Buffer.from(out).equals(Buffer.from(premaster))).toBe(false);
        }
      } finally {
        t.setRandomFill(null);
      }
    });
  });
});
