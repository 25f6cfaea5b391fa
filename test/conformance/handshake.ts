// Conformance: full client↔server handshakes through the sans-I/O engine with the provider on both
// sides (RSA key exchange; GCM, CBC with implicit and explicit IVs, 3DES, DES, RC4), exchanging data
// both ways. This exercises every provider operation the engine uses, in the engine's own patterns.
import { describe, expect, it } from "vitest";
import type { CryptoProvider, TlsVersionName } from "../../tls/index.js";
import { testPki } from "../support/certs.js";
import { handshakePair } from "../support/tls-pair.js";
import type { CapabilityGate, OptionalCapability } from "./suite.js";

interface HandshakeCase {
  suite: string;
  version: TlsVersionName;
  needs?: OptionalCapability;
  legacy?: boolean;
}

const CASES: HandshakeCase[] = [
  { suite: "AES128-GCM-SHA256", version: "TLSv1.2" },
  { suite: "AES256-GCM-SHA384", version: "TLSv1.2" },
  { suite: "AES128-SHA256", version: "TLSv1.2" },
  { suite: "AES256-SHA", version: "TLSv1.1" },
  { suite: "AES128-SHA", version: "TLSv1" },
  { suite: "DES-CBC3-SHA", version: "TLSv1.2", needs: "3des" },
  { suite: "DES-CBC-SHA", version: "TLSv1.1", needs: "des", legacy: true },
  { suite: "RC4-SHA", version: "TLSv1.2", needs: "rc4", legacy: true },
];

const encode = (s: string) => new TextEncoder().encode(s);

/** Registers the engine handshake tests for `provider`. */
export function registerHandshakeTests(provider: CryptoProvider, gate: CapabilityGate): void {
  describe("full handshake through the engine (provider on both sides)", () => {
    for (const c of CASES) {
      const register = () =>
        it(`${c.suite} over ${c.version}: handshake, then data both ways`, async () => {
          const pki = testPki();
          const common = { provider, ciphers: c.suite, minVersion: c.version, maxVersion: c.version, legacy: c.legacy };
          const pair = await handshakePair(
            { ...common, ca: pki.caCert, servername: "localhost" },
            { ...common, cert: pki.serverCert, key: pki.serverKey },
          );
          for (const log of [pair.clientLog, pair.serverLog]) {
            expect(log.handshake?.cipherSuite.openssl).toBe(c.suite);
            expect(log.handshake?.version).toBe(c.version);
          }
          expect(pair.clientLog.handshake?.authorized).toBe(true);
          const toServer = encode(`client → server over ${c.suite} `.repeat(40)); // several CBC blocks, > 1 record chunk
          const toClient = encode("server → client");
          await pair.client.write(toServer);
          await pair.server.write(toClient);
          await pair.client.write(toServer.subarray(0, 7));
          await pair.settle();
          expect(new TextDecoder().decode(pair.received("server"))).toBe(
            new TextDecoder().decode(toServer) + new TextDecoder().decode(toServer.subarray(0, 7)),
          );
          expect(pair.received("client")).toEqual(toClient);
          expect([pair.clientLog.alerts, pair.serverLog.alerts]).toEqual([[], []]);
        });
      if (c.needs) gate(c.needs, register);
      else register();
    }
  });
}
