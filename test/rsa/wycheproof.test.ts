import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey, RsaPublicKey } from "../../bindings/index.js";
import { init, type WasmBuild } from "../../bindings/wasm.js";
import type { HashName } from "../../tls/provider.js";

interface Test {
  tcId: number;
  comment: string;
  msg: string;
  ct?: string;
  sig?: string;
  result: "valid" | "invalid" | "acceptable";
}
interface Group {
  privateKeyPkcs8?: string;
  publicKeyDer?: string;
  sha?: string;
  tests: Test[];
}

const hex = (s: string) => new Uint8Array(Buffer.from(s, "hex"));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const groups = (file: string): Group[] =>
  JSON.parse(readFileSync(new URL(`../vectors/wycheproof/${file}`, import.meta.url), "utf8")).testGroups;
const HASHES: Record<string, HashName> = {
  "SHA-1": "sha1",
  "SHA-224": "sha224",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

describe.each<WasmBuild>(["simd", "scalar"])("Wycheproof RSA (%s build)", (build) => {
  beforeAll(() => init({ build }));

  describe.each(["rsa_pkcs1_2048_test.json", "rsa_pkcs1_3072_test.json"])("%s decryption", (file) => {
    // One key per group: load it for the group's first case, dispose it after the last.
    let current: { der: string; key: RsaPrivateKey } | undefined;
    const keyOf = (der: string) => {
      if (current?.der !== der) {
        current?.key.dispose();
        current = { der, key: RsaPrivateKey.fromDer(hex(der)) };
      }
      return current.key;
    };
    afterAll(() => current?.key.dispose());
    const cases = groups(file).flatMap((g) => g.tests.map((t) => ({ g, t })));

    it.each(cases)("tcId $t.tcId: $t.comment ($t.result)", ({ g, t }) => {
      const key = keyOf(g.privateKeyPkcs8 ?? "");
      const ct = hex(t.ct ?? "");
      if (t.result === "valid") {
        expect(toHex(key.decryptPkcs1v15(ct))).toBe(t.msg);
      } else if (t.result === "invalid") {
        expect(() => key.decryptPkcs1v15(ct)).toThrow(expect.objectContaining({ code: "ERR_WASSL_RSA_DECRYPT" }));
      }
      // Through the TLS path every ciphertext yields 48 bytes and never throws; a block that is not
      // a 48-byte premaster with this version yields fresh random bytes each time.
      const first = key.decryptTlsPremaster(ct, 0x0303);
      const second = key.decryptTlsPremaster(ct, 0x0303);
      expect(first.length).toBe(48);
      expect(second.length).toBe(48);
      expect(toHex(first)).not.toBe(toHex(second));
    });
  });

  describe.each(["rsa_signature_2048_sha256_test.json", "rsa_signature_3072_sha256_test.json"])(
    "%s verification",
    (file) => {
      const cases = groups(file).flatMap((g) => g.tests.map((t) => ({ g, t })));
      const keys = new Map<string, RsaPublicKey>();
      afterAll(() => {
        for (const k of keys.values()) k.dispose();
      });
      it.each(cases)("tcId $t.tcId: $t.comment ($t.result)", ({ g, t }) => {
        const der = g.publicKeyDer ?? "";
        let key = keys.get(der);
        if (!key) {
          key = RsaPublicKey.fromDer(hex(der));
          keys.set(der, key);
        }
        const ok = key.verifyPkcs1v15(HASHES[g.sha ?? ""], hex(t.msg), hex(t.sig ?? ""));
        if (t.result === "valid") expect(ok).toBe(true);
        if (t.result === "invalid") expect(ok).toBe(false);
      });
    },
  );

  describe("rsa_pkcs1_2048_sig_gen_test.json generation", () => {
    const cases = groups("rsa_pkcs1_2048_sig_gen_test.json").flatMap((g) => g.tests.map((t) => ({ g, t })));
    it.each(cases)("tcId $t.tcId ($g.sha, $t.result)", ({ g, t }) => {
      const key = RsaPrivateKey.fromDer(hex(g.privateKeyPkcs8 ?? ""));
      try {
        const hash = HASHES[g.sha ?? ""];
        const sig = key.signPkcs1v15(hash, hex(t.msg));
        if (t.result !== "invalid") expect(toHex(sig)).toBe(t.sig);
        expect(key.publicKey.verifyPkcs1v15(hash, hex(t.msg), sig)).toBe(true);
      } finally {
        key.dispose();
      }
    });
  });
});
