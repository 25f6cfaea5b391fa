// The reclaim backend in isolation: each operation against reclaim's own pure-JS implementation on the
// same inputs, RFC 5869 HKDF-Extract, RSA against node:crypto, delegation of what we lack, and errors.
import * as crypto from "node:crypto";
import { pureJsCrypto } from "@reclaimprotocol/tls/purejs-crypto";
import { describe, expect, it } from "vitest";
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { createReclaimCrypto, resetReclaimCounters } from "../../bindings/reclaim.js";
import { fromHex as hex } from "../support/bytes.js";

const pattern = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 29 + seed) & 0xff);

describe("reclaim backend operations", () => {
  const { crypto: ours, counters } = createReclaimCrypto({ provider: nodeCryptoProvider, fallback: pureJsCrypto });

  it.each(["SHA-1", "SHA-256", "SHA-384"] as const)(
    "hash, hmac and extract (%s) equal reclaim's pure-JS",
    async (alg) => {
      const data = pattern(150, 1);
      const key = pattern(40, 2);
      expect(await ours.hash(alg, data)).toEqual(await pureJsCrypto.hash(alg, data));
      const ourKey = await ours.importKey(alg, key);
      expect(await ours.hmac(alg, ourKey, data)).toEqual(
        await pureJsCrypto.hmac(alg, await pureJsCrypto.importKey(alg, key), data),
      );
      const len = (await ours.hash(alg, new Uint8Array())).length;
      for (const salt of ["", pattern(len, 3), "label"]) {
        expect(await ours.extract(alg, len, data, salt)).toEqual(await pureJsCrypto.extract(alg, len, data, salt));
      }
    },
  );

  it("HKDF-Extract with an empty salt matches RFC 5869 test case 3", async () => {
    const prk = await ours.extract("SHA-256", 32, new Uint8Array(22).fill(0x0b), "");
    expect(Buffer.from(prk).toString("hex")).toBe("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
  });

  it("AES-128-CBC (no padding) and AES-GCM equal reclaim's pure-JS; a bad tag throws", async () => {
    const iv = pattern(16, 4);
    const data = pattern(64, 5);
    const cbcKey = await ours.importKey("AES-128-CBC", pattern(16, 6));
    const cbcTheirs = await pureJsCrypto.importKey("AES-128-CBC", pattern(16, 6));
    const ct = await ours.encrypt("AES-128-CBC", { key: cbcKey, iv, data });
    expect(ct).toEqual(await pureJsCrypto.encrypt("AES-128-CBC", { key: cbcTheirs, iv, data }));
    expect(await ours.decrypt("AES-128-CBC", { key: cbcKey, iv, data: ct })).toEqual(data);
    for (const alg of ["AES-128-GCM", "AES-256-GCM"] as const) {
      const raw = pattern(alg === "AES-128-GCM" ? 16 : 32, 7);
      const opts = { iv: pattern(12, 8), data, aead: pattern(13, 9) };
      const sealed = await ours.authenticatedEncrypt(alg, { ...opts, key: await ours.importKey(alg, raw) });
      expect(sealed).toEqual(await pureJsCrypto.authenticatedEncrypt(alg, { ...opts, key: raw }));
      const key = await ours.importKey(alg, raw);
      const opened = await ours.authenticatedDecrypt(alg, {
        ...opts,
        key,
        data: sealed.ciphertext,
        authTag: sealed.authTag,
      });
      expect(opened.plaintext).toEqual(data);
      const badTag = sealed.authTag.slice();
      badTag[0] ^= 1;
      expect(() => ours.authenticatedDecrypt(alg, { ...opts, key, data: sealed.ciphertext, authTag: badTag })).toThrow(
        /authentication/,
      );
    }
    expect(await ours.exportKey(cbcKey)).toEqual(pattern(16, 6));
  });

  it("RSA: PKCS#1 v1.5 encryption node can decrypt; PKCS#1 (incl. SHA-1, which pure-JS lacks) and PSS verification", async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const spki = new Uint8Array(publicKey.export({ format: "der", type: "spki" }));
    resetReclaimCounters(counters);
    const encKey = await ours.importKey("RSA-PCKS1_5", spki, "public");
    const premaster = pattern(48, 10);
    const ct = await ours.asymmetricEncrypt("RSA-PCKS1_5", { publicKey: encKey, data: premaster });
    const em = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, ct);
    expect(new Uint8Array(em.subarray(em.length - 48))).toEqual(premaster);
    const data = pattern(200, 11);
    for (const [alg, hash] of [
      ["RSA-PKCS1-SHA1", "sha1"],
      ["RSA-PKCS1-SHA256", "sha256"],
      ["RSA-PKCS1-SHA512", "sha512"],
    ] as const) {
      const key = await ours.importKey(alg, spki, "public");
      const signature = new Uint8Array(crypto.sign(hash, data, privateKey));
      expect(await ours.verify(alg, { data, signature, publicKey: key })).toBe(true);
      signature[3] ^= 1;
      expect(await ours.verify(alg, { data, signature, publicKey: key })).toBe(false);
    }
    const pssKey = await ours.importKey("RSA-PSS-SHA256", spki, "public");
    const pss = new Uint8Array(
      crypto.sign("sha256", data, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
    );
    expect(await ours.verify("RSA-PSS-SHA256", { data, signature: pss, publicKey: pssKey })).toBe(true);
    expect([counters.rsaEncrypt, counters.rsaVerifyPkcs1, counters.rsaVerifyPss, counters.keyImports]).toEqual([
      1, 6, 1, 5,
    ]);
    expect(await ours.exportKey(pssKey)).toEqual(spki);
  });

  it("delegates key agreement and ECDSA to the fallback and counts it", async () => {
    resetReclaimCounters(counters);
    const a = await ours.generateKeyPair("X25519");
    const b = await ours.generateKeyPair("X25519");
    const pubB = await ours.importKey("X25519", (await ours.exportKey(b.pubKey)) as Uint8Array, "public");
    const s1 = await ours.calculateSharedSecret("X25519", a.privKey, pubB);
    const s2 = await ours.calculateSharedSecret("X25519", b.privKey, a.pubKey);
    expect(s1).toEqual(s2);
    expect(counters.delegated).toMatchObject({
      generateKeyPair: 2,
      calculateSharedSecret: 2,
      importKey: 1,
      exportKey: 1,
    });
    const ec = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
    const spki = new Uint8Array(ec.publicKey.export({ format: "der", type: "spki" }));
    const data = pattern(20, 12);
    const sig = new Uint8Array(crypto.sign("sha256", data, ec.privateKey));
    const key = await ours.importKey("ECDSA-SECP256R1-SHA256", spki, "public");
    expect(await ours.verify("ECDSA-SECP256R1-SHA256", { data, signature: sig, publicKey: key })).toBe(true);
    expect(counters.delegated.verify).toBe(1);
  });

  it("uses the provider's random source, not reclaim's Math.random fallback", () => {
    resetReclaimCounters(counters);
    const a = ours.randomBytes(32);
    expect(a.length).toBe(32);
    expect(ours.randomBytes(32)).not.toEqual(a);
    expect(counters.random).toBe(2);
  });

  it("rejects keys and algorithms it cannot use", async () => {
    expect(() => ours.importKey("RSA-PSS-SHA256", hex("3000"), "public")).toThrow();
    expect(() => ours.hmac("SHA-256", { not: "a key" }, new Uint8Array(1))).toThrow(/HMAC key expected/);
  });
});
