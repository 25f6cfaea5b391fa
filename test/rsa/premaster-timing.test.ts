// dudect-style statistical check of the premaster path: Welch's t over the running times of
// decryptTlsPremaster on valid versus invalid ciphertexts, measured interleaved in random order.
// The test reports |t| and asserts only a generous bound (a shared CI machine is noisy); it never
// asserts a time.
import * as crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey } from "../../bindings/index.js";
import { init } from "../../bindings/wasm.js";
import { componentsOf, nodeKey } from "../support/rsa-keys.js";
import { crop, welchT } from "../support/welch.js";

describe("decryptTlsPremaster timing (Welch t-test)", () => {
  const node = nodeKey(1024);
  const pub = crypto.createPublicKey(node);
  let key: RsaPrivateKey;
  beforeAll(async () => {
    await init();
    key = RsaPrivateKey.fromComponents(componentsOf(node));
  });
  afterAll(() => key.dispose());

  it("valid and invalid ciphertexts are indistinguishable by time (reports |t|)", () => {
    const premaster = new Uint8Array(48);
    premaster[0] = 3;
    premaster[1] = 3;
    const valid = new Uint8Array(
      crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, premaster),
    );
    const invalid = new Uint8Array(
      crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_NO_PADDING }, new Uint8Array(128).fill(0x42)),
    );
    const samples: [number[], number[]] = [[], []];
    for (let i = 0; i < 40; i++) key.decryptTlsPremaster(i % 2 ? valid : invalid, 0x0303); // warm-up
    for (let i = 0; i < 600; i++) {
      const which = crypto.randomInt(2);
      const start = process.hrtime.bigint();
      key.decryptTlsPremaster(which ? invalid : valid, 0x0303);
      samples[which].push(Number(process.hrtime.bigint() - start));
    }
    const t = welchT(crop(samples[0]), crop(samples[1]));
    console.log(
      `premaster Welch |t| = ${Math.abs(t).toFixed(2)} (valid n=${samples[0].length}, invalid n=${samples[1].length})`,
    );
    expect(Number.isFinite(t)).toBe(true);
    expect(Math.abs(t)).toBeLessThan(30);
  });
});
