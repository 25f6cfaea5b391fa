// The cipher API contract: IV chaining, provider interfaces, errors, disposal and slot reuse.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cipherExports, cipherSlots } from "../../bindings/cipher/core.js";
import { cbc, ecb, gcm, init, rc4 } from "../../bindings/index.js";
import { heap } from "../../bindings/wasm.js";
import type { Aead, CbcCipher, StreamCipher } from "../../tls/provider.js";
import { toHex } from "../support/cipher-vectors.js";

const bytes = (n: number) => new Uint8Array(randomBytes(n));

describe("cipher API", () => {
  beforeAll(() => init());

  it("chains the CBC IV across calls (TLS 1.0) and replaces it with setIv (TLS 1.1+)", () => {
    for (const [cipher, keyLen, block] of [
      ["aes", 16, 16],
      ["des", 8, 8],
      ["3des", 24, 8],
      ["rc2", 16, 8],
    ] as const) {
      const key = bytes(keyLen);
      const iv = bytes(block);
      const data = bytes(block * 6);
      const whole = cbc(cipher, key, iv).encrypt(data);
      const c = cbc(cipher, key, iv);
      const parts = [c.encrypt(data.subarray(0, block)), c.encrypt(data.subarray(block))];
      expect(toHex(new Uint8Array([...(parts[0] as Uint8Array), ...(parts[1] as Uint8Array)]))).toBe(toHex(whole));
      const iv2 = bytes(block);
      c.setIv(iv2);
      expect(toHex(c.encrypt(data))).toBe(toHex(cbc(cipher, key, iv2).encrypt(data)));
      expect(c.blockLength).toBe(block);
      c.dispose();
    }
  });

  it("satisfies the CryptoProvider interfaces (CbcCipher, Aead, StreamCipher)", () => {
    const c: CbcCipher = cbc("aes", bytes(16), bytes(16));
    const a: Aead = gcm.create(bytes(16));
    const s: StreamCipher = rc4(bytes(16));
    expect(a.tagLength).toBe(16);
    const nonce = bytes(12);
    const sealed = a.seal(nonce, bytes(40), bytes(13));
    expect(a.open(nonce, sealed, bytes(13))).toBeNull();
    expect(s.process(new Uint8Array(3)).length).toBe(3);
    for (const x of [c, a, s]) x.dispose();
  });

  it("rejects bad keys, IVs, lengths, options and unknown ciphers with WasslError codes", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as { code?: string }).code;
      }
      return "no error";
    };
    expect(code(() => cbc("aes", bytes(15), bytes(16)))).toBe("ERR_WASSL_BAD_KEY_LENGTH");
    expect(code(() => cbc("des", bytes(16), bytes(8)))).toBe("ERR_WASSL_BAD_KEY_LENGTH");
    expect(code(() => cbc("3des", bytes(8), bytes(8)))).toBe("ERR_WASSL_BAD_KEY_LENGTH");
    expect(code(() => cbc("aes", bytes(16), bytes(8)))).toBe("ERR_WASSL_BAD_IV_LENGTH");
    expect(code(() => cbc("aes", bytes(16), bytes(16)).encrypt(bytes(17)))).toBe("ERR_WASSL_BAD_LENGTH");
    expect(code(() => cbc("rc2", bytes(8), bytes(8), { effectiveBits: 0 }))).toBe("ERR_WASSL_BAD_OPTION");
    expect(code(() => cbc("rc2", bytes(8), bytes(8), { effectiveBits: 1025 }))).toBe("ERR_WASSL_BAD_OPTION");
    expect(code(() => cbc("idea" as "aes", bytes(16), bytes(8)))).toBe("ERR_WASSL_UNKNOWN_CIPHER");
    expect(code(() => rc4(new Uint8Array(0)))).toBe("ERR_WASSL_BAD_KEY_LENGTH");
    expect(code(() => gcm.create(bytes(20)))).toBe("ERR_WASSL_BAD_KEY_LENGTH");
    expect(code(() => gcm(bytes(16), new Uint8Array(0)).encrypt(bytes(1)))).toBe("ERR_WASSL_BAD_NONCE");
    expect(code(() => ecb("aes", bytes(16)).encryptBlock(bytes(8)))).toBe("ERR_WASSL_BAD_LENGTH");
  });

  it("gcm() decrypt throws on a bad tag and never returns unauthenticated plaintext", () => {
    const key = bytes(16);
    const nonce = bytes(12);
    const g = gcm(key, nonce, bytes(5));
    const sealed = g.encrypt(bytes(64));
    sealed[3] = (sealed[3] as number) ^ 1;
    expect(() => g.decrypt(sealed)).toThrow(expect.objectContaining({ code: "ERR_WASSL_AUTH_FAILED" }));
    expect(() => g.decrypt(sealed.subarray(0, 10))).toThrow(/authentication failed/);
    g.dispose();
  });

  it("dispose() wipes the key schedule, returns the slot and makes later calls throw", () => {
    const c = cbc("aes", bytes(32), bytes(16));
    c.encrypt(bytes(32));
    const slot = (c as unknown as { held: number }).held;
    const e = cipherExports();
    const base = e.cipherSlotBase() + slot * e.cipherSlotSize();
    expect(
      heap()
        .subarray(base, base + e.cipherSlotSize())
        .some((b) => b !== 0),
    ).toBe(true);
    c.dispose();
    expect(
      heap()
        .subarray(base, base + e.cipherSlotSize())
        .every((b) => b === 0),
    ).toBe(true);
    expect(() => c.encrypt(bytes(16))).toThrow(expect.objectContaining({ code: "ERR_WASSL_DISPOSED" }));
    c.dispose(); // idempotent
  });

  it("holds at least 2,000 live contexts (two per TLS connection) and reports exhaustion clearly", () => {
    const live: CbcCipher[] = [];
    const count = cipherExports().cipherSlotCount();
    expect(count).toBeGreaterThanOrEqual(2000);
    const free = count - cipherSlots.inUse(); // earlier tests leave undisposed contexts to the GC
    for (let i = 0; i < free; i++) live.push(cbc("aes", bytes(16), bytes(16)));
    expect(() => rc4(bytes(16))).toThrow(expect.objectContaining({ code: "ERR_WASSL_NO_SLOTS" }));
    for (const c of live) c.dispose();
    rc4(bytes(16)).dispose();
  });
});
