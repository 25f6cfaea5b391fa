import * as crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey, RsaPublicKey } from "../../bindings/index.js";
import { init, type WasmBuild } from "../../bindings/wasm.js";
import { componentsOf, nodeKey, randomBelowModulus } from "../support/rsa-keys.js";

const NO_PADDING = crypto.constants.RSA_NO_PADDING;

describe.each<WasmBuild>(["simd", "scalar"])("raw RSA operations vs node:crypto (%s build)", (build) => {
  beforeAll(() => init({ build }));

  describe.each([
    [512, 65537],
    [1024, 3],
    [2048, 65537],
    [3072, 65537],
    [4096, 65537],
  ])("%i-bit key, e = %i", (bits, e) => {
    let key: RsaPrivateKey;
    const node = nodeKey(bits, e);
    const pub = crypto.createPublicKey(node);
    beforeAll(() => {
      key = RsaPrivateKey.fromComponents(componentsOf(node));
    });
    afterAll(() => key.dispose());

    it("private op equals privateDecrypt(RSA_NO_PADDING)", () => {
      for (let i = 0; i < 3; i++) {
        const c = randomBelowModulus(componentsOf(node).n);
        const expected = crypto.privateDecrypt({ key: node, padding: NO_PADDING }, c);
        expect(Buffer.from(key.rawPrivate(c)).toString("hex")).toBe(expected.toString("hex"));
      }
    });

    it("public op equals publicEncrypt(RSA_NO_PADDING)", () => {
      for (let i = 0; i < 3; i++) {
        const m = randomBelowModulus(componentsOf(node).n);
        const expected = crypto.publicEncrypt({ key: pub, padding: NO_PADDING }, m);
        expect(Buffer.from(key.publicKey.rawPublic(m)).toString("hex")).toBe(expected.toString("hex"));
      }
    });

    it.runIf(bits <= 1024)("stays correct across blind refreshes and regenerations (40 operations)", () => {
      const n = componentsOf(node).n;
      for (let i = 0; i < 40; i++) {
        const c = randomBelowModulus(n);
        const expected = crypto.privateDecrypt({ key: node, padding: NO_PADDING }, c);
        expect(Buffer.from(key.rawPrivate(c)).toString("hex")).toBe(expected.toString("hex"));
      }
    });

    it("rejects inputs not below the modulus", () => {
      const n = componentsOf(node).n;
      expect(() => key.rawPrivate(n)).toThrow(/modulus/);
      expect(() => key.publicKey.rawPublic(n)).toThrow(/modulus/);
    });
  });
});

describe("RSA key lifetime", () => {
  it("refuses use after dispose and reloads a key after init() replaced the instance", async () => {
    await init({ build: "simd" });
    const node = nodeKey(512);
    const key = RsaPrivateKey.fromComponents(componentsOf(node));
    const survivor = RsaPrivateKey.fromComponents(componentsOf(node));
    key.dispose();
    key.dispose();
    expect(() => key.decryptTlsPremaster(new Uint8Array(64), 0x0303)).toThrow(
      expect.objectContaining({ code: "ERR_WASSL_KEY_DISPOSED" }),
    );
    await init({ build: "scalar" });
    const c = randomBelowModulus(componentsOf(node).n);
    const expected = crypto.privateDecrypt({ key: node, padding: NO_PADDING }, c).toString("hex");
    expect(Buffer.from(survivor.rawPrivate(c)).toString("hex")).toBe(expected);
    survivor.dispose();
  });

  it("evicts the least recently used keys instead of running out of slots", async () => {
    await init();
    const node = nodeKey(512);
    const pub = crypto.createPublicKey(node);
    const keys = Array.from({ length: 100 }, () => RsaPublicKey.fromComponents(componentsOf(node)));
    const m = randomBelowModulus(componentsOf(node).n);
    const expected = crypto.publicEncrypt({ key: pub, padding: NO_PADDING }, m).toString("hex");
    for (const k of [...keys, ...keys.reverse()]) expect(Buffer.from(k.rawPublic(m)).toString("hex")).toBe(expected);
    for (const k of keys) k.dispose();
  });
});
