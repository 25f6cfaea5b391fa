// Conformance: RSA — key import, PKCS#1 v1.5 encryption and the TLS premaster decryption (always 48
// bytes, never a throw), PKCS#1 v1.5 signatures (with DigestInfo, and TLS 1.0's bare MD5‖SHA-1) and
// RSASSA-PSS, each cross-verified with node:crypto in both directions, plus Wycheproof vectors.
import * as crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { concatBytes, toHex } from "../../bindings/bytes.js";
import type {
  CryptoProvider,
  HashName,
  ProviderRsaPrivateKey,
  RsaPrivateComponents,
  SignatureHash,
} from "../../tls/provider.js";
import { hex, loadVectors, patternBytes } from "./vectors.js";

interface RsaFile {
  privateKeyPem: string;
  decrypt: { tcId: number; comment: string; msg: string; ct: string; result: string }[];
  verify: {
    n: string;
    e: string;
    tests: { tcId: number; comment: string; msg: string; sig: string; result: string }[];
  };
}

const fromB64u = (s: string | undefined) => Uint8Array.from(Buffer.from(s ?? "", "base64url"));

/** RSA components of a node KeyObject, via JWK (independent of our own DER code). */
function componentsOf(key: crypto.KeyObject): RsaPrivateComponents {
  const j = key.export({ format: "jwk" });
  return {
    n: fromB64u(j.n),
    e: fromB64u(j.e),
    d: fromB64u(j.d),
    p: fromB64u(j.p),
    q: fromB64u(j.q),
    dp: fromB64u(j.dp),
    dq: fromB64u(j.dq),
    qinv: fromB64u(j.qi),
  };
}

const SIGN_HASHES: readonly HashName[] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
const PSS_HASHES: readonly HashName[] = ["sha1", "sha256", "sha384", "sha512"];

/** Registers the RSA tests. */
export function registerRsaTests(p: CryptoProvider): void {
  const file = loadVectors<RsaFile>("rsa.json");
  const keys: { label: string; node: crypto.KeyObject; ours: ProviderRsaPrivateKey; bits: number }[] = [];

  beforeAll(() => {
    const fixed = crypto.createPrivateKey(file.privateKeyPem);
    // A 1025-bit modulus exercises the PSS emBits = modBits − 1 corner (emLen one byte shorter than k).
    const odd = crypto.generateKeyPairSync("rsa", { modulusLength: 1025 }).privateKey;
    for (const [label, node, bits] of [
      ["2048-bit (Wycheproof)", fixed, 2048],
      ["1025-bit (generated)", odd, 1025],
    ] as const) {
      keys.push({ label, node, ours: p.importRsaPrivateKey(componentsOf(node)), bits });
    }
  });

  const eachKey = (title: string, body: (k: (typeof keys)[number]) => Promise<void> | void) =>
    it(title, async () => {
      expect(keys.length).toBe(2);
      for (const k of keys) await body(k);
    });

  describe("RSA", () => {
    eachKey("imports keys and reports the modulus size", (k) => {
      expect(k.ours.bits).toBe(k.bits);
      expect(k.ours.publicKey.bits).toBe(k.bits);
      const pub = componentsOf(k.node);
      expect(p.importRsaPublicKey({ n: pub.n, e: pub.e }).bits).toBe(k.bits);
    });

    eachKey("decrypts a node-encrypted premaster and round-trips its own encryption", async (k) => {
      const premaster = concatBytes(new Uint8Array([3, 3]), p.randomBytes(46));
      const ct = crypto.publicEncrypt({ key: k.node, padding: crypto.constants.RSA_PKCS1_PADDING }, premaster);
      expect(toHex(await k.ours.decryptTlsPremaster(new Uint8Array(ct), 0x0303))).toBe(toHex(premaster));
      const own = k.ours.publicKey.encryptPkcs1v15(premaster);
      expect(own.length).toBe(Math.ceil(k.bits / 8));
      expect(toHex(own)).not.toBe(toHex(k.ours.publicKey.encryptPkcs1v15(premaster))); // random padding
      expect(toHex(await k.ours.decryptTlsPremaster(own, 0x0303))).toBe(toHex(premaster));
      // EME-PKCS1-v1_5 structure as seen by raw RSA in node: 00 02 PS(non-zero, ≥ 8) 00 M.
      const em = crypto.privateDecrypt({ key: k.node, padding: crypto.constants.RSA_NO_PADDING }, own);
      const psEnd = em.length - premaster.length - 1;
      expect([em[0], em[1], em[psEnd]]).toEqual([0, 2, 0]);
      expect(em.subarray(2, psEnd).every((x) => x !== 0)).toBe(true);
      expect(psEnd - 2).toBeGreaterThanOrEqual(8);
      expect(toHex(em.subarray(psEnd + 1))).toBe(toHex(premaster));
    });

    eachKey("substitutes 48 fresh random bytes for a wrong version, wrong length or garbage", async (k) => {
      const bytes = Math.ceil(k.bits / 8);
      const premaster = concatBytes(new Uint8Array([3, 1]), patternBytes(46, 70));
      const enc = (m: Uint8Array) =>
        new Uint8Array(crypto.publicEncrypt({ key: k.node, padding: crypto.constants.RSA_PKCS1_PADDING }, m));
      const bad: [string, Uint8Array, number][] = [
        ["version mismatch", enc(premaster), 0x0303],
        ["47-byte premaster", enc(premaster.subarray(0, 47)), 0x0301],
        ["49-byte premaster", enc(concatBytes(premaster, new Uint8Array(1))), 0x0301],
        ["all-zero block", new Uint8Array(bytes), 0x0301],
        ["ciphertext ≥ modulus", new Uint8Array(bytes).fill(0xff), 0x0301],
        ["short ciphertext", new Uint8Array(3), 0x0301],
        ["empty ciphertext", new Uint8Array(0), 0x0301],
        ["long ciphertext", new Uint8Array(bytes + 1).fill(1), 0x0301],
      ];
      expect(toHex(await k.ours.decryptTlsPremaster(enc(premaster), 0x0301))).toBe(toHex(premaster));
      for (const [what, ct, version] of bad) {
        const first = await k.ours.decryptTlsPremaster(ct, version);
        const second = await k.ours.decryptTlsPremaster(ct, version);
        expect(first.length, what).toBe(48);
        expect(toHex(first), what).not.toBe(toHex(premaster));
        expect(toHex(first), what).not.toBe(toHex(second));
      }
    });

    it("never throws on Wycheproof PKCS#1 ciphertexts (none is a valid TLS premaster)", async () => {
      const key = keys[0];
      for (const v of file.decrypt) {
        const out = await key.ours.decryptTlsPremaster(hex(v.ct), 0x0303);
        expect(out.length, `tcId ${v.tcId}`).toBe(48);
        expect(toHex(out), `tcId ${v.tcId}`).not.toBe(v.msg);
      }
    });

    eachKey("PKCS#1 v1.5 signatures over digests verify both ways with node:crypto", async (k) => {
      const msg = patternBytes(100, 71);
      for (const h of SIGN_HASHES) {
        const digest = p.hash(h, msg);
        const sig = await k.ours.signPkcs1v15(h, digest);
        expect(sig.length, h).toBe(Math.ceil(k.bits / 8));
        expect(crypto.verify(h, msg, k.node, sig), h).toBe(true);
        const nodeSig = new Uint8Array(crypto.sign(h, msg, k.node));
        expect(k.ours.publicKey.verifyPkcs1v15(h, digest, nodeSig), h).toBe(true);
        expectRejections((s, d) => k.ours.publicKey.verifyPkcs1v15(h, d, s), nodeSig, digest);
      }
    });

    eachKey("TLS 1.0 md5-sha1 signatures carry the bare 36-byte digest (no DigestInfo)", async (k) => {
      const msg = patternBytes(77, 72);
      const digest = concatBytes(p.hash("md5", msg), p.hash("sha1", msg));
      const sig = await k.ours.signPkcs1v15("md5-sha1", digest);
      const recovered = crypto.publicDecrypt({ key: k.node, padding: crypto.constants.RSA_PKCS1_PADDING }, sig);
      expect(toHex(recovered)).toBe(toHex(digest));
      const nodeSig = new Uint8Array(
        crypto.privateEncrypt({ key: k.node, padding: crypto.constants.RSA_PKCS1_PADDING }, digest),
      );
      expect(k.ours.publicKey.verifyPkcs1v15("md5-sha1", digest, nodeSig)).toBe(true);
      expectRejections((s, d) => k.ours.publicKey.verifyPkcs1v15("md5-sha1" as SignatureHash, d, s), nodeSig, digest);
    });

    eachKey("RSASSA-PSS (salt = digest length) verifies both ways with node:crypto", async (k) => {
      const msg = patternBytes(90, 73);
      for (const h of PSS_HASHES) {
        const digest = p.hash(h, msg);
        if (Math.ceil((k.bits - 1) / 8) < 2 * digest.length + 2) continue; // RFC 8017 §9.1.1 step 3
        const pss = { key: k.node, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: digest.length };
        const sig = await k.ours.signPss(h, digest);
        expect(crypto.verify(h, msg, pss, sig), h).toBe(true);
        expect(toHex(sig)).not.toBe(toHex(await k.ours.signPss(h, digest))); // random salt
        const nodeSig = new Uint8Array(crypto.sign(h, msg, pss));
        expect(k.ours.publicKey.verifyPss(h, digest, nodeSig), h).toBe(true);
        expectRejections((s, d) => k.ours.publicKey.verifyPss(h, d, s), nodeSig, digest);
      }
    });

    it("verifies Wycheproof RSASSA-PKCS1-v1_5 SHA-256 signatures (valid accepted, invalid rejected)", () => {
      const pub = p.importRsaPublicKey({ n: hex(file.verify.n), e: hex(file.verify.e) });
      for (const v of file.verify.tests) {
        const ok = pub.verifyPkcs1v15("sha256", p.hash("sha256", hex(v.msg)), hex(v.sig));
        expect(ok, `tcId ${v.tcId} ${v.comment}`).toBe(v.result === "valid");
      }
    });
  });
}

/** A good signature must fail after a bit flip, truncation, or with a different digest. */
function expectRejections(
  verify: (sig: Uint8Array, digest: Uint8Array) => boolean,
  sig: Uint8Array,
  digest: Uint8Array,
) {
  const flipped = sig.slice();
  flipped[sig.length >> 1] ^= 4;
  expect(verify(flipped, digest)).toBe(false);
  expect(verify(sig.subarray(1), digest)).toBe(false);
  const otherDigest = digest.slice();
  otherDigest[0] ^= 1;
  expect(verify(sig, otherDigest)).toBe(false);
  expect(verify(new Uint8Array(sig.length), digest)).toBe(false);
}
