import * as crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey, RsaPublicKey } from "../../bindings/index.js";
import { init, type WasmBuild } from "../../bindings/wasm.js";
import type { HashName } from "../../tls/provider.js";
import { componentsOf, nodeKey } from "../support/rsa-keys.js";

const node = nodeKey(2048);
const nodePub = crypto.createPublicKey(node);
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const message = new TextEncoder().encode("wassl RSA differential test message");
const HASHES: HashName[] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
const PSS_HASHES: HashName[] = ["sha256", "sha384", "sha512"];
const DIGEST_BYTES: Record<HashName, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
const pss = (key: crypto.KeyObject, hash: HashName) => ({
  key,
  padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
  saltLength: DIGEST_BYTES[hash],
});

describe.each<WasmBuild>(["simd", "scalar"])("RSA PKCS#1 v1.5 and PSS vs node:crypto (%s build)", (build) => {
  let key: RsaPrivateKey;
  beforeAll(async () => {
    await init({ build });
    key = RsaPrivateKey.fromComponents(componentsOf(node));
  });
  afterAll(() => key.dispose());

  it.each(HASHES)("signPkcs1v15(%s) equals crypto.sign and verifies both ways", (hash) => {
    const ours = key.signPkcs1v15(hash, message);
    expect(toHex(ours)).toBe(toHex(crypto.sign(hash, message, node)));
    expect(key.publicKey.verifyPkcs1v15(hash, message, ours)).toBe(true);
    const tampered = ours.slice();
    tampered[10] ^= 1;
    expect(key.publicKey.verifyPkcs1v15(hash, message, tampered)).toBe(false);
    expect(key.publicKey.verifyPkcs1v15(hash, message.subarray(1), ours)).toBe(false);
  });

  it("signs the raw 36-byte MD5‖SHA-1 form like privateEncrypt (TLS 1.0/1.1)", () => {
    const digest = Buffer.concat([crypto.hash("md5", message, "buffer"), crypto.hash("sha1", message, "buffer")]);
    const ours = key.signPkcs1v15("md5-sha1", message);
    expect(toHex(ours)).toBe(toHex(crypto.privateEncrypt(node, digest)));
    expect(key.publicKey.verifyPkcs1v15("md5-sha1", message, ours)).toBe(true);
    expect(key.asProviderKey().publicKey.verifyPkcs1v15("md5-sha1", digest, ours)).toBe(true);
    expect(key.publicKey.verifyPkcs1v15("sha1", message, ours)).toBe(false);
  });

  it.each(PSS_HASHES)("PSS with %s: ours verifies under node:crypto and node's under ours", (hash) => {
    const ours = key.signPss(hash, message);
    expect(crypto.verify(hash, message, pss(nodePub, hash), ours)).toBe(true);
    expect(key.publicKey.verifyPss(hash, message, ours)).toBe(true);
    const theirs = new Uint8Array(crypto.sign(hash, message, pss(node, hash)));
    expect(key.publicKey.verifyPss(hash, message, theirs)).toBe(true);
    theirs[20] ^= 0x80;
    expect(key.publicKey.verifyPss(hash, message, theirs)).toBe(false);
    expect(key.publicKey.verifyPss(hash, message.subarray(2), ours)).toBe(false);
  });

  it("digest-level provider keys match the message-level methods", () => {
    const digest = crypto.hash("sha256", message, "buffer");
    const provider = key.asProviderKey();
    expect(toHex(provider.signPkcs1v15("sha256", digest) as Uint8Array)).toBe(
      toHex(key.signPkcs1v15("sha256", message)),
    );
    const sig = provider.signPss("sha384", crypto.hash("sha384", message, "buffer")) as Uint8Array;
    expect(key.publicKey.verifyPss("sha384", message, sig)).toBe(true);
    expect(provider.bits).toBe(2048);
  });

  it("encryptPkcs1v15 produces a well-formed type-2 block that decrypts", () => {
    const pt = crypto.randomBytes(100);
    const ct = key.publicKey.encryptPkcs1v15(pt);
    const block = crypto.privateDecrypt({ key: node, padding: crypto.constants.RSA_NO_PADDING }, ct);
    expect(block[0]).toBe(0);
    expect(block[1]).toBe(2);
    const sep = block.indexOf(0, 2);
    expect(sep).toBe(256 - 100 - 1);
    expect(toHex(block.subarray(sep + 1))).toBe(toHex(pt));
    expect(toHex(key.decryptPkcs1v15(ct))).toBe(toHex(pt));
    expect(() => key.publicKey.encryptPkcs1v15(new Uint8Array(246))).toThrow(/longer/);
  });

  it("decrypts node's publicEncrypt(PKCS1) and reports every failure with one error", () => {
    const pt = crypto.randomBytes(32);
    const ct = new Uint8Array(crypto.publicEncrypt({ key: nodePub, padding: crypto.constants.RSA_PKCS1_PADDING }, pt));
    expect(toHex(key.decryptPkcs1v15(ct))).toBe(toHex(pt));
    const errors = new Set<string>();
    for (const bad of [ct.subarray(1), new Uint8Array(256).fill(0xff), crypto.randomBytes(256), new Uint8Array(256)]) {
      try {
        key.decryptPkcs1v15(new Uint8Array(bad));
        errors.add("no error");
      } catch (err) {
        errors.add(`${(err as { code: string }).code}: ${(err as Error).message}`);
      }
    }
    expect([...errors]).toEqual(["ERR_WASSL_RSA_DECRYPT: RSA decryption failed"]);
  });

  describe("decryptTlsPremaster (RFC 5246 §7.4.7.1)", () => {
    const premaster = (version: number, length = 48) => {
      const pm = new Uint8Array(crypto.randomBytes(length));
      pm[0] = version >> 8;
      pm[1] = version & 0xff;
      return pm;
    };
    const encrypt = (pt: Uint8Array) =>
      new Uint8Array(crypto.publicEncrypt({ key: nodePub, padding: crypto.constants.RSA_PKCS1_PADDING }, pt));
    const rawEncrypt = (block: Uint8Array) =>
      new Uint8Array(crypto.publicEncrypt({ key: nodePub, padding: crypto.constants.RSA_NO_PADDING }, block));

    it("returns the premaster for a well-formed ciphertext", () => {
      const pm = premaster(0x0303);
      expect(toHex(key.decryptTlsPremaster(encrypt(pm), 0x0303))).toBe(toHex(pm));
      expect(toHex(key.asProviderKey().decryptTlsPremaster(encrypt(pm), 0x0303) as Uint8Array)).toBe(toHex(pm));
    });

    const typeTwo = (psLength: number, tail: Uint8Array) => {
      const block = new Uint8Array(256);
      block[1] = 2;
      block.set(
        crypto.randomBytes(psLength).map((b) => b | 1),
        2,
      );
      block.set(tail, 256 - tail.length);
      return block;
    };
    const bad: Array<[string, () => Uint8Array]> = [
      ["wrong client version", () => encrypt(premaster(0x0301))],
      ["47-byte message", () => encrypt(premaster(0x0303, 47))],
      ["49-byte message", () => encrypt(premaster(0x0303, 49))],
      ["ciphertext one byte short", () => encrypt(premaster(0x0303)).subarray(1)],
      ["ciphertext one byte long", () => new Uint8Array([0, ...encrypt(premaster(0x0303))])],
      ["empty ciphertext", () => new Uint8Array(0)],
      ["ciphertext ≥ n", () => componentsOf(node).n],
      [
        "block type 1",
        () =>
          rawEncrypt(
            typeTwo(256 - 51, new Uint8Array([0, 3, 3, ...premaster(0x0303).subarray(2)])).map((b, i) =>
              i === 1 ? 1 : b,
            ),
          ),
      ],
      [
        "first byte non-zero",
        () =>
          rawEncrypt(
            new Uint8Array(typeTwo(256 - 51, new Uint8Array([0, ...premaster(0x0303)]))).map((b, i) =>
              i === 0 ? 1 : b,
            ),
          ),
      ],
      ["no separator", () => rawEncrypt(typeTwo(254, new Uint8Array(0)))],
      [
        "zero inside the padding",
        () => rawEncrypt(typeTwo(256 - 51, new Uint8Array([0, ...premaster(0x0303)])).map((b, i) => (i === 5 ? 0 : b))),
      ],
    ];
    it.each(bad)("%s: 48 fresh random bytes, no exception", (_name, make) => {
      const ct = make();
      const a = key.decryptTlsPremaster(ct, 0x0303);
      const b = key.decryptTlsPremaster(ct, 0x0303);
      expect(a.length).toBe(48);
      expect(toHex(a)).not.toBe(toHex(b));
    });
  });
});

describe("RSA key import", () => {
  beforeAll(() => init());

  it("fromPem/fromDer accept PKCS#1, PKCS#8 and SPKI and agree with fromComponents", () => {
    const pkcs1 = node.export({ format: "pem", type: "pkcs1" }) as string;
    const pkcs8 = node.export({ format: "der", type: "pkcs8" });
    const spki = nodePub.export({ format: "pem", type: "spki" }) as string;
    const a = RsaPrivateKey.fromPem(pkcs1);
    const b = RsaPrivateKey.fromDer(new Uint8Array(pkcs8));
    const p = RsaPublicKey.fromPem(spki);
    const sig = a.signPkcs1v15("sha256", message);
    expect(toHex(b.signPkcs1v15("sha256", message))).toBe(toHex(sig));
    expect(p.verifyPkcs1v15("sha256", message, sig)).toBe(true);
    for (const k of [a, b, p]) k.dispose();
  });

  it.each<[string, (c: ReturnType<typeof componentsOf>) => void]>([
    ["even modulus", (c) => (c.n[c.n.length - 1] &= 0xfe)],
    ["p·q ≠ n", (c) => (c.p[c.p.length - 1] ^= 2)],
    ["even exponent", (c) => (c.e = new Uint8Array([1, 0, 0]))],
    ["exponent 1", (c) => (c.e = new Uint8Array([1]))],
  ])("rejects a key with %s", (_name, spoil) => {
    const c = componentsOf(node);
    spoil(c);
    expect(() => RsaPrivateKey.fromComponents(c)).toThrow(expect.objectContaining({ code: "ERR_WASSL_RSA_KEY" }));
  });

  it("rejects moduli below 512 bits", () => {
    const n = new Uint8Array(63).fill(0xff); // 504 bits, odd
    expect(() => RsaPublicKey.fromComponents({ n, e: new Uint8Array([1, 0, 1]) })).toThrow(/512/);
    expect(() =>
      RsaPublicKey.fromComponents({ n: new Uint8Array(64).fill(0xff), e: new Uint8Array([3]) }),
    ).not.toThrow();
  });
});
