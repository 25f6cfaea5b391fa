import { createHash, X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Certificate } from "../../tls/x509/certificate.js";
import { encodeBitString, encodeOid, encodeSequence, encodeTlv } from "../../tls/x509/der-writer.js";
import { CertificateError } from "../../tls/x509/errors.js";
import { encodePem } from "../../tls/x509/pem.js";
import { buildChainFixtures, type ChainFixtures } from "./chains.js";

let fx: ChainFixtures;
beforeAll(() => {
  fx = buildChainFixtures();
});

const sha256 = (d: Uint8Array) => new Uint8Array(createHash("sha256").update(d).digest());
const b64u = (b: Uint8Array) => Buffer.from(b).toString("base64url");

const NAMES = [
  "root",
  "inter",
  "interNotCa",
  "leaf",
  "leafSha1",
  "leafSha384",
  "leafSha512",
  "leafPss",
  "leafMd5",
  "leafWildcard",
  "leafCnOnly",
  "leafUnknownCritical",
  "selfSigned",
];

describe("Certificate parsing vs node:crypto X509Certificate", () => {
  it.each(NAMES)("%s: names, dates, serial, SAN, fingerprint, key", (name) => {
    const cert = Certificate.fromPem(fx.pem[name]!);
    const node = new X509Certificate(fx.pem[name]!);
    const summary = cert.summary(sha256);
    expect(summary.subject).toBe(node.subject);
    expect(summary.issuer).toBe(node.issuer);
    expect(summary.valid_from).toBe(node.validFrom);
    expect(summary.valid_to).toBe(node.validTo);
    expect(summary.serialNumber).toBe(node.serialNumber);
    expect(summary.subjectaltname).toBe(node.subjectAltName);
    expect(summary.fingerprint256).toBe(node.fingerprint256);
    expect(cert.isCa).toBe(node.ca);
    expect(cert.extensions.extKeyUsage ?? undefined).toEqual(node.keyUsage);
    const jwk = node.publicKey.export({ format: "jwk" });
    expect({ n: b64u(cert.publicKey!.n), e: b64u(cert.publicKey!.e) }).toEqual({ n: jwk.n, e: jwk.e });
    expect(Buffer.from(cert.raw).equals(node.raw)).toBe(true);
    expect(cert.version).toBe(3);
  });

  it("decodes extensions and signature algorithms", () => {
    const root = Certificate.fromDer(fx.der.root!);
    expect(root.extensions.basicConstraints).toEqual({ ca: true, pathLength: undefined });
    expect([...root.extensions.keyUsage!].sort()).toEqual(["cRLSign", "keyCertSign"]);
    expect(root.isSelfIssued).toBe(true);
    const inter = Certificate.fromDer(fx.der.inter!);
    expect(inter.extensions.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(inter.extensions.authorityKeyIdentifier!.keyIdentifier).toEqual(root.extensions.subjectKeyIdentifier);
    expect(inter.extensions.all.find((e) => e.oid === "2.5.29.19")!.critical).toBe(true);
    const leaf = Certificate.fromDer(fx.der.leaf!);
    expect(leaf.subject.commonName).toBe("a.example.com");
    expect(leaf.extensions.subjectAltNames!.dnsNames).toEqual(["a.example.com", "*.wild.example.com"]);
    expect(leaf.extensions.subjectAltNames!.ipAddresses.map((ip) => ip.length)).toEqual([4, 16]);
    expect([...leaf.extensions.keyUsage!].sort()).toEqual(["digitalSignature", "keyEncipherment"]);
    expect(leaf.extensions.unhandledCritical).toEqual([]);
    expect(leaf.signatureAlgorithm).toEqual({ kind: "pkcs1v15", oid: "1.2.840.113549.1.1.11", hash: "sha256" });
    expect(Certificate.fromDer(fx.der.leafSha1!).signatureAlgorithm).toMatchObject({ hash: "sha1" });
    expect(Certificate.fromDer(fx.der.leafSha384!).signatureAlgorithm).toMatchObject({ hash: "sha384" });
    expect(Certificate.fromDer(fx.der.leafSha512!).signatureAlgorithm).toMatchObject({ hash: "sha512" });
    expect(Certificate.fromDer(fx.der.leafMd5!).signatureAlgorithm).toMatchObject({ kind: "pkcs1v15", hash: "md5" });
    expect(Certificate.fromDer(fx.der.leafPss!).signatureAlgorithm).toEqual({
      kind: "pss",
      oid: "1.2.840.113549.1.1.10",
      hash: "sha256",
      mgfHash: "sha256",
      saltLength: 32,
      trailerField: 1,
    });
    expect(Certificate.fromDer(fx.der.leafPssMaxSalt!).signatureAlgorithm).toMatchObject({
      kind: "pss",
      saltLength: 128 - 32 - 2,
    });
    expect(Certificate.fromDer(fx.der.leafUnknownCritical!).extensions.unhandledCritical).toEqual([
      "1.3.6.1.4.1.99999.1",
    ]);
    expect(Certificate.fromDer(fx.der.leafUnknownNonCritical!).extensions.unhandledCritical).toEqual([]);
    expect(Certificate.fromDer(fx.der.leafCnOnly!).extensions.subjectAltNames).toBeUndefined();
  });

  it("parses non-RSA keys and version 1 certificates", () => {
    const ec = Certificate.fromDer(fx.der.leafEc!);
    expect(ec.publicKey).toBeNull();
    expect(ec.subjectPublicKeyInfo.algorithm).toBe("1.2.840.10045.2.1");
    const v1 = Certificate.fromDer(fx.der.v1Root!);
    expect(v1.version).toBe(1);
    expect(v1.extensions.all).toEqual([]);
    expect(v1.isCa).toBe(false);
  });

  it("keeps the exact TBS bytes that node verifies", () => {
    const leaf = Certificate.fromDer(fx.der.leaf!);
    const tbsLength = leaf.tbs.length;
    expect(Buffer.from(fx.der.leaf!).indexOf(Buffer.from(leaf.tbs))).toBe(4);
    expect(tbsLength).toBeGreaterThan(200);
    expect(leaf.signature.length).toBe(128);
  });

  it("parses bundles and skips non-certificate blocks", () => {
    const bundle = `${fx.pem.root}\n${encodePem("X509 CRL", Uint8Array.of(1))}${fx.pem.inter}`;
    const certs = Certificate.allFromPem(bundle);
    expect(certs.map((c) => c.subject.commonName)).toEqual(["Test Root", "Test Intermediate"]);
    expect(JSON.parse(JSON.stringify(certs[0]))).toMatchObject({ subject: "O=wassl test\nCN=Test Root" });
  });

  const corruptions: [string, (der: Uint8Array) => Uint8Array][] = [
    ["trailing byte", (d) => Uint8Array.from([...d, 0])],
    ["truncated", (d) => d.subarray(0, d.length - 1)],
    ["outer SET instead of SEQUENCE", (d) => Uint8Array.from([0x31, ...d.subarray(1)])],
    ["inner/outer algorithm mismatch", (d) => swapOuterAlgorithm(d)],
    ["not a certificate", () => encodeSequence([encodeOid("1.2.3")])],
    ["indefinite length", (d) => Uint8Array.from([0x30, 0x80, ...d.subarray(4), 0, 0])],
  ];
  it.each(corruptions)("rejects %s with CERT_PARSE_ERROR", (_name, corrupt) => {
    try {
      Certificate.fromDer(corrupt(fx.der.leaf!));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CertificateError);
      expect((e as CertificateError).reason).toBe("CERT_PARSE_ERROR");
    }
  });
  it("rejects PEM without a certificate", () => {
    expect(() => Certificate.fromPem(encodePem("X509 CRL", Uint8Array.of(1)))).toThrow(CertificateError);
    expect(() => Certificate.fromPem("nothing")).toThrow(CertificateError);
  });
});

/** Re-encodes the certificate with sha512WithRSAEncryption as the outer algorithm only. */
function swapOuterAlgorithm(der: Uint8Array): Uint8Array {
  const cert = Certificate.fromDer(der);
  const alg = encodeSequence([encodeOid("1.2.840.113549.1.1.13"), Uint8Array.of(5, 0)]);
  return encodeTlv(0x30, Uint8Array.from([...cert.tbs, ...alg, ...encodeBitString(cert.signature)]));
}
