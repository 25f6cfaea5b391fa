// Client certificate authentication, both roles: CertificateRequest with CA names, the client's chain,
// CertificateVerify (TLS 1.2 scheme hash, MD5‖SHA-1 before), and the server's policy.
import { describe, expect, it } from "vitest";
import type { CryptoProvider } from "../../tls/index.js";
import { decodeCertificateRequest } from "../../tls/messages/certificate.js";
import { testPki } from "../support/certs.js";
import { parseHandshakeFlight } from "../support/records.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, sentAlerts, serverOptions } from "./fixtures.js";

const pki = testPki();
const withClientCert = (extra = {}) => clientOptions({ cert: pki.clientCert, key: pki.clientKey, ...extra });
const requesting = (extra = {}) => serverOptions({ requestCert: true, ca: pki.caCert, ...extra });

describe("client authentication", () => {
  it.each(["TLSv1", "TLSv1.1", "TLSv1.2"] as const)(
    "%s: the server verifies the client's chain and signature",
    async (v) => {
      const versions = { minVersion: v, maxVersion: v };
      const pair = await handshakePair(withClientCert(versions), requesting(versions));
      expect(pair.serverLog.handshake?.authorized).toBe(true);
      expect(pair.serverLog.handshake?.peerCertificates).toHaveLength(1);
      expect(pair.serverLog.trace).toContain("client signature verified");
      expect(pair.clientLog.handshake?.version).toBe(v);
    },
  );

  it("CertificateRequest names the trusted CA and offers TLS 1.2 schemes", async () => {
    const flights: Uint8Array[] = [];
    await handshakePair(withClientCert(), requesting(), (from, b) => {
      if (from === "server") flights.push(b);
      return b;
    });
    const request = parseHandshakeFlight(flights[0]).find((m) => m.type === 13)!;
    const decoded = decodeCertificateRequest(request.body, 0x0303);
    expect(decoded.certificateTypes).toEqual([1]);
    expect(decoded.signatureAlgorithms).toContain(0x0401);
    expect(decoded.authorities).toHaveLength(1);
  });

  it("a client without a certificate is refused (handshake_failure), or unauthorized when lax", async () => {
    const strict = await handshakePair(clientOptions(), requesting());
    expect(sentAlerts(strict.serverLog)).toEqual(["handshake_failure"]);
    const lax = await handshakePair(clientOptions(), requesting({ rejectUnauthorized: false }));
    expect(lax.serverLog.handshake?.authorized).toBe(false);
    expect(lax.serverLog.handshake?.authorizationError).toBe("PEER_DID_NOT_RETURN_A_CERTIFICATE");
  });

  it("a client certificate from an unknown CA → unknown_ca", async () => {
    const pair = await handshakePair(withClientCert(), requesting({ ca: pki.serverCert }));
    expect(sentAlerts(pair.serverLog)).toEqual(["unknown_ca"]);
  });

  it("a server certificate is not a client certificate (extended key usage) → unsupported_certificate", async () => {
    const pair = await handshakePair(clientOptions({ cert: pki.serverCert, key: pki.serverKey }), requesting());
    expect(sentAlerts(pair.serverLog)).toEqual(["unsupported_certificate"]);
  });

  it.each(["TLSv1", "TLSv1.2"] as const)("%s: a bad CertificateVerify signature → decrypt_error", async (v) => {
    const corrupt: CryptoProvider = {
      ...provider,
      importRsaPrivateKey(components) {
        const real = provider.importRsaPrivateKey(components);
        const wrapped = Object.create(real);
        wrapped.signPkcs1v15 = async (hash: never, digest: Uint8Array) => {
          const sig = await real.signPkcs1v15(hash, digest);
          sig[10] ^= 1;
          return sig;
        };
        return wrapped;
      },
    };
    const versions = { minVersion: v, maxVersion: v };
    const pair = await handshakePair(withClientCert({ ...versions, provider: corrupt }), requesting(versions));
    expect(sentAlerts(pair.serverLog)).toEqual(["decrypt_error"]);
  });

  it("a client without credentials answers a request with an empty Certificate", async () => {
    const pair = await handshakePair(clientOptions(), requesting({ rejectUnauthorized: false }));
    expect(pair.clientLog.trace).toContain("Certificate sent");
    expect(pair.clientLog.trace).not.toContain("CertificateVerify sent");
  });
});
