// The provider-level RSA keys (wasmProvider.importRsa*Key) release their WASM key slot on dispose():
// the engine disposes every peer and verification key it imports, so a handshake must not hold one.
import { beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/index.js";
import { wasmProvider } from "../../bindings/provider.js";
import { rsaKeyPool } from "../../bindings/rsa/key-slot.js";
import { componentsOf, nodeKey } from "../support/rsa-keys.js";

describe("wasmProvider RSA keys", () => {
  beforeAll(async () => {
    await init();
  });

  const cases = [
    { kind: "public", slots: 1, imp: () => wasmProvider.importRsaPublicKey(componentsOf(nodeKey(1024))) },
    { kind: "private", slots: 2, imp: () => wasmProvider.importRsaPrivateKey(componentsOf(nodeKey(1024))) },
  ];

  for (const { kind, slots, imp } of cases) {
    it(`${kind}: dispose() returns the key's slots, so more keys than slots can be imported in turn`, () => {
      const before = rsaKeyPool.inUse();
      const key = imp();
      expect(rsaKeyPool.inUse()).toBe(before + slots);
      key.dispose?.();
      expect(rsaKeyPool.inUse()).toBe(before);
      for (let i = 0; i < rsaKeyPool.count + 1; i++) imp().dispose?.();
      expect(rsaKeyPool.inUse()).toBe(before);
    });
  }

  it("a private key's publicKey is owned by it (no dispose of its own)", () => {
    const key = wasmProvider.importRsaPrivateKey(componentsOf(nodeKey(1024)));
    expect(key.publicKey.dispose).toBeUndefined();
    key.dispose?.();
  });
});
