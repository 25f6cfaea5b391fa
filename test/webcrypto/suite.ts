// wassl/webcrypto against Node's crypto.subtle on the same inputs, both directions: digests, HMAC and RSA
// signatures made by one and verified by the other, AES-CBC/GCM ciphertexts decrypted by the other,
// keys exported by one and imported by the other; plus the rejections WebCrypto specifies.
import { createPrivateKey, createPublicKey, webcrypto } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createSubtleCrypto, type KeyUsage, type WasslCryptoKey } from "../../bindings/webcrypto/index.js";
import type { CryptoProvider } from "../../tls/provider.js";

const node = webcrypto.subtle;
const bytes = (b: ArrayBuffer) => new Uint8Array(b);
const pattern = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17 + (i >> 3)) & 0xff);
const HASHES = ["SHA-1", "SHA-256", "SHA-384", "SHA-512"] as const;
const DIGEST_BYTES: Record<string, number> = { "SHA-1": 20, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 };

/** Registers the WebCrypto differential tests for the subset built over `provider`. */
export function describeWebCrypto(provider: CryptoProvider): void {
  const ours = createSubtleCrypto(provider);

  describe(`wassl/webcrypto over ${provider.name} vs node's crypto.subtle`, () => {
    it.each(HASHES)("digest %s matches on several lengths", async (hash) => {
      for (const n of [0, 3, 64, 1000]) {
        const data = pattern(n, n);
        expect(bytes(await ours.digest(hash, data))).toEqual(bytes(await node.digest(hash, data)));
      }
      expect(bytes(await ours.digest({ name: hash.toLowerCase() }, pattern(5, 1).buffer))).toEqual(
        bytes(await node.digest(hash, pattern(5, 1))),
      );
    });

    it.each(HASHES)("HMAC %s: sign/verify both ways, raw and jwk keys interchange", async (hash) => {
      const raw = pattern(hash === "SHA-512" ? 100 : 40, 2);
      const alg = { name: "HMAC", hash };
      const ourKey = await ours.importKey("raw", raw, alg, true, ["sign", "verify"]);
      const nodeKey = await node.importKey("raw", raw, alg, true, ["sign", "verify"]);
      const data = pattern(77, 3);
      const ourTag = await ours.sign("HMAC", ourKey, data);
      expect(bytes(ourTag)).toEqual(bytes(await node.sign("HMAC", nodeKey, data)));
      expect(await node.verify("HMAC", nodeKey, ourTag, data)).toBe(true);
      expect(await ours.verify("HMAC", ourKey, await node.sign("HMAC", nodeKey, data), data)).toBe(true);
      const bad = bytes(ourTag).slice();
      bad[0] ^= 1;
      expect(await ours.verify("HMAC", ourKey, bad, data)).toBe(false);
      expect(await ours.exportKey("jwk", ourKey)).toEqual(await node.exportKey("jwk", nodeKey));
      const fromNodeJwk = await ours.importKey("jwk", await node.exportKey("jwk", nodeKey), alg, true, ["sign"]);
      expect(bytes((await ours.exportKey("raw", fromNodeJwk)) as ArrayBuffer)).toEqual(raw);
      expect(ourKey.algorithm).toEqual(nodeKey.algorithm);
      expect([ourKey.type, ourKey.extractable, ourKey.usages]).toEqual([
        nodeKey.type,
        nodeKey.extractable,
        nodeKey.usages,
      ]);
    });

    describe.each([128, 256])("AES %i-bit", (bits) => {
      const raw = pattern(bits / 8, bits);
      let ourCbc: WasslCryptoKey;
      let nodeCbc: CryptoKey;
      let ourGcm: WasslCryptoKey;
      let nodeGcm: CryptoKey;
      beforeAll(async () => {
        ourCbc = await ours.importKey("raw", raw, "AES-CBC", true, ["encrypt", "decrypt"]);
        nodeCbc = await node.importKey("raw", raw, "AES-CBC", true, ["encrypt", "decrypt"]);
        ourGcm = await ours.importKey("raw", raw, { name: "AES-GCM" }, true, ["encrypt", "decrypt"]);
        nodeGcm = await node.importKey("raw", raw, "AES-GCM", true, ["encrypt", "decrypt"]);
      });

      it("AES-CBC with PKCS#7 padding: same ciphertext, each decrypts the other's", async () => {
        const iv = pattern(16, 4);
        for (const n of [0, 1, 15, 16, 17, 100]) {
          const data = pattern(n, n + 5);
          const mine = await ours.encrypt({ name: "AES-CBC", iv }, ourCbc, data);
          expect(bytes(mine)).toEqual(bytes(await node.encrypt({ name: "AES-CBC", iv }, nodeCbc, data)));
          expect(bytes(await node.decrypt({ name: "AES-CBC", iv }, nodeCbc, mine))).toEqual(data);
          const theirs = await node.encrypt({ name: "AES-CBC", iv }, nodeCbc, data);
          expect(bytes(await ours.decrypt({ name: "AES-CBC", iv }, ourCbc, theirs))).toEqual(data);
        }
        expect((await ours.exportKey("jwk", ourCbc)) as object).toEqual(await node.exportKey("jwk", nodeCbc));
      });

      it("AES-CBC rejects bad padding and bad lengths with OperationError", async () => {
        const iv = pattern(16, 6);
        const zeroPadded = await node.encrypt({ name: "AES-CBC", iv }, nodeCbc, pattern(16, 7));
        // Decrypting only the first block leaves plaintext whose last byte is not valid padding (almost surely).
        const tampered = bytes(zeroPadded).slice();
        tampered[15] ^= 0x55; // changes the last byte of the padding block's plaintext
        await expect(ours.decrypt({ name: "AES-CBC", iv }, ourCbc, tampered)).rejects.toMatchObject({
          name: "OperationError",
        });
        await expect(ours.decrypt({ name: "AES-CBC", iv }, ourCbc, new Uint8Array(17))).rejects.toMatchObject({
          name: "OperationError",
        });
      });

      it("AES-GCM with AAD: same output, each opens the other's, tampering is an OperationError", async () => {
        const iv = pattern(12, 8);
        for (const n of [0, 13, 64]) {
          const params = { name: "AES-GCM", iv, additionalData: pattern(n % 20, 9) };
          const data = pattern(n, 10);
          const mine = await ours.encrypt(params, ourGcm, data);
          expect(bytes(mine)).toEqual(bytes(await node.encrypt(params, nodeGcm, data)));
          expect(bytes(await node.decrypt(params, nodeGcm, mine))).toEqual(data);
          expect(bytes(await ours.decrypt(params, ourGcm, await node.encrypt(params, nodeGcm, data)))).toEqual(data);
          const bad = bytes(mine).slice();
          bad[bad.length - 1] ^= 1;
          await expect(ours.decrypt(params, ourGcm, bad)).rejects.toMatchObject({ name: "OperationError" });
        }
        await expect(ours.encrypt({ name: "AES-GCM", iv, tagLength: 96 }, ourGcm, pattern(4, 1))).rejects.toMatchObject(
          { name: "NotSupportedError" },
        );
      });
    });

    describe.each([
      ["RSASSA-PKCS1-v1_5", "SHA-256"],
      ["RSASSA-PKCS1-v1_5", "SHA-1"],
      ["RSA-PSS", "SHA-256"],
      ["RSA-PSS", "SHA-384"],
    ] as const)("%s with %s", (name, hash) => {
      let pair: CryptoKeyPair;
      let ourPrivate: WasslCryptoKey;
      let ourPublic: WasslCryptoKey;
      const params = name === "RSA-PSS" ? { name, saltLength: DIGEST_BYTES[hash] } : { name };
      const alg = { name, hash };
      beforeAll(async () => {
        pair = await node.generateKey(
          { ...alg, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
          true,
          ["sign", "verify"],
        );
        ourPrivate = await ours.importKey("pkcs8", await node.exportKey("pkcs8", pair.privateKey), alg, true, ["sign"]);
        ourPublic = await ours.importKey("spki", await node.exportKey("spki", pair.publicKey), alg, true, ["verify"]);
      });

      it("signs what node verifies and verifies what node signs", async () => {
        const data = pattern(300, 11);
        const mine = await ours.sign(params, ourPrivate, data);
        expect(await node.verify(params, pair.publicKey, mine, data)).toBe(true);
        const theirs = await node.sign(params, pair.privateKey, data);
        expect(await ours.verify(params, ourPublic, theirs, data)).toBe(true);
        expect(await ours.verify(params, ourPublic, theirs, pattern(300, 12))).toBe(false);
        const bad = bytes(theirs).slice();
        bad[9] ^= 2;
        expect(await ours.verify(params, ourPublic, bad, data)).toBe(false);
      });

      it("exports the same pkcs8, spki and jwk as node, and node accepts ours", async () => {
        expect(bytes((await ours.exportKey("pkcs8", ourPrivate)) as ArrayBuffer)).toEqual(
          bytes(await node.exportKey("pkcs8", pair.privateKey)),
        );
        expect(bytes((await ours.exportKey("spki", ourPublic)) as ArrayBuffer)).toEqual(
          bytes(await node.exportKey("spki", pair.publicKey)),
        );
        expect(await ours.exportKey("jwk", ourPrivate)).toEqual(await node.exportKey("jwk", pair.privateKey));
        expect(await ours.exportKey("jwk", ourPublic)).toEqual(await node.exportKey("jwk", pair.publicKey));
        const viaJwk = await ours.importKey("jwk", await node.exportKey("jwk", pair.privateKey), alg, false, ["sign"]);
        const sig = await ours.sign(params, viaJwk, pattern(10, 13));
        expect(await node.verify(params, pair.publicKey, sig, pattern(10, 13))).toBe(true);
        expect(ourPublic.algorithm).toEqual(pair.publicKey.algorithm);
        await expect(ours.exportKey("pkcs8", viaJwk)).rejects.toMatchObject({ name: "InvalidAccessError" });
        // PKCS#1 DER is not PKCS#8/SPKI: both implementations reject it with DataError.
        const pkcs1 = new Uint8Array(
          createPrivateKey({
            key: Buffer.from(await node.exportKey("pkcs8", pair.privateKey)),
            format: "der",
            type: "pkcs8",
          }).export({ format: "der", type: "pkcs1" }),
        );
        const pkcs1Public = new Uint8Array(
          createPublicKey({
            key: Buffer.from(await node.exportKey("spki", pair.publicKey)),
            format: "der",
            type: "spki",
          }).export({ format: "der", type: "pkcs1" }),
        );
        for (const [format, data] of [
          ["pkcs8", pkcs1],
          ["spki", pkcs1Public],
        ] as const) {
          const usages: KeyUsage[] = format === "pkcs8" ? ["sign"] : ["verify"];
          await expect(ours.importKey(format, data, alg, true, usages)).rejects.toMatchObject({ name: "DataError" });
          await expect(node.importKey(format, data, alg, true, usages)).rejects.toMatchObject({ name: "DataError" });
        }
      });
    });

    it("rejects unsupported algorithms and formats with NotSupportedError, misuse with the WebCrypto error", async () => {
      const hmacKey = await ours.importKey("raw", pattern(16, 1), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const rejections: [Promise<unknown>, string][] = [
        [ours.digest("MD5", new Uint8Array(1)), "NotSupportedError"],
        [ours.importKey("raw", pattern(16, 1), "AES-CTR", false, ["encrypt"]), "NotSupportedError"],
        [
          ours.importKey("spki", pattern(16, 1), { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]),
          "NotSupportedError",
        ],
        [ours.importKey("raw", pattern(16, 1), { name: "HMAC", hash: "SHA-256" }, false, ["encrypt"]), "SyntaxError"],
        [ours.importKey("raw", pattern(15, 1), "AES-GCM", false, ["encrypt"]), "DataError"],
        [ours.importKey("spki", pattern(40, 1), { name: "RSA-PSS", hash: "SHA-256" }, false, ["verify"]), "DataError"],
        [ours.sign("ECDSA", hmacKey, new Uint8Array(1)), "NotSupportedError"],
        [ours.verify("HMAC", hmacKey, new Uint8Array(32), new Uint8Array(1)), "InvalidAccessError"],
        [ours.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, hmacKey, new Uint8Array(1)), "InvalidAccessError"],
        [ours.exportKey("raw", hmacKey), "InvalidAccessError"],
      ];
      for (const [promise, name] of rejections) await expect(promise).rejects.toMatchObject({ name });
    });

    it("rejects an RSA-PSS salt length other than the digest length with NotSupportedError", async () => {
      const pair = await node.generateKey(
        { name: "RSA-PSS", hash: "SHA-256", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) },
        true,
        ["sign", "verify"],
      );
      const key = await ours.importKey(
        "pkcs8",
        await node.exportKey("pkcs8", pair.privateKey),
        { name: "RSA-PSS", hash: "SHA-256" },
        false,
        ["sign"],
      );
      await expect(ours.sign({ name: "RSA-PSS", saltLength: 20 }, key, new Uint8Array(3))).rejects.toMatchObject({
        name: "NotSupportedError",
      });
    });
  });
}
