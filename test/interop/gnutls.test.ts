// wassl ↔ GnuTLS (`gnutls-serv --echo` / `gnutls-cli`): 3DES and RC4 suites on TLS 1.0–1.2, both roles.
// RC4 needs a provider with RC4 (the WASM provider; node:crypto only under --openssl-legacy-provider):
// those cases are skipped, with that reason in their title, while test/support/interop-provider.ts
// selects a provider without it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { initInteropProvider, interopProvider, providerSupports } from "../support/interop-provider.js";
import { firstDifference, linePayload, ROUND_TRIP_SIZES } from "../support/payload.js";
import { describeWithPeers } from "../support/peer-availability.js";
import {
  gnutlsDescription,
  gnutlsPriority,
  type PeerServer,
  startGnutlsClient,
  startGnutlsServer,
} from "../support/peers.js";
import {
  closeCleanly,
  connectWassl,
  echoRoundTrip,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

type Version = "TLSv1" | "TLSv1.1" | "TLSv1.2";
const VERSIONS: Version[] = ["TLSv1", "TLSv1.1", "TLSv1.2"];
const GNUTLS_VERSION: Record<Version, string> = { TLSv1: "TLS1.0", "TLSv1.1": "TLS1.1", "TLSv1.2": "TLS1.2" };

interface Suite {
  iana: string;
  /** GnuTLS cipher and MAC names. */
  cipher: string;
  mac: string;
  /** Provider capability the suite needs. */
  needs: "3des" | "rc4";
}
const SUITES: Suite[] = [
  { iana: "TLS_RSA_WITH_3DES_EDE_CBC_SHA", cipher: "3DES-CBC", mac: "SHA1", needs: "3des" },
  { iana: "TLS_RSA_WITH_RC4_128_SHA", cipher: "ARCFOUR-128", mac: "SHA1", needs: "rc4" },
  { iana: "TLS_RSA_WITH_RC4_128_MD5", cipher: "ARCFOUR-128", mac: "MD5", needs: "rc4" },
];
const CASES = VERSIONS.flatMap((version) =>
  SUITES.flatMap((suite) => [true, false].map((ems) => ({ version, ems, ...suite }))),
).filter(({ ems, iana }) => ems || iana === SUITES[0].iana);

/** All sizes on 3DES with EMS; 16 KiB + 1 otherwise. */
const sizesFor = (iana: string, ems: boolean) => (iana === SUITES[0].iana && ems ? ROUND_TRIP_SIZES : [16 * 1024 + 1]);
/**
 * gnutls-cli forwards stdin at ~130 KB/s (its own pace, also against gnutls-serv), so as a client it
 * carries the 1 MiB round trip on TLS 1.2 only; the other versions stop at 16 KiB.
 */
const clientPeerSizes = (c: { iana: string; ems: boolean; version: Version }) =>
  sizesFor(c.iana, c.ems).filter((size) => size <= 16 * 1024 + 1 || c.version === "TLSv1.2");
/** Test title, naming the missing provider capability when the case is skipped. */
const title = (role: string) => (c: Suite & { version: Version; ems: boolean }) =>
  `${role} ${c.version} ${c.iana} ems=${c.ems}${
    providerSupports[c.needs]
      ? ""
      : ` [skipped: needs ${c.needs.toUpperCase()} in the provider; ${interopProvider.name} lacks it]`
  }`;

beforeAll(initInteropProvider);

describeWithPeers(["gnutls-serv"], "gnutls-serv --echo", () => {
  let server: PeerServer;
  beforeAll(async () => {
    server = await startGnutlsServer(serverCertFiles());
  });
  afterAll(() => server?.stop());

  for (const c of CASES) {
    it.skipIf(!providerSupports[c.needs])(title("wassl client")(c), async () => {
      const socket = await connectWassl(server.port, {
        minVersion: c.version,
        maxVersion: c.version,
        ciphers: c.iana,
        legacy: c.needs === "rc4",
        extendedMasterSecret: c.ems,
      });
      expect(socket.getProtocol()).toBe(c.version);
      expect(socket.getCipher()?.standardName).toBe(c.iana);
      expect(socket.session?.extendedMasterSecret).toBe(c.ems);
      for (const size of sizesFor(c.iana, c.ems)) {
        const data = linePayload(size, size);
        const echoed = await echoRoundTrip(socket, data);
        expect(firstDifference(echoed, data), `${size} bytes`).toBeUndefined();
      }
      await closeCleanly(socket);
    });
  }
});

describeWithPeers(["gnutls-cli"], "gnutls-cli", () => {
  let server: WasslEchoServer;
  beforeAll(async () => {
    server = await startWasslEchoServer({ legacy: true, ciphers: SUITES.map((s) => s.iana).join(":") });
  });
  afterAll(() => server?.close());

  for (const c of CASES) {
    it.skipIf(!providerSupports[c.needs])(title("wassl server")(c), async () => {
      const accepted = server.nextSocket();
      const client = startGnutlsClient({
        port: server.port,
        caFile: testPki().files.caCert,
        priority: gnutlsPriority({ version: c.version, cipher: c.cipher, mac: c.mac, ems: c.ems }),
      });
      try {
        const ours = await accepted;
        expect(ours.getProtocol()).toBe(c.version);
        expect(ours.getCipher()?.standardName).toBe(c.iana);
        expect(ours.session?.extendedMasterSecret).toBe(c.ems);
        let expected = 0;
        for (const size of clientPeerSizes(c)) {
          const data = linePayload(size, size);
          client.write(data);
          expected += size;
          const out = await client.waitForStdoutBytes(expected, INTEROP_TIMEOUT_MS);
          expect(firstDifference(out.subarray(expected - size, expected), data), `${size} bytes`).toBeUndefined();
        }
        await closeCleanly(ours);
        const status = await client.waitForExit(INTEROP_TIMEOUT_MS);
        expect(status.code, client.stderr()).toBe(0);
        expect(gnutlsDescription(readFileSync(client.logFile, "utf8"))).toEqual({
          version: GNUTLS_VERSION[c.version],
          cipher: c.cipher,
          mac: c.mac,
        });
      } finally {
        await client.stop();
      }
    });
  }
});
