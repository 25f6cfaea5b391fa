// The private operation's fault check (m^e ≡ c modulo p and modulo q): a key whose CRT exponent
// for one prime is wrong computes a wrong half, and the result must be withheld, for either prime.
import * as crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey } from "../../bindings/index.js";
import { init, type WasmBuild } from "../../bindings/wasm.js";
import { componentsOf, nodeKey, randomBelowModulus } from "../support/rsa-keys.js";

/** A copy of `bytes` with bit 1 of the last byte flipped (still below the prime for a CRT exponent). */
function flipLowBit(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[out.length - 1] ^= 2;
  return out;
}

describe.each<WasmBuild>(["simd", "scalar"])("RSA private fault check (%s build)", (build) => {
  beforeAll(() => init({ build }));

  describe.each([1024, 2048])("%i-bit key", (bits) => {
    const node = nodeKey(bits);
    const good = componentsOf(node);

    it("releases the correct result of a sound key", () => {
      const key = RsaPrivateKey.fromComponents(good);
      const c = randomBelowModulus(good.n);
      const expected = crypto.privateDecrypt({ key: node, padding: crypto.constants.RSA_NO_PADDING }, c);
      expect(Buffer.from(key.rawPrivate(c)).toString("hex")).toBe(expected.toString("hex"));
      key.dispose();
    });

    it.each(["dp", "dq"] as const)("withholds the result when %s is wrong", (which) => {
      const key = RsaPrivateKey.fromComponents({ ...good, [which]: flipLowBit(good[which]) });
      const c = randomBelowModulus(good.n);
      expect(() => key.rawPrivate(c)).toThrow(expect.objectContaining({ code: "ERR_WASSL_RSA_FAULT" }));
      key.dispose();
    });
  });
});
