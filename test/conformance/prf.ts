// Conformance: the TLS PRFs — known TLS 1.2 vectors, and a cross-check of all three PRFs against an
// independent implementation written here over node:crypto (RFC 5246 §5, RFC 2246 §5, RFC 6101 §6.2.2).
import * as crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { concatBytes, toHex } from "../../bindings/bytes.js";
import type { CryptoProvider } from "../../tls/provider.js";
import { hex, loadVectors, patternBytes } from "./vectors.js";

interface PrfFile {
  tls12: { hash: "sha256" | "sha384"; secret: string; label: string; seed: string; out: string }[];
}

const ascii = (s: string) => new TextEncoder().encode(s);
const hmac = (h: string, k: Uint8Array, d: Uint8Array) => new Uint8Array(crypto.createHmac(h, k).update(d).digest());

/** RFC 5246 §5 P_hash(secret, seed). */
function pHash(h: string, secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  const out: Uint8Array[] = [];
  let a = seed;
  for (let have = 0; have < length; ) {
    a = hmac(h, secret, a);
    const block = hmac(h, secret, concatBytes(a, seed));
    out.push(block);
    have += block.length;
  }
  return concatBytes(...out).subarray(0, length);
}

function referenceTls10(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array {
  const half = Math.ceil(secret.length / 2);
  const s = concatBytes(ascii(label), seed);
  const md5 = pHash("md5", secret.subarray(0, half), s, length);
  const sha = pHash("sha1", secret.subarray(secret.length - half), s, length);
  return md5.map((x, i) => x ^ sha[i]);
}

function referenceSsl3(secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  const out: Uint8Array[] = [];
  for (let i = 0; out.length * 16 < length; i++) {
    const letters = ascii(String.fromCharCode(65 + i).repeat(i + 1));
    const inner = crypto
      .createHash("sha1")
      .update(concatBytes(letters, secret, seed))
      .digest();
    out.push(new Uint8Array(crypto.createHash("md5").update(concatBytes(secret, inner)).digest()));
  }
  return concatBytes(...out).subarray(0, length);
}

/** Registers the PRF tests. */
export function registerPrfTests(p: CryptoProvider): void {
  const file = loadVectors<PrfFile>("prf.json");
  const lengths = [1, 12, 48, 104, 136, 200];

  describe("PRFs", () => {
    it.each(file.tls12)("TLS 1.2 PRF ($hash) matches the known vector", (v) => {
      const out = p.prfTls12(v.hash, hex(v.secret), v.label, hex(v.seed), v.out.length / 2);
      expect(toHex(out)).toBe(v.out);
    });

    it.each(["sha256", "sha384"] as const)("TLS 1.2 PRF (%s) matches an independent P_hash", (h) => {
      const secret = patternBytes(48, 11);
      const seed = patternBytes(64, 12);
      for (const n of lengths) {
        const expected = pHash(h, secret, concatBytes(ascii("key expansion"), seed), n);
        expect(toHex(p.prfTls12(h, secret, "key expansion", seed, n))).toBe(toHex(expected));
      }
    });

    it("TLS 1.0/1.1 PRF matches P_MD5 ⊕ P_SHA1, odd-length secrets sharing their middle byte", () => {
      for (const secretLength of [48, 47, 1]) {
        const secret = patternBytes(secretLength, 13);
        const seed = patternBytes(64, 14);
        for (const n of lengths) {
          const expected = referenceTls10(secret, "master secret", seed, n);
          expect(toHex(p.prfTls10(secret, "master secret", seed, n))).toBe(toHex(expected));
        }
      }
    });

    it('SSL 3.0 derivation matches MD5(secret ‖ SHA1("A"… ‖ secret ‖ seed)) blocks', () => {
      const secret = patternBytes(48, 15);
      const seed = patternBytes(64, 16);
      for (const n of [...lengths, 16 * 26]) {
        expect(toHex(p.prfSsl3(secret, seed, n))).toBe(toHex(referenceSsl3(secret, seed, n)));
      }
    });
  });
}
