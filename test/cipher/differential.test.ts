// Randomized differential tests: AES-CBC/GCM against node:crypto, DES/3DES/RC2/RC4 against OpenSSL's
// legacy provider (one batched child process), across key/IV/length combinations and chunkings.
import { createCipheriv, randomBytes, randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cbc, gcm, init, rc4 } from "../../bindings/index.js";
import { toHex } from "../support/cipher-vectors.js";
import { type LegacyCase, legacyEncryptBatch } from "../support/legacy-oracle.js";

const bytes = (n: number) => new Uint8Array(randomBytes(n));

/** Splits `data` into random chunks whose lengths are multiples of `granule`. */
function chunks(data: Uint8Array, granule: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let off = 0;
  while (off < data.length) {
    const n = Math.min(data.length - off, granule * randomInt(0, 9));
    out.push(data.subarray(off, off + n));
    off += n;
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** The legacy cases: [our cipher, our options, OpenSSL name, key length, block length]. */
const LEGACY: Array<["des" | "3des" | "rc2", number | undefined, string, number]> = [
  ["des", undefined, "des-cbc", 8],
  ["3des", undefined, "des-ede-cbc", 16],
  ["3des", undefined, "des-ede3-cbc", 24],
  ["rc2", 40, "rc2-40-cbc", 5],
  ["rc2", 64, "rc2-64-cbc", 8],
  ["rc2", 128, "rc2-cbc", 16],
  ["rc2", 128, "rc2-cbc", 1], // rc2-cbc keeps 128 effective bits whatever the key length
  ["rc2", 128, "rc2-cbc", 100],
];

interface Planned {
  label: string;
  run: () => Uint8Array;
  roundTrip: () => Uint8Array;
  plain: Uint8Array;
}

describe.each(["simd", "scalar"] as const)("differential (%s build)", (build) => {
  beforeAll(() => init({ build }));

  it("AES-CBC matches node:crypto for 128/192/256-bit keys, any chunking, both directions", () => {
    for (let i = 0; i < 48; i++) {
      const keyLen = [16, 24, 32][i % 3] as number;
      const key = bytes(keyLen);
      const iv = bytes(16);
      const data = bytes(16 * randomInt(0, build === "simd" ? 200 : 40));
      const ref = createCipheriv(`aes-${keyLen * 8}-cbc`, key, iv)
        .setAutoPadding(false)
        .update(data);
      const enc = cbc("aes", key, iv);
      expect(toHex(concat(chunks(data, 16).map((c) => enc.encrypt(c)))), `key ${toHex(key)}`).toBe(toHex(ref));
      const dec = cbc("aes", key, iv);
      expect(toHex(concat(chunks(new Uint8Array(ref), 16).map((c) => dec.decrypt(c))))).toBe(toHex(data));
      enc.dispose();
      dec.dispose();
    }
  });

  it("AES-GCM matches node:crypto for any nonce, AAD and message length, and rejects tampering", () => {
    for (let i = 0; i < 48; i++) {
      const keyLen = [16, 24, 32][i % 3] as number;
      const key = bytes(keyLen);
      const nonce = bytes(i % 4 === 0 ? randomInt(1, 80) : 12);
      const aad = bytes(randomInt(0, 40));
      const pt = bytes(i === 0 && build === "simd" ? 70_000 : randomInt(0, 600));
      const c = createCipheriv(`aes-${keyLen * 8}-gcm` as "aes-128-gcm", key, nonce);
      c.setAAD(aad);
      const ref = Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]);
      const ours = gcm.create(key);
      const sealed = ours.seal(nonce, pt, aad);
      expect(toHex(sealed), `key ${toHex(key)} nonce ${toHex(nonce)}`).toBe(toHex(ref));
      expect(toHex(ours.open(nonce, sealed, aad) ?? new Uint8Array(0))).toBe(toHex(pt));
      const tampered = sealed.slice();
      const at = randomInt(0, tampered.length);
      tampered[at] = (tampered[at] as number) ^ (1 << randomInt(0, 8));
      expect(ours.open(nonce, tampered, aad)).toBeNull();
      ours.dispose();
    }
  });

  it("DES, 3DES (2 and 3 keys), RC2 (40/64/128 effective bits) CBC and RC4 match OpenSSL's legacy provider", () => {
    const cases: LegacyCase[] = [];
    const planned: Planned[] = [];
    for (const [cipher, effectiveBits, alg, keyLen] of LEGACY) {
      for (let i = 0; i < 6; i++) {
        const key = bytes(keyLen);
        const iv = bytes(8);
        const data = bytes(8 * randomInt(0, 64));
        cases.push({ alg, key: toHex(key), iv: toHex(iv), data: toHex(data) });
        const opts = { effectiveBits };
        planned.push({
          label: `${alg} key ${toHex(key)} iv ${toHex(iv)}`,
          plain: data,
          run: () => {
            const c = cbc(cipher, key, iv, opts);
            return concat(chunks(data, 8).map((p) => c.encrypt(p)));
          },
          roundTrip: () => {
            const c = cbc(cipher, key, iv, opts);
            const d = cbc(cipher, key, iv, opts);
            return concat(chunks(c.encrypt(data), 8).map((p) => d.decrypt(p)));
          },
        });
      }
    }
    for (let i = 0; i < 16; i++) {
      const key = bytes([5, 16, 7, 32, 256][i % 5] as number);
      const data = bytes(randomInt(0, 3000));
      cases.push({ alg: "rc4", key: toHex(key), iv: null, data: toHex(data) });
      planned.push({
        label: `rc4 key ${toHex(key)}`,
        plain: data,
        run: () => {
          const s = rc4(key);
          return concat(chunks(data, 1).map((p) => s.process(p)));
        },
        roundTrip: () => rc4(key).process(rc4(key).process(data)),
      });
    }
    const expected = legacyEncryptBatch(cases);
    planned.forEach((p, i) => {
      expect(toHex(p.run()), p.label).toBe(expected[i]);
      expect(toHex(p.roundTrip()), p.label).toBe(toHex(p.plain));
    });
  });
});
