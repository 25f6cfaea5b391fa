// reclaim's TLS client, with wassl's reclaim backend installed, against a local Node TLS server:
// TLS 1.2 with RSA key exchange and ECDHE (GCM and CBC), and TLS 1.3, exchanging data. The backend's
// counters prove our provider did the hashing, HMAC/HKDF, AES and RSA work.
import { setCryptoImplementation } from "@reclaimprotocol/tls";
import { pureJsCrypto } from "@reclaimprotocol/tls/purejs-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReclaimCrypto, type ReclaimCallCounters, resetReclaimCounters } from "../../bindings/reclaim.js";
import type { CryptoProvider } from "../../tls/provider.js";
import { type TestPki, testPki } from "../support/certs.js";
import { type ClientSettings, reclaimRoundTrip, type ServerSettings, startEchoServer } from "./peer.js";

type Check = (c: ReclaimCallCounters) => void;

const usesTls12Prf: Check = (c) => {
  expect(c.hmac).toBeGreaterThan(10);
  expect(c.hash).toBeGreaterThan(0);
  expect(c.rsaVerifyPkcs1).toBeGreaterThan(0); // certificate chain (sha256WithRSAEncryption)
};
const usesGcm: Check = (c) => {
  expect(c.gcmEncrypt).toBeGreaterThan(1);
  expect(c.gcmDecrypt).toBeGreaterThan(1);
};
const delegatesKeyAgreement: Check = (c) => expect(c.delegated.calculateSharedSecret).toBe(1);

const CASES: { name: string; server: ServerSettings; client: ClientSettings; suite: string; checks: Check[] }[] = [
  {
    name: "TLS 1.2 RSA key exchange, AES-128-GCM",
    server: { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers: "AES128-GCM-SHA256" },
    client: { supportedProtocolVersions: ["TLS1_2"], cipherSuites: ["TLS_RSA_WITH_AES_128_GCM_SHA256"] },
    suite: "TLS_RSA_WITH_AES_128_GCM_SHA256",
    checks: [usesTls12Prf, usesGcm, (c) => expect(c.rsaEncrypt).toBe(1)],
  },
  {
    name: "TLS 1.2 ECDHE-RSA (P-256), AES-128-GCM",
    server: { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers: "ECDHE-RSA-AES128-GCM-SHA256" },
    client: {
      supportedProtocolVersions: ["TLS1_2"],
      cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"],
      namedCurves: ["SECP256R1"],
    },
    suite: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    checks: [
      usesTls12Prf,
      usesGcm,
      delegatesKeyAgreement,
      (c) => expect(c.rsaVerifyPss + c.rsaVerifyPkcs1).toBeGreaterThan(1),
    ],
  },
  {
    name: "TLS 1.2 ECDHE-RSA (X25519), AES-256-GCM-SHA384",
    server: { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers: "ECDHE-RSA-AES256-GCM-SHA384" },
    client: {
      supportedProtocolVersions: ["TLS1_2"],
      cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"],
      namedCurves: ["X25519"],
    },
    suite: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    checks: [usesTls12Prf, usesGcm, delegatesKeyAgreement],
  },
  {
    name: "TLS 1.2 ECDHE-RSA (X25519), AES-128-CBC-SHA",
    server: { minVersion: "TLSv1.2", maxVersion: "TLSv1.2", ciphers: "ECDHE-RSA-AES128-SHA" },
    client: {
      supportedProtocolVersions: ["TLS1_2"],
      cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"],
      namedCurves: ["X25519"],
    },
    suite: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
    checks: [
      usesTls12Prf,
      delegatesKeyAgreement,
      (c) => expect([c.cbcEncrypt > 1, c.cbcDecrypt > 1, c.gcmEncrypt]).toEqual([true, true, 0]),
    ],
  },
  {
    name: "TLS 1.3 AES-128-GCM-SHA256 (X25519)",
    server: { minVersion: "TLSv1.3", maxVersion: "TLSv1.3" },
    client: {
      supportedProtocolVersions: ["TLS1_3"],
      cipherSuites: ["TLS_AES_128_GCM_SHA256"],
      namedCurves: ["X25519"],
    },
    suite: "TLS_AES_128_GCM_SHA256",
    checks: [
      usesGcm,
      delegatesKeyAgreement,
      (c) => expect([c.extract > 2, c.rsaVerifyPss > 0, c.hmac > 5]).toEqual([true, true, true]),
    ],
  },
  {
    name: "TLS 1.3 AES-256-GCM-SHA384 (P-384)",
    server: { minVersion: "TLSv1.3", maxVersion: "TLSv1.3" },
    client: {
      supportedProtocolVersions: ["TLS1_3"],
      cipherSuites: ["TLS_AES_256_GCM_SHA384"],
      namedCurves: ["SECP384R1"],
    },
    suite: "TLS_AES_256_GCM_SHA384",
    checks: [usesGcm, delegatesKeyAgreement, (c) => expect([c.extract > 2, c.rsaVerifyPss > 0]).toEqual([true, true])],
  },
  {
    name: "TLS 1.3 ChaCha20-Poly1305 (delegated to the fallback)",
    server: { minVersion: "TLSv1.3", maxVersion: "TLSv1.3" },
    client: {
      supportedProtocolVersions: ["TLS1_3"],
      cipherSuites: ["TLS_CHACHA20_POLY1305_SHA256"],
      namedCurves: ["X25519"],
    },
    suite: "TLS_CHACHA20_POLY1305_SHA256",
    checks: [
      (c) => expect([c.gcmEncrypt, c.delegated.authenticatedEncrypt > 0, c.extract > 2]).toEqual([0, true, true]),
    ],
  },
];

/** Runs every case with reclaim's client using our backend over `provider`. */
export function describeReclaimBackend(provider: CryptoProvider): void {
  describe(`@reclaimprotocol/tls with the wassl backend over ${provider.name}`, () => {
    let pki: TestPki;
    const backend = createReclaimCrypto({ provider, fallback: pureJsCrypto });

    beforeAll(() => {
      pki = testPki();
      setCryptoImplementation(backend.crypto);
    });
    afterAll(() => setCryptoImplementation(pureJsCrypto));

    it.each(CASES)("$name: handshakes and exchanges data", async ({ server, client, suite, checks }) => {
      resetReclaimCounters(backend.counters);
      const peer = await startEchoServer(pki, server);
      try {
        const result = await reclaimRoundTrip(peer.port, pki.caCert, client, "ping from reclaim");
        expect(result.reply).toBe("echo:ping from reclaim");
        expect(result.cipherSuite).toBe(suite);
        expect((await peer.negotiated).cipher).toBe(suite);
        expect(backend.counters.random).toBeGreaterThan(0);
        for (const check of checks) check(backend.counters);
      } finally {
        await peer.close();
      }
    });
  });
}
