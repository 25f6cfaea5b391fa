// Conformance: CBC (vectors, IV chaining across calls, setIv, no padding), AES-GCM (Wycheproof vectors,
// tampering → null, AAD) and RC4 (vectors, keystream continuing across calls).
import * as crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { concatBytes, toHex } from "../../bindings/bytes.js";
import type { BlockCipherName, CryptoProvider } from "../../tls/provider.js";
import type { CapabilityGate } from "./suite.js";
import { hex, loadVectors, patternBytes } from "./vectors.js";

interface CbcVector {
  key: string;
  iv: string;
  pt: string;
  ct: string;
  effectiveBits?: number;
}
type CbcFile = Record<"aes" | "3des" | "des" | "rc2", CbcVector[]> & { rc4: { key: string; pt: string; ct: string }[] };
interface GcmFile {
  vectors: {
    tcId: number;
    comment: string;
    key: string;
    iv: string;
    aad: string;
    msg: string;
    ct: string;
    tag: string;
    result: string;
  }[];
}

const BLOCK: Record<BlockCipherName, number> = { aes: 16, des: 8, "3des": 8, rc2: 8 };

/** Registers CBC, GCM and RC4 tests; optional ciphers go through `gate`. */
export function registerCipherTests(p: CryptoProvider, gate: CapabilityGate): void {
  const cbc = loadVectors<CbcFile>("cbc-rc4.json");
  const gcm = loadVectors<GcmFile>("gcm.json");

  const cbcVectors = (cipher: BlockCipherName) =>
    describe(`CBC ${cipher}`, () => {
      it.each(cbc[cipher].map((v, i) => ({ ...v, i })))("encrypts and decrypts vector #$i", (v) => {
        const opts = v.effectiveBits === undefined ? undefined : { effectiveBits: v.effectiveBits };
        const enc = p.createCbc(cipher, hex(v.key), hex(v.iv), opts);
        expect(enc.blockLength).toBe(BLOCK[cipher]);
        expect(toHex(enc.encrypt(hex(v.pt)))).toBe(v.ct.toLowerCase());
        const dec = p.createCbc(cipher, hex(v.key), hex(v.iv), opts);
        expect(toHex(dec.decrypt(hex(v.ct)))).toBe(v.pt.toLowerCase());
        enc.dispose();
        dec.dispose();
      });

      it("chains the IV across calls and setIv() restarts the chain (TLS 1.0 vs 1.1+ records)", () => {
        const b = BLOCK[cipher];
        const key = patternBytes(cipher === "aes" ? 16 : cipher === "3des" ? 24 : cipher === "des" ? 8 : 16, 20);
        const iv = patternBytes(b, 21);
        const data = patternBytes(b * 7, 22);
        const whole = p.createCbc(cipher, key, iv).encrypt(data);
        expect(whole.length).toBe(data.length); // no padding added
        const enc = p.createCbc(cipher, key, iv);
        const pieces = concatBytes(
          enc.encrypt(data.subarray(0, b)),
          enc.encrypt(data.subarray(b, 4 * b)),
          enc.encrypt(data.subarray(4 * b)),
        );
        expect(toHex(pieces)).toBe(toHex(whole));
        const dec = p.createCbc(cipher, key, iv);
        const back = concatBytes(dec.decrypt(whole.subarray(0, 3 * b)), dec.decrypt(whole.subarray(3 * b)));
        expect(toHex(back)).toBe(toHex(data));
        // setIv: the next call starts from the given IV, as a fresh context would.
        const iv2 = patternBytes(b, 23);
        enc.setIv(iv2);
        dec.setIv(iv2);
        const record = enc.encrypt(data.subarray(0, 2 * b));
        expect(toHex(record)).toBe(toHex(p.createCbc(cipher, key, iv2).encrypt(data.subarray(0, 2 * b))));
        expect(toHex(dec.decrypt(record))).toBe(toHex(data.subarray(0, 2 * b)));
        expect(p.createCbc(cipher, key, iv).encrypt(new Uint8Array(0)).length).toBe(0);
        enc.dispose();
        dec.dispose();
      });
    });

  cbcVectors("aes");
  describe("CBC aes vs node:crypto", () => {
    it.each([16, 24, 32])("matches aes-%i-cbc (no padding) on multi-block data", (keyLength) => {
      const key = patternBytes(keyLength, keyLength);
      const iv = patternBytes(16, 30);
      const data = patternBytes(16 * 33, 31);
      const ref = crypto
        .createCipheriv(`aes-${keyLength * 8}-cbc`, key, iv)
        .setAutoPadding(false)
        .update(data);
      expect(toHex(p.createCbc("aes", key, iv).encrypt(data))).toBe(ref.toString("hex"));
      expect(toHex(p.createCbc("aes", key, iv).decrypt(new Uint8Array(ref)))).toBe(toHex(data));
    });
  });
  gate("3des", () => cbcVectors("3des"));
  gate("des", () => cbcVectors("des"));
  gate("rc2", () => cbcVectors("rc2"));

  describe("AES-GCM", () => {
    const valid = gcm.vectors.filter((v) => v.result === "valid");
    const invalid = gcm.vectors.filter((v) => v.result === "invalid");

    it.each(valid)("seals and opens Wycheproof #$tcId ($comment)", (v) => {
      const aead = p.createGcm(hex(v.key));
      expect(aead.tagLength).toBe(16);
      expect(toHex(aead.seal(hex(v.iv), hex(v.msg), hex(v.aad)))).toBe(v.ct + v.tag);
      expect(toHex(aead.open(hex(v.iv), hex(v.ct + v.tag), hex(v.aad)) ?? hex("dead"))).toBe(v.msg);
      aead.dispose();
    });

    it.each(invalid)("returns null for invalid Wycheproof #$tcId ($comment)", (v) => {
      const aead = p.createGcm(hex(v.key));
      expect(aead.open(hex(v.iv), hex(v.ct + v.tag), hex(v.aad))).toBeNull();
      aead.dispose();
    });

    it("one key, many nonces: each record opens; a flipped bit anywhere or a short input gives null", () => {
      const aead = p.createGcm(patternBytes(16, 40));
      for (let seq = 0; seq < 4; seq++) {
        const nonce = concatBytes(patternBytes(4, 41), new Uint8Array([0, 0, 0, 0, 0, 0, 0, seq]));
        const aad = patternBytes(13, 42 + seq);
        const pt = patternBytes(17 * seq + 3, 50 + seq);
        const sealed = aead.seal(nonce, pt, aad);
        expect(sealed.length).toBe(pt.length + 16);
        expect(toHex(aead.open(nonce, sealed, aad) ?? new Uint8Array(1))).toBe(toHex(pt));
        for (const at of [0, pt.length, sealed.length - 1]) {
          const bad = sealed.slice();
          bad[at] ^= 0x80;
          expect(aead.open(nonce, bad, aad)).toBeNull();
        }
        const badAad = aad.slice();
        badAad[0] ^= 1;
        expect(aead.open(nonce, sealed, badAad)).toBeNull();
        expect(aead.open(nonce, sealed.subarray(0, 15), aad)).toBeNull();
      }
      aead.dispose();
    });
  });

  gate("rc4", () =>
    describe("RC4", () => {
      it.each(cbc.rc4.map((v, i) => ({ ...v, i })))("matches vector #$i, one call or byte by byte", (v) => {
        expect(toHex(p.createRc4(hex(v.key)).process(hex(v.pt)))).toBe(v.ct);
        const rc4 = p.createRc4(hex(v.key));
        const pt = hex(v.pt);
        const parts = Array.from(pt, (_, j) => rc4.process(pt.subarray(j, j + 1)));
        expect(toHex(concatBytes(...parts))).toBe(v.ct);
        rc4.dispose();
      });

      it("keeps its keystream across calls and leaves the input untouched", () => {
        const key = patternBytes(16, 60);
        const data = patternBytes(1000, 61);
        const copy = data.slice();
        const once = p.createRc4(key).process(data);
        const rc4 = p.createRc4(key);
        const split = concatBytes(rc4.process(data.subarray(0, 333)), rc4.process(data.subarray(333)));
        expect(toHex(split)).toBe(toHex(once));
        expect(toHex(data)).toBe(toHex(copy));
        expect(toHex(p.createRc4(key).process(once))).toBe(toHex(data));
      });
    }),
  );
}
