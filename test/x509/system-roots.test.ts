// Differential test over real-world certificates: the system trust store, when present.
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { Certificate } from "../../tls/x509/certificate.js";
import { checkCertificateSignature } from "../../tls/x509/signature-check.js";

const BUNDLE = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"].find((p) => existsSync(p));
const sha256 = (d: Uint8Array) => new Uint8Array(createHash("sha256").update(d).digest());

describe.skipIf(!BUNDLE)("system trust store", () => {
  it("parses every root exactly like node:crypto X509Certificate", () => {
    const roots = Certificate.allFromPem(readFileSync(BUNDLE!, "utf8"));
    expect(roots.length).toBeGreaterThan(50);
    const mismatches: string[] = [];
    for (const cert of roots) {
      const node = new X509Certificate(Buffer.from(cert.raw));
      const s = cert.summary(sha256);
      // directoryName/otherName SAN entries are counted, not rendered: compare SANs only without them.
      const comparableSan = (cert.extensions.subjectAltNames?.otherCount ?? 0) === 0;
      const ours = [
        s.subject,
        s.issuer,
        s.valid_from,
        s.valid_to,
        s.serialNumber,
        s.fingerprint256,
        comparableSan && s.subjectaltname,
        cert.isCa,
      ];
      const theirs = [
        node.subject,
        node.issuer,
        node.validFrom,
        node.validTo,
        node.serialNumber,
        node.fingerprint256,
        comparableSan && node.subjectAltName,
        node.ca,
      ];
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) mismatches.push(JSON.stringify([ours, theirs]));
    }
    expect(mismatches).toEqual([]);
  });

  it("self-signature checks of the RSA roots agree with X509Certificate.verify", () => {
    const roots = Certificate.allFromPem(readFileSync(BUNDLE!, "utf8")).filter((c) => c.publicKey && c.isSelfIssued);
    expect(roots.length).toBeGreaterThan(20);
    for (const cert of roots) {
      const node = new X509Certificate(Buffer.from(cert.raw));
      const error = checkCertificateSignature(cert, cert, nodeCryptoProvider);
      const expected = node.verify(node.publicKey);
      if (error && expected)
        expect(error.reason).toBe("CA_MD_TOO_WEAK"); // only MD5 may differ
      else expect(error === null).toBe(expected);
    }
  });
});
