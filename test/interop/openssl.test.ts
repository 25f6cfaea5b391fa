// wassl ↔ `openssl s_server` / `openssl s_client` (OpenSSL 3 CLI): TLS 1.0–1.2, AES suites, EMS on and off.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { initInteropProvider } from "../support/interop-provider.js";
import { firstDifference, linePayload, ROUND_TRIP_SIZES, reverseLines } from "../support/payload.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { opensslSummary, type PeerServer, startOpensslClient, startOpensslServer } from "../support/peers.js";
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
/** [IANA, OpenSSL, TLS 1.2 only] */
const SUITES: [string, string, boolean][] = [
  ["TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA", false],
  ["TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA", false],
  ["TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256", true],
  ["TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", true],
  ["TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384", true],
];
const CASES = VERSIONS.flatMap((version) =>
  SUITES.filter(([, , only12]) => !only12 || version === "TLSv1.2").flatMap(([iana, openssl]) =>
    [true, false].map((ems) => ({ version, iana, openssl, ems })),
  ),
);
/** All sizes on AES128-SHA with EMS; 16 KiB + 1 on the rest (one full record plus a split). */
const sizesFor = (iana: string, ems: boolean) => (iana === SUITES[0][0] && ems ? ROUND_TRIP_SIZES : [16 * 1024 + 1]);
const ALL_CIPHERS = SUITES.map(([, openssl]) => openssl).join(":");

beforeAll(initInteropProvider);

describeWithPeers(["openssl"], "openssl s_server", () => {
  // One reverse-echo server per EMS setting, reused by every case (each case pins version and suite).
  const servers = new Map<boolean, PeerServer>();
  beforeAll(async () => {
    for (const ems of [true, false]) {
      const server = await startOpensslServer({
        ...serverCertFiles(),
        cipher: ALL_CIPHERS,
        ems,
        naccept: 1000,
      });
      servers.set(ems, server);
    }
  });
  afterAll(async () => {
    for (const server of servers.values()) await server.stop();
  });

  it.each(CASES)("wassl client $version $iana ems=$ems", async ({ version, iana, ems }) => {
    const server = servers.get(ems) as PeerServer;
    const socket = await connectWassl(server.port, { minVersion: version, maxVersion: version, ciphers: iana });
    expect(socket.getProtocol()).toBe(version);
    expect(socket.getCipher()?.standardName).toBe(iana);
    expect(socket.session?.extendedMasterSecret).toBe(ems);
    for (const size of sizesFor(iana, ems)) {
      const data = linePayload(size, size);
      const echoed = await echoRoundTrip(socket, data);
      expect(firstDifference(echoed, reverseLines(data)), `${size} bytes`).toBeUndefined();
    }
    await closeCleanly(socket);
  });
});

describeWithPeers(["openssl"], "openssl s_client", () => {
  let server: WasslEchoServer;
  beforeAll(async () => {
    server = await startWasslEchoServer();
  });
  afterAll(() => server?.close());

  it.each(CASES)("wassl server $version $iana ems=$ems", async ({ version, iana, openssl, ems }) => {
    const accepted = server.nextSocket();
    const client = startOpensslClient({
      port: server.port,
      caFile: testPki().files.caCert,
      servername: "localhost",
      verify: true,
      version,
      cipher: openssl,
      ems,
    });
    try {
      const ours = await accepted;
      expect(ours.getProtocol()).toBe(version);
      expect(ours.getCipher()?.standardName).toBe(iana);
      expect(ours.session?.extendedMasterSecret).toBe(ems);
      let expected = 0;
      for (const size of sizesFor(iana, ems)) {
        const data = linePayload(size, size);
        client.write(data);
        expected += size;
        const out = await client.waitForStdoutBytes(expected, INTEROP_TIMEOUT_MS);
        expect(firstDifference(out.subarray(expected - size, expected), data), `${size} bytes`).toBeUndefined();
      }
      await closeCleanly(ours);
      const status = await client.waitForExit(INTEROP_TIMEOUT_MS);
      expect(opensslSummary(client.stderr())).toEqual({ protocol: version, cipher: openssl });
      expect(status.code, client.stderr()).toBe(0);
      expect(client.stdout().length).toBe(expected);
    } finally {
      await client.stop();
    }
  });
});
