// Randomized differential tests against node:crypto: every length 0–4,100 one-shot, random chunkings
// (block boundaries, empty updates, clone mid-stream), keyed HMAC reuse, and the PRFs against the
// independent node:crypto implementations in support/reference-prf.ts — on both builds.
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type HashName,
  hash,
  hkdfExpand,
  hkdfExtract,
  hmac,
  prfSsl3,
  prfTls10,
  prfTls12,
  createHash as wasslCreateHash,
} from "../../bindings/index.js";
import { BUILDS, useBuild } from "./support/builds.js";
import { SeededRandom, toHex } from "./support/bytes.js";
import { referencePrfSsl3, referencePrfTls10, referencePrfTls12 } from "./support/reference-prf.js";

const HASHES: HashName[] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
const MAX_LENGTH = 4100;
const nodeDigest = (alg: string, data: Uint8Array) => createHash(alg).update(data).digest("hex");

/** Splits `length` into chunk sizes biased towards block boundaries, with some empty chunks. */
function chunking(rng: SeededRandom, length: number, block: number): number[] {
  const sizes: number[] = [];
  let left = length;
  while (left > 0) {
    const pick = rng.below(6);
    const size =
      pick === 0 ? 0 : pick === 1 ? block : pick === 2 ? block - 1 : pick === 3 ? block + 1 : 1 + rng.below(3 * block);
    sizes.push(Math.min(size, left));
    left -= Math.min(size, left);
  }
  if (rng.below(4) === 0) sizes.push(0);
  return sizes;
}

describe.each(BUILDS)("differential vs node:crypto (%s build)", (build) => {
  beforeAll(() => useBuild(build));

  it.each(HASHES)("%s one-shot, every length 0–4,100", (alg) => {
    const data = new SeededRandom(0x5eed + alg.length).bytes(MAX_LENGTH);
    for (let len = 0; len <= MAX_LENGTH; len++) {
      const input = data.subarray(0, len);
      const got = toHex(hash(alg, input));
      if (got !== nodeDigest(alg, input)) expect.fail(`${alg} length ${len}`);
    }
  });

  it.each(HASHES)("%s streaming with random chunkings and a clone mid-stream", (alg) => {
    const rng = new SeededRandom(0xc0ffee ^ alg.charCodeAt(3));
    for (let round = 0; round < 300; round++) {
      const len = rng.below(MAX_LENGTH + 1);
      const data = rng.bytes(len);
      const ctx = wasslCreateHash(alg);
      const reference = createHash(alg);
      const cloneAt = rng.below(len + 1);
      let fed = 0;
      let clone: ReturnType<typeof ctx.clone> | undefined;
      let cloneReference: ReturnType<typeof reference.copy> | undefined;
      for (const size of chunking(rng, len, ctx.blockLength)) {
        if (!clone && fed >= cloneAt) {
          clone = ctx.clone();
          cloneReference = reference.copy();
        }
        const piece = data.subarray(fed, fed + size);
        ctx.update(piece);
        reference.update(piece);
        fed += size;
      }
      if (clone && cloneReference) {
        const extra = rng.bytes(rng.below(200));
        expect(toHex(clone.update(extra).digest()), `${alg} clone round ${round}`).toBe(
          cloneReference.update(extra).digest("hex"),
        );
      }
      expect(toHex(ctx.digest()), `${alg} round ${round} length ${len}`).toBe(reference.digest("hex"));
    }
  });

  it.each(HASHES)("%s inputs larger than the I/O region are streamed", (alg) => {
    const data = new SeededRandom(77).bytes(200_000);
    expect(toHex(hash(alg, data))).toBe(nodeDigest(alg, data));
    expect(toHex(wasslCreateHash(alg).update(data.subarray(0, 3)).update(data.subarray(3)).digest())).toBe(
      nodeDigest(alg, data),
    );
    expect(toHex(hmac(alg, data.subarray(0, 7), data))).toBe(
      createHmac(alg, data.subarray(0, 7)).update(data).digest("hex"),
    );
  });

  it.each(HASHES)("HMAC-%s one-shot and a keyed context reused for many messages", (alg) => {
    const rng = new SeededRandom(0x4d4143 + alg.length);
    for (let round = 0; round < 40; round++) {
      const key = rng.bytes(rng.below(300));
      const mac = hmac.create(alg, key);
      for (let message = 0; message < 5; message++) {
        const data = rng.bytes(rng.below(MAX_LENGTH + 1));
        const expected = createHmac(alg, key).update(data).digest("hex");
        expect(toHex(hmac(alg, key, data)), `${alg} one-shot key ${key.length}`).toBe(expected);
        let fed = 0;
        for (const size of chunking(rng, data.length, 64)) {
          mac.update(data.subarray(fed, fed + size));
          fed += size;
        }
        expect(toHex(mac.digest()), `${alg} reused key ${key.length} message ${message}`).toBe(expected);
      }
      mac.dispose();
    }
  });

  it("TLS 1.2 PRF (SHA-256, SHA-384) matches the node:crypto reference", () => {
    const rng = new SeededRandom(5246);
    for (const alg of ["sha256", "sha384"] as const) {
      for (let round = 0; round < 150; round++) {
        const secret = rng.bytes([0, 1, 48, 64, 129, 200][round % 6]);
        const seed = rng.bytes(rng.below(100));
        const length = rng.below(300);
        const label = ["master secret", "key expansion", "client finished", ""][round % 4];
        expect(toHex(prfTls12(alg, secret, label, seed, length)), `${alg} round ${round}`).toBe(
          referencePrfTls12(alg, secret, label, seed, length).toString("hex"),
        );
      }
    }
  });

  it("TLS 1.0 PRF (P_MD5 ⊕ P_SHA1) matches the node:crypto reference, odd and even secrets", () => {
    const rng = new SeededRandom(2246);
    for (let round = 0; round < 200; round++) {
      const secret = rng.bytes([0, 1, 47, 48, 129, 200][round % 6]);
      const seed = rng.bytes(rng.below(100));
      const length = rng.below(300);
      const label = ["master secret", "key expansion", "server finished"][round % 3];
      expect(toHex(prfTls10(secret, label, seed, length)), `round ${round}`).toBe(
        referencePrfTls10(secret, label, seed, length).toString("hex"),
      );
    }
  });

  it("SSL 3.0 key derivation matches the node:crypto reference up to 416 bytes", () => {
    const rng = new SeededRandom(6101);
    for (let round = 0; round < 100; round++) {
      const secret = rng.bytes([48, 0, 1, 100][round % 4]);
      const seed = rng.bytes(rng.below(80));
      const length = round === 0 ? 416 : rng.below(417);
      expect(toHex(prfSsl3(secret, seed, length)), `round ${round}`).toBe(
        referencePrfSsl3(secret, seed, length).toString("hex"),
      );
    }
  });

  it.each(HASHES)("HKDF-%s matches node:crypto hkdfSync", (alg) => {
    const rng = new SeededRandom(5869 + alg.length);
    const outputLength = createHash(alg).digest().length;
    for (let round = 0; round < 30; round++) {
      const ikm = rng.bytes(rng.below(100));
      const salt = rng.bytes(rng.below(150));
      const info = rng.bytes(rng.below(100));
      const length = 1 + rng.below(255 * outputLength);
      const okm = hkdfExpand(alg, hkdfExtract(alg, salt, ikm), info, length);
      expect(toHex(okm), `${alg} round ${round}`).toBe(
        Buffer.from(hkdfSync(alg, ikm, salt, info, length)).toString("hex"),
      );
    }
  });
});
