// Conformance: hashes (vectors, incremental vs one-shot, clone/fork), HMAC (vectors, reuse after
// digest), random bytes and constant-time comparison.
import { describe, expect, it } from "vitest";
import { concatBytes, toHex } from "../../bindings/bytes.js";
import type { CryptoProvider, HashName } from "../../tls/provider.js";
import { hex, loadVectors, patternBytes } from "./vectors.js";

const HASHES: readonly HashName[] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
const SIZES: Record<HashName, [output: number, block: number]> = {
  md5: [16, 64],
  sha1: [20, 64],
  sha224: [28, 64],
  sha256: [32, 64],
  sha384: [48, 128],
  sha512: [64, 128],
};

type Digests = Record<HashName, string>;
interface HashFile {
  vectors: ({ comment: string; msg: string } & Digests)[];
  long: { repeat: string; count: number } & Digests;
}
interface HmacFile {
  vectors: ({ key: string; msg: string } & Digests)[];
}

/** Registers hash, HMAC, random and constantTimeEqual tests. */
export function registerHashTests(p: CryptoProvider): void {
  const hashes = loadVectors<HashFile>("hashes.json");
  const hmacs = loadVectors<HmacFile>("hmac.json");

  describe.each(HASHES)("hash %s", (name) => {
    it("reports its output and block lengths", () => {
      const h = p.createHash(name);
      expect([h.outputLength, h.blockLength]).toEqual(SIZES[name]);
      expect(h.digest().length).toBe(SIZES[name][0]);
      h.dispose();
    });

    it.each(hashes.vectors)("one-shot and incremental agree with the vector: $comment", (v) => {
      const msg = hex(v.msg);
      expect(toHex(p.hash(name, msg))).toBe(v[name]);
      for (const split of [0, 1, Math.floor(msg.length / 2), msg.length]) {
        const h = p.createHash(name).update(msg.subarray(0, split)).update(msg.subarray(split));
        expect(toHex(h.digest())).toBe(v[name]);
        h.dispose();
      }
    });

    it("digests one million 'a' fed in 1000-byte chunks", () => {
      const chunk = new Uint8Array(1000).fill(hex(hashes.long.repeat)[0]);
      const h = p.createHash(name);
      for (let i = 0; i < hashes.long.count / chunk.length; i++) h.update(chunk);
      expect(toHex(h.digest())).toBe(hashes.long[name]);
      h.dispose();
    });

    it("matches one-shot on every split of inputs around the block size", () => {
      const block = SIZES[name][1];
      for (const length of [block - 9, block - 1, block, block + 1, 2 * block + 17]) {
        const msg = patternBytes(length, length);
        const expected = toHex(p.hash(name, msg));
        for (let split = 0; split <= length; split += 7) {
          const h = p.createHash(name).update(msg.subarray(0, split)).update(msg.subarray(split));
          expect(toHex(h.digest())).toBe(expected);
          h.dispose();
        }
      }
    });

    it("clone() forks the running state: both branches continue independently", () => {
      const prefix = patternBytes(150, 3);
      const a = patternBytes(70, 4);
      const b = patternBytes(33, 5);
      const root = p.createHash(name).update(prefix);
      const fork = root.clone();
      const forkOfFork = fork.clone();
      expect(toHex(fork.update(a).digest())).toBe(toHex(p.hash(name, concatBytes(prefix, a))));
      expect(toHex(root.update(b).digest())).toBe(toHex(p.hash(name, concatBytes(prefix, b))));
      expect(toHex(forkOfFork.digest())).toBe(toHex(p.hash(name, prefix)));
      for (const h of [root, fork, forkOfFork]) h.dispose();
    });

    it("a clone digested mid-transcript leaves the original running (transcript hash)", () => {
      const msgs = [patternBytes(40, 6), patternBytes(300, 7), patternBytes(5, 8)];
      const transcript = p.createHash(name);
      for (let i = 0; i < msgs.length; i++) {
        transcript.update(msgs[i]);
        const snapshot = transcript.clone();
        expect(toHex(snapshot.digest())).toBe(toHex(p.hash(name, concatBytes(...msgs.slice(0, i + 1)))));
        snapshot.dispose();
      }
      transcript.dispose();
    });
  });

  describe.each(HASHES)("HMAC %s", (name) => {
    it.each(hmacs.vectors.map((v, i) => ({ ...v, i })))("matches RFC 2202/4231 case #$i", (v) => {
      const mac = p.createHmac(name, hex(v.key));
      expect(mac.outputLength).toBe(SIZES[name][0]);
      expect(toHex(mac.update(hex(v.msg)).digest())).toBe(v[name]);
      mac.dispose();
    });

    it("digest() resets to the keyed state, so one object MACs many records", () => {
      const v = hmacs.vectors[1];
      const mac = p.createHmac(name, hex(v.key));
      const msg = hex(v.msg);
      expect(toHex(mac.update(msg).digest())).toBe(v[name]);
      expect(toHex(mac.update(msg.subarray(0, 3)).update(msg.subarray(3)).digest())).toBe(v[name]);
      const other = patternBytes(200, 9);
      const expectedOther = toHex(p.createHmac(name, hex(v.key)).update(other).digest());
      expect(toHex(mac.update(other).digest())).toBe(expectedOther);
      expect(toHex(mac.digest())).toBe(toHex(p.createHmac(name, hex(v.key)).digest())); // empty message
      mac.dispose();
    });
  });

  describe("randomBytes", () => {
    it("returns the requested lengths with fresh content on each call", () => {
      for (const n of [0, 1, 48, 1000, 70000]) expect(p.randomBytes(n).length).toBe(n);
      const a = p.randomBytes(32);
      const b = p.randomBytes(32);
      expect(toHex(a)).not.toBe(toHex(b));
      expect(a.some((x) => x !== 0)).toBe(true);
    });

    it("has roughly uniform bytes (each value count within a wide bound over 256 KiB)", () => {
      const counts = new Array<number>(256).fill(0);
      for (const x of p.randomBytes(256 * 1024)) counts[x]++;
      expect(Math.min(...counts)).toBeGreaterThan(800); // expectation 1024, σ ≈ 32
      expect(Math.max(...counts)).toBeLessThan(1250);
    });
  });

  describe("constantTimeEqual", () => {
    it("is true only for equal contents and lengths", () => {
      const a = patternBytes(37, 10);
      expect(p.constantTimeEqual(a, a.slice())).toBe(true);
      expect(p.constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
      expect(p.constantTimeEqual(a, a.subarray(0, 36))).toBe(false);
      for (let i = 0; i < a.length; i++) {
        const b = a.slice();
        b[i] ^= 1 << (i % 8);
        expect(p.constantTimeEqual(a, b)).toBe(false);
      }
    });
  });
}
