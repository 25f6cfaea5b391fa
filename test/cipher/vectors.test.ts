// Known-answer tests for every cipher, in both builds (SIMD and scalar).
import { beforeAll, describe, expect, it } from "vitest";
import { cbc, ecb, gcm, init, rc4 } from "../../bindings/index.js";
import { hex, readBoringTests, readJson, toHex } from "../support/cipher-vectors.js";

interface Fips197 {
  vectors: Array<{ key: string; plaintext: string; ciphertext: string }>;
}
interface Rfc2268 {
  vectors: Array<{ key: string; effectiveBits: number; plaintext: string; ciphertext: string }>;
}
interface Rfc6229 {
  vectors: Array<{ key: string; keystream: Array<{ offset: number; bytes: string }> }>;
}
interface WycheproofFile<T> {
  testGroups: Array<{ ivSize: number; keySize: number; tagSize?: number; tests: T[] }>;
}
interface WycheCbc {
  tcId: number;
  key: string;
  iv: string;
  msg: string;
  ct: string;
  result: "valid" | "invalid" | "acceptable";
}
interface WycheGcm extends WycheCbc {
  aad: string;
  tag: string;
}

/** Maps BoringSSL cipher names to ours: [cipher, mode]. */
const BORING_NAMES: Record<string, ["aes" | "des" | "3des", "ecb" | "cbc" | "gcm"]> = {
  "AES-128-ECB": ["aes", "ecb"],
  "AES-192-ECB": ["aes", "ecb"],
  "AES-256-ECB": ["aes", "ecb"],
  "AES-128-CBC": ["aes", "cbc"],
  "AES-192-CBC": ["aes", "cbc"],
  "AES-256-CBC": ["aes", "cbc"],
  "AES-128-GCM": ["aes", "gcm"],
  "AES-192-GCM": ["aes", "gcm"],
  "AES-256-GCM": ["aes", "gcm"],
  "DES-ECB": ["des", "ecb"],
  "DES-EDE": ["3des", "ecb"],
  "DES-EDE3": ["3des", "ecb"],
  "DES-EDE-CBC": ["3des", "cbc"],
  "DES-EDE3-CBC": ["3des", "cbc"],
};

function pkcs7Pad(msg: Uint8Array): Uint8Array {
  const n = 16 - (msg.length % 16);
  const out = new Uint8Array(msg.length + n);
  out.set(msg);
  out.fill(n, msg.length);
  return out;
}

/** Strips PKCS#7 padding; null when malformed. */
function pkcs7Unpad(data: Uint8Array): Uint8Array | null {
  if (data.length === 0 || data.length % 16 !== 0) return null;
  const n = data[data.length - 1] as number;
  if (n < 1 || n > 16) return null;
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) return null;
  return data.subarray(0, data.length - n);
}

describe.each(["simd", "scalar"] as const)("cipher known answers (%s build)", (build) => {
  beforeAll(() => init({ build }));

  it("FIPS 197 Appendix C (AES-128/192/256)", () => {
    for (const v of readJson<Fips197>("fips197-aes.json").vectors) {
      const c = ecb("aes", hex(v.key));
      expect(toHex(c.encryptBlock(hex(v.plaintext)))).toBe(v.ciphertext);
      expect(toHex(c.decryptBlock(hex(v.ciphertext)))).toBe(v.plaintext);
      c.dispose();
    }
  });

  it("BoringSSL cipher_tests.txt (AES ECB/CBC/GCM, DES, 3DES, RC4)", () => {
    let count = 0;
    for (const t of readBoringTests("boringssl-cipher_tests.txt")) {
      const name = t.Cipher as string;
      const key = hex(t.Key as string);
      const pt = hex(t.Plaintext ?? "");
      const ct = hex(t.Ciphertext ?? "");
      const invalid = t.Operation === "InvalidDecrypt";
      const encrypt = t.Operation === undefined || t.Operation === "ENCRYPT";
      const decrypt = t.Operation === undefined || t.Operation === "DECRYPT";
      if (name === "RC4") {
        expect(toHex(rc4(key).process(pt))).toBe(toHex(ct));
        count++;
        continue;
      }
      const spec = BORING_NAMES[name];
      if (!spec) continue; // CTR and OFB modes are not part of wassl
      const [cipher, mode] = spec;
      if (mode === "gcm") {
        const g = gcm(key, hex(t.IV as string), hex(t.AAD ?? ""));
        const sealed = new Uint8Array([...ct, ...hex(t.Tag as string)]);
        if (encrypt) expect(toHex(g.encrypt(pt))).toBe(toHex(sealed));
        if (decrypt) expect(toHex(g.decrypt(sealed))).toBe(toHex(pt));
        if (invalid) expect(() => g.decrypt(sealed)).toThrow(/authentication failed/);
        g.dispose();
      } else if (mode === "ecb") {
        const c = ecb(cipher, key);
        if (encrypt) expect(toHex(c.encryptBlock(pt))).toBe(toHex(ct));
        if (decrypt) expect(toHex(c.decryptBlock(ct))).toBe(toHex(pt));
        c.dispose();
      } else {
        const iv = hex(t.IV as string);
        if (encrypt) expect(toHex(cbc(cipher, key, iv).encrypt(pt))).toBe(toHex(ct));
        if (decrypt) expect(toHex(cbc(cipher, key, iv).decrypt(ct))).toBe(toHex(pt));
      }
      count++;
    }
    expect(count).toBeGreaterThan(90);
  });

  it.each([
    ["boringssl-nist_cavp-tdes_ecb.txt", "ecb"],
    ["boringssl-nist_cavp-tdes_cbc.txt", "cbc"],
  ] as const)("NIST CAVP Triple-DES %s", (file, mode) => {
    const tests = readBoringTests(file).filter((t) => t.Key !== undefined);
    expect(tests.length).toBeGreaterThan(400);
    for (const t of tests) {
      const key = hex(t.Key as string);
      const [from, to] = t.Operation === "DECRYPT" ? [t.Ciphertext, t.Plaintext] : [t.Plaintext, t.Ciphertext];
      const c = mode === "ecb" ? ecb("3des", key) : cbc("3des", key, hex(t.IV as string));
      const out =
        c instanceof Object && "encryptBlock" in c
          ? t.Operation === "DECRYPT"
            ? c.decryptBlock(hex(from as string))
            : c.encryptBlock(hex(from as string))
          : t.Operation === "DECRYPT"
            ? c.decrypt(hex(from as string))
            : c.encrypt(hex(from as string));
      expect(toHex(out)).toBe((to as string).toLowerCase());
      c.dispose();
    }
  });

  it("BoringSSL aes_128_gcm_tests.txt", () => {
    const tests = readBoringTests("boringssl-aes_128_gcm_tests.txt").filter((t) => t.KEY !== undefined);
    expect(tests.length).toBe(74);
    for (const t of tests) {
      const aead = gcm.create(hex(t.KEY as string));
      const sealed = new Uint8Array([...hex(t.CT ?? ""), ...hex(t.TAG as string)]);
      expect(toHex(aead.seal(hex(t.NONCE as string), hex(t.IN ?? ""), hex(t.AD ?? "")))).toBe(toHex(sealed));
      expect(toHex(aead.open(hex(t.NONCE as string), sealed, hex(t.AD ?? "")) ?? new Uint8Array(1))).toBe(t.IN ?? "");
      aead.dispose();
    }
  });

  it("Wycheproof aes_cbc_pkcs5_test.json (PKCS#7 applied and checked in the test)", () => {
    const file = readJson<WycheproofFile<WycheCbc>>("wycheproof-aes_cbc_pkcs5_test.json");
    let n = 0;
    for (const g of file.testGroups) {
      for (const t of g.tests) {
        n++;
        const key = hex(t.key);
        const iv = hex(t.iv);
        const ct = hex(t.ct);
        const plain = ct.length % 16 === 0 && ct.length > 0 ? pkcs7Unpad(cbc("aes", key, iv).decrypt(ct)) : null;
        if (t.result === "valid") {
          expect(toHex(cbc("aes", key, iv).encrypt(pkcs7Pad(hex(t.msg)))), `tcId ${t.tcId}`).toBe(t.ct);
          expect(plain && toHex(plain), `tcId ${t.tcId}`).toBe(t.msg);
        } else if (t.result === "invalid") {
          expect(plain === null || toHex(plain) !== t.msg, `tcId ${t.tcId}`).toBe(true);
        }
      }
    }
    expect(n).toBe(216);
  });

  it("Wycheproof aes_gcm_test.json (all tcIds, valid and invalid)", () => {
    const file = readJson<WycheproofFile<WycheGcm>>("wycheproof-aes_gcm_test.json");
    let n = 0;
    for (const g of file.testGroups) {
      expect(g.tagSize).toBe(128);
      for (const t of g.tests) {
        n++;
        const sealed = new Uint8Array([...hex(t.ct), ...hex(t.tag)]);
        let aead: ReturnType<typeof gcm.create> | undefined;
        let opened: Uint8Array | null = null;
        try {
          aead = gcm.create(hex(t.key));
          opened = aead.open(hex(t.iv), sealed, hex(t.aad));
        } catch {
          opened = null; // rejected parameters (empty nonce)
        }
        if (t.result === "valid") {
          expect(opened && toHex(opened), `tcId ${t.tcId}`).toBe(t.msg);
          expect(toHex((aead as NonNullable<typeof aead>).seal(hex(t.iv), hex(t.msg), hex(t.aad)))).toBe(toHex(sealed));
        } else if (t.result === "invalid") {
          expect(opened, `tcId ${t.tcId}`).toBeNull();
        }
        aead?.dispose();
      }
    }
    expect(n).toBe(316);
  });

  it("RFC 2268 RC2 vectors (effective bits 63, 64, 128, 129)", () => {
    for (const v of readJson<Rfc2268>("rfc2268-rc2.json").vectors) {
      const c = ecb("rc2", hex(v.key), { effectiveBits: v.effectiveBits });
      expect(toHex(c.encryptBlock(hex(v.plaintext)))).toBe(v.ciphertext);
      expect(toHex(c.decryptBlock(hex(v.ciphertext)))).toBe(v.plaintext);
      c.dispose();
    }
  });

  it("RFC 6229 RC4 keystreams (40- to 256-bit keys, offsets up to 4096, split across calls)", () => {
    for (const v of readJson<Rfc6229>("rfc6229-rc4.json").vectors) {
      const s = rc4(hex(v.key));
      // Three calls of odd sizes: the keystream must continue across calls.
      const parts = [s.process(new Uint8Array(1000)), s.process(new Uint8Array(3)), s.process(new Uint8Array(3109))];
      s.dispose();
      const stream = new Uint8Array(4112);
      let off = 0;
      for (const p of parts) {
        stream.set(p, off);
        off += p.length;
      }
      for (const k of v.keystream) expect(toHex(stream.subarray(k.offset, k.offset + 16))).toBe(k.bytes);
    }
  });
});
