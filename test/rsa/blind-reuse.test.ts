// The private operation keeps a full-size blind for 32 operations (refreshed by a random factor each
// time) before drawing one from scratch: results stay exact across several regeneration periods.
import * as crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey } from "../../bindings/index.js";
import { init, type WasmBuild } from "../../bindings/wasm.js";
import { componentsOf, nodeKey, randomBelowModulus } from "../support/rsa-keys.js";

describe.each<WasmBuild>(["simd", "scalar"])("blind reuse across refreshes (%s build)", (build) => {
  beforeAll(() => init({ build }));

  describe.each([
    [512, 65537, 70],
    [1024, 3, 40],
  ])("%i-bit key, e = %i", (bits, e, operations) => {
    const node = nodeKey(bits, e);
    let key: RsaPrivateKey;
    beforeAll(() => {
      key = RsaPrivateKey.fromComponents(componentsOf(node));
    });
    afterAll(() => key.dispose());

    it(`${operations} consecutive private ops equal privateDecrypt(RSA_NO_PADDING)`, () => {
      const n = componentsOf(node).n;
      for (let i = 0; i < operations; i++) {
        const c = randomBelowModulus(n);
        const expected = crypto.privateDecrypt({ key: node, padding: crypto.constants.RSA_NO_PADDING }, c);
        expect({ i, out: Buffer.from(key.rawPrivate(c)).toString("hex") }).toEqual({
          i,
          out: expected.toString("hex"),
        });
      }
    });
  });
});
