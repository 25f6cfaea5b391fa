import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateRsaKey } from "../../bindings/index.js";
import { init, type WasmBuild } from "../../bindings/wasm.js";
import { encodeRsaPrivateKeyPkcs1 } from "../../tls/x509/keys.js";
import { encodePem } from "../../tls/x509/pem.js";

const hasOpenssl = (() => {
  try {
    execFileSync("openssl", ["version"]);
    return true;
  } catch {
    return false;
  }
})();

describe.each<WasmBuild>(["simd", "scalar"])("generateRsaKey (%s build)", (build) => {
  it.each([512, 768, 1024])("%i bits: passes openssl rsa -check and signs like node:crypto", async (bits) => {
    await init({ build });
    const phases = new Set<string>();
    const key = await generateRsaKey(bits, { onProgress: (p) => phases.add(p.phase) });
    try {
      expect(key.bits).toBe(bits);
      expect([...phases].sort()).toEqual(["done", "p", "q"]);
      const c = key.components();
      expect(Buffer.from(c.e).toString("hex")).toBe("010001");
      const pem = encodePem("RSA PRIVATE KEY", encodeRsaPrivateKeyPkcs1(c));
      const nodeKey = crypto.createPrivateKey(pem);
      const msg = new TextEncoder().encode("keygen");
      expect(Buffer.from(key.signPkcs1v15("sha256", msg)).equals(crypto.sign("sha256", msg, nodeKey))).toBe(true);
      if (!hasOpenssl && process.env.CI !== "true") return;
      const out = execFileSync("openssl", ["rsa", "-check", "-noout"], { input: pem }).toString();
      expect(out).toMatch(/RSA key ok/);
    } finally {
      key.dispose();
    }
  });

  it("rejects unsupported sizes", async () => {
    await init({ build });
    await expect(generateRsaKey(511)).rejects.toThrow(/multiple of 16/);
    await expect(generateRsaKey(4112)).rejects.toThrow(/multiple of 16/);
  });
});
