import * as crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeCryptoProvider as p } from "../bindings/node-provider.js";
import type { ProviderRsaPrivateKey, RsaPrivateComponents } from "../tls/provider.js";
import { fromHex as hex } from "./support/bytes.js";

const fromB64u = (s: string) => Uint8Array.from(Buffer.from(s, "base64url"));

let keyObject: crypto.KeyObject;
let key: ProviderRsaPrivateKey;

beforeAll(() => {
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
  keyObject = pair.privateKey;
  const jwk = pair.privateKey.export({ format: "jwk" });
  const c: RsaPrivateComponents = {
    n: fromB64u(jwk.n!),
    e: fromB64u(jwk.e!),
    d: fromB64u(jwk.d!),
    p: fromB64u(jwk.p!),
    q: fromB64u(jwk.q!),
    dp: fromB64u(jwk.dp!),
    dq: fromB64u(jwk.dq!),
    qinv: fromB64u(jwk.qi!),
  };
  key = p.importRsaPrivateKey(c);
});

describe("node:crypto reference provider", () => {
  it("computes the TLS 1.2 SHA-256 PRF test vector", () => {
    const out = p.prfTls12(
      "sha256",
      hex("9bbe436ba940f017b17652849a71db35"),
      "test label",
      hex("a0ba9f936cda311827a6f796ffd5198c"),
      100,
    );
    expect(Buffer.from(out.subarray(0, 16)).toString("hex")).toBe("e3f229ba727be17b8d122620557cd453");
    expect(out.length).toBe(100);
  });

  it("decrypts a well-formed premaster and substitutes random bytes otherwise", () => {
    const premaster = Uint8Array.from([3, 3, ...crypto.randomBytes(46)]);
    const ct = crypto.publicEncrypt({ key: keyObject, padding: crypto.constants.RSA_PKCS1_PADDING }, premaster);
    expect(key.decryptTlsPremaster(ct, 0x0303)).toEqual(premaster);
    const wrongVersion = key.decryptTlsPremaster(ct, 0x0302) as Uint8Array;
    expect(wrongVersion.length).toBe(48);
    expect(wrongVersion).not.toEqual(premaster);
    const short = crypto.publicEncrypt(
      { key: keyObject, padding: crypto.constants.RSA_PKCS1_PADDING },
      premaster.subarray(0, 47),
    );
    expect((key.decryptTlsPremaster(short, 0x0303) as Uint8Array).length).toBe(48);
    expect((key.decryptTlsPremaster(new Uint8Array(3), 0x0303) as Uint8Array).length).toBe(48);
  });

  it("signs PKCS#1 v1.5 and PSS in forms node:crypto verifies, and verifies node's signatures", () => {
    const msg = new TextEncoder().encode("hello");
    const d = p.hash("sha256", msg);
    const sig = key.signPkcs1v15("sha256", d) as Uint8Array;
    expect(crypto.verify("sha256", msg, keyObject, sig)).toBe(true);
    const pss = key.signPss("sha256", d) as Uint8Array;
    const pssOpts = { key: keyObject, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(crypto.verify("sha256", msg, pssOpts, pss)).toBe(true);
    const nodePss = crypto.sign("sha256", msg, pssOpts);
    expect(key.publicKey.verifyPss("sha256", d, nodePss)).toBe(true);
    expect(key.publicKey.verifyPkcs1v15("sha256", d, crypto.sign("sha256", msg, keyObject))).toBe(true);
    nodePss[5] ^= 1;
    expect(key.publicKey.verifyPss("sha256", d, nodePss)).toBe(false);
  });

  it("chains the CBC IV across calls and rejects a tampered GCM record", () => {
    const k = crypto.randomBytes(16);
    const iv = crypto.randomBytes(16);
    const data = crypto.randomBytes(64);
    const whole = p.createCbc("aes", k, iv).encrypt(data);
    const c = p.createCbc("aes", k, iv);
    const parts = Buffer.concat([c.encrypt(data.subarray(0, 32)), c.encrypt(data.subarray(32))]);
    expect(Uint8Array.from(parts)).toEqual(whole);
    expect(p.createCbc("aes", k, iv).decrypt(whole)).toEqual(Uint8Array.from(data));
    const g = p.createGcm(k);
    const nonce = crypto.randomBytes(12);
    const sealed = g.seal(nonce, data, new Uint8Array(13));
    expect(g.open(nonce, sealed, new Uint8Array(13))).toEqual(Uint8Array.from(data));
    sealed[0] ^= 1;
    expect(g.open(nonce, sealed, new Uint8Array(13))).toBeNull();
  });
});
