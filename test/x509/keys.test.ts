import { createPrivateKey, createPublicKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RsaPrivateComponents } from "../../tls/provider.js";
import { DerError } from "../../tls/x509/errors.js";
import {
  decodeRsaPrivateKey,
  decodeRsaPrivateKeyPem,
  decodeRsaPublicKey,
  decodeRsaPublicKeyPem,
  encodeRsaPrivateKeyPkcs1,
  encodeRsaPrivateKeyPkcs8,
  encodeRsaPublicKeyPkcs1,
  encodeRsaPublicKeySpki,
} from "../../tls/x509/keys.js";
import { decodePem, encodePem } from "../../tls/x509/pem.js";
import { OpenSslDir } from "./openssl.js";

const b64u = (b: Uint8Array) => Buffer.from(b).toString("base64url");

/** node:crypto's view of the key as JWK (base64url big-endian integers without sign bytes). */
function jwkOf(pem: string): Record<string, string> {
  return createPrivateKey(pem).export({ format: "jwk" }) as Record<string, string>;
}

function asJwk(c: RsaPrivateComponents): Record<string, string> {
  return {
    n: b64u(c.n),
    e: b64u(c.e),
    d: b64u(c.d),
    p: b64u(c.p),
    q: b64u(c.q),
    dp: b64u(c.dp),
    dq: b64u(c.dq),
    qi: b64u(c.qinv),
  };
}

const files: Record<string, string> = {};
let ssl: OpenSslDir;

beforeAll(() => {
  ssl = new OpenSslDir();
  for (const bits of [1024, 2048]) {
    ssl.run("genrsa", "-traditional", "-out", `pkcs1-${bits}.pem`, String(bits));
    ssl.run("pkey", "-in", `pkcs1-${bits}.pem`, "-out", `pkcs8-${bits}.pem`);
    ssl.run("rsa", "-in", `pkcs1-${bits}.pem`, "-pubout", "-out", `spki-${bits}.pem`);
    ssl.run("rsa", "-in", `pkcs1-${bits}.pem`, "-RSAPublicKey_out", "-out", `rsapub-${bits}.pem`);
    for (const name of ["pkcs1", "pkcs8", "spki", "rsapub"]) files[`${name}-${bits}`] = ssl.read(`${name}-${bits}.pem`);
  }
  ssl.run("genrsa", "-traditional", "-3", "-out", "e3.pem", "1024");
  files.e3 = ssl.read("e3.pem");
  ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem");
  files.ec = ssl.read("ec.pem");
  ssl.run("pkcs8", "-topk8", "-in", "pkcs1-1024.pem", "-passout", "pass:x", "-out", "enc.pem");
  files.enc = ssl.read("enc.pem");
});
afterAll(() => ssl?.dispose());

describe("RSA private keys from openssl", () => {
  it.each(["pkcs1-1024", "pkcs8-1024", "pkcs1-2048", "pkcs8-2048", "e3"])("%s matches node:crypto JWK", (name) => {
    const pem = files[name]!;
    const expected = jwkOf(pem);
    const key = decodeRsaPrivateKeyPem(pem);
    expect(asJwk(key)).toEqual({
      n: expected.n,
      e: expected.e,
      d: expected.d,
      p: expected.p,
      q: expected.q,
      dp: expected.dp,
      dq: expected.dq,
      qi: expected.qi,
    });
    expect(key.n[0]).not.toBe(0);
  });

  it.each(["1024", "2048"])("re-encodes %s-bit keys byte-identically to openssl (PKCS#1 and PKCS#8)", (bits) => {
    const pkcs1 = decodePem(files[`pkcs1-${bits}`]!)[0]!.der;
    const pkcs8 = decodePem(files[`pkcs8-${bits}`]!)[0]!.der;
    const key = decodeRsaPrivateKey(pkcs1);
    expect(Buffer.from(encodeRsaPrivateKeyPkcs1(key)).equals(Buffer.from(pkcs1))).toBe(true);
    expect(Buffer.from(encodeRsaPrivateKeyPkcs8(key)).equals(Buffer.from(pkcs8))).toBe(true);
    expect(decodeRsaPrivateKey(pkcs8)).toEqual(key);
    // node:crypto accepts our encodings
    const fromOurs = createPrivateKey({
      key: Buffer.from(encodeRsaPrivateKeyPkcs1(key)),
      format: "der",
      type: "pkcs1",
    });
    expect(fromOurs.export({ format: "jwk" })).toEqual(jwkOf(files[`pkcs1-${bits}`]!));
  });

  it("rejects non-RSA, encrypted and malformed keys", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return "OK";
      } catch (e) {
        return e instanceof DerError ? e.reason : String(e);
      }
    };
    expect(code(() => decodeRsaPrivateKeyPem(files.ec!))).toBe("UNSUPPORTED_KEY");
    expect(code(() => decodeRsaPrivateKeyPem(files.enc!))).toBe("UNSUPPORTED_KEY");
    const der = decodePem(files["pkcs1-1024"]!)[0]!.der;
    expect(code(() => decodeRsaPrivateKey(Uint8Array.from([...der, 0])))).toBe("TRAILING_DATA");
    expect(code(() => decodeRsaPrivateKey(der.subarray(0, der.length - 1)))).toBe("TRUNCATED");
    const asSet = der.slice();
    asSet[0] = 0x31;
    expect(code(() => decodeRsaPrivateKey(asSet))).toBe("UNEXPECTED_TAG");
    expect(code(() => decodeRsaPublicKey(asSet))).toBe("UNEXPECTED_TAG");
    const v1 = der.slice();
    v1[6] = 1; // version INTEGER value: 30 82 xx xx 02 01 [00]
    expect(code(() => decodeRsaPrivateKey(v1))).toBe("UNSUPPORTED_KEY");
  });
});

describe("RSA public keys", () => {
  it.each(["1024", "2048"])("SPKI and PKCS#1 %s-bit keys match node:crypto and round-trip", (bits) => {
    const spki = decodePem(files[`spki-${bits}`]!)[0]!.der;
    const pkcs1 = decodePem(files[`rsapub-${bits}`]!)[0]!.der;
    const key = decodeRsaPublicKey(spki);
    const jwk = createPublicKey(files[`spki-${bits}`]!).export({ format: "jwk" }) as Record<string, string>;
    expect({ n: b64u(key.n), e: b64u(key.e) }).toEqual({ n: jwk.n, e: jwk.e });
    expect(decodeRsaPublicKey(pkcs1)).toEqual(key);
    expect(decodeRsaPublicKeyPem(files[`rsapub-${bits}`]!)).toEqual(key);
    expect(Buffer.from(encodeRsaPublicKeySpki(key)).equals(Buffer.from(spki))).toBe(true);
    expect(Buffer.from(encodeRsaPublicKeyPkcs1(key)).equals(Buffer.from(pkcs1))).toBe(true);
  });

  it("rejects a non-RSA SubjectPublicKeyInfo", () => {
    const ecSpki = createPublicKey(files.ec!).export({ format: "der", type: "spki" });
    expect(() => decodeRsaPublicKey(new Uint8Array(ecSpki))).toThrow(/UNSUPPORTED_KEY/);
  });
});

describe("PEM", () => {
  it("round-trips and decodes bundles with text between blocks", () => {
    const a = Uint8Array.from({ length: 100 }, (_, i) => i);
    const b = Uint8Array.of(1, 2);
    const bundle = `# comment\n${encodePem("CERTIFICATE", a)}junk\n${encodePem("X509 CRL", b)}`;
    expect(decodePem(bundle)).toEqual([
      { label: "CERTIFICATE", der: a },
      { label: "X509 CRL", der: b },
    ]);
    expect(encodePem("A", Uint8Array.of(0xfb, 0xff))).toBe(
      `-----BEGIN A-----\n${Buffer.from([0xfb, 0xff]).toString("base64")}\n-----END A-----\n`,
    );
  });

  it.each([0, 1, 2, 3, 47, 48, 49, 200])("encodes %i bytes like Buffer base64", (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
    const body = encodePem("X", bytes).split("\n").slice(1, -2).join("");
    expect(body).toBe(Buffer.from(bytes).toString("base64"));
    expect(decodePem(encodePem("X", bytes))[0]!.der).toEqual(bytes);
  });

  it.each([
    ["no block", "hello"],
    ["label mismatch", "-----BEGIN A-----\nAAAA\n-----END B-----"],
    ["bad character", "-----BEGIN A-----\nAA*A\n-----END A-----"],
    ["bad length", "-----BEGIN A-----\nAAA\n-----END A-----"],
    ["non-canonical pad bits", "-----BEGIN A-----\nAB==\n-----END A-----"],
    ["padding in the middle", "-----BEGIN A-----\nAA==AAAA\n-----END A-----"],
    ["headers", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----"],
  ])("rejects %s", (_name, text) => {
    expect(() => decodePem(text)).toThrow(/BAD_PEM/);
  });
});
