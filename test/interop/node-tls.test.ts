// wassl ↔ Node's own tls (OpenSSL 3 inside Node), both roles, TLS 1.0–1.2 × AES-CBC/GCM suites.
import { randomBytes } from "node:crypto";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPki } from "../support/certs.js";
import { initInteropProvider } from "../support/interop-provider.js";
import {
  connectNodeTls,
  legacyFriendlyNodeOptions,
  type NodeTlsServer,
  startNodeTlsServer,
} from "../support/node-peers.js";
import { firstDifference, ROUND_TRIP_SIZES } from "../support/payload.js";
import {
  closeCleanly,
  connectWassl,
  echoRoundTrip,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

type Version = "TLSv1" | "TLSv1.1" | "TLSv1.2";

/** [IANA name, OpenSSL name, versions] — the AES suites Node's OpenSSL offers with RSA key exchange. */
const SUITES: [string, string, Version[]][] = [
  ["TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA", ["TLSv1", "TLSv1.1", "TLSv1.2"]],
  ["TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA", ["TLSv1", "TLSv1.1", "TLSv1.2"]],
  ["TLS_RSA_WITH_AES_128_CBC_SHA256", "AES128-SHA256", ["TLSv1.2"]],
  ["TLS_RSA_WITH_AES_256_CBC_SHA256", "AES256-SHA256", ["TLSv1.2"]],
  ["TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256", ["TLSv1.2"]],
  ["TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384", ["TLSv1.2"]],
];
const CASES = SUITES.flatMap(([iana, openssl, versions]) => versions.map((version) => ({ iana, openssl, version })));
/** Sizes checked on the first suite of each version; the others round-trip 16 KiB + 1 byte. */
const sizesFor = (iana: string) => (iana === SUITES[0][0] ? ROUND_TRIP_SIZES : [16 * 1024 + 1]);

beforeAll(initInteropProvider);

describe("wassl client → node:tls server", () => {
  let server: NodeTlsServer;
  beforeAll(async () => {
    const pki = testPki();
    server = await startNodeTlsServer({ cert: pki.serverCert, key: pki.serverKey, ...legacyFriendlyNodeOptions() });
  });
  afterAll(() => server?.close());

  it.each(CASES)("$version $iana", async ({ iana, openssl, version }) => {
    const socket = await connectWassl(server.port, { minVersion: version, maxVersion: version, ciphers: iana });
    expect(socket.getProtocol()).toBe(version);
    expect(socket.getCipher()).toMatchObject({ name: openssl, standardName: iana });
    expect(socket.authorized).toBe(true);
    expect(socket.getPeerCertificate()).toMatchObject({ subject: { CN: "localhost" } });
    const peer = server.sockets.at(-1) as TLSSocket;
    expect(peer.getProtocol()).toBe(version);
    expect(peer.getCipher().standardName).toBe(iana);
    for (const size of sizesFor(iana)) {
      const data = randomBytes(size);
      const echoed = await echoRoundTrip(socket, data);
      expect(firstDifference(echoed, data), `${size} bytes`).toBeUndefined();
    }
    await closeCleanly(socket);
  });
});

describe("node:tls client → wassl server", () => {
  let server: WasslEchoServer;
  beforeAll(async () => {
    server = await startWasslEchoServer();
  });
  afterAll(() => server?.close());

  it.each(CASES)("$version $iana", async ({ iana, openssl, version }) => {
    const accepted = server.nextSocket();
    const socket = await connectNodeTls(server.port, {
      ca: testPki().caCert,
      servername: "localhost",
      minVersion: version,
      maxVersion: version,
      ciphers: `${openssl}:@SECLEVEL=0`,
    });
    expect(socket.getProtocol()).toBe(version);
    expect(socket.getCipher().standardName).toBe(iana);
    expect(socket.authorized).toBe(true);
    const ours = await accepted;
    expect(ours.getProtocol()).toBe(version);
    expect(ours.getCipher()?.standardName).toBe(iana);
    for (const size of sizesFor(iana)) {
      const data = randomBytes(size);
      const echoed = await echoRoundTrip(socket, data);
      expect(firstDifference(echoed, data), `${size} bytes`).toBeUndefined();
    }
    await closeCleanly(socket);
    expect(server.errors).toEqual([]);
  });
});
