// Extensions against real peers: TLS_FALLBACK_SCSV (RFC 7507) with openssl, max_fragment_length
// (RFC 6066) with openssl and GnuTLS, encrypt-then-MAC (RFC 7366) and extended master secret (RFC 7627)
// on and off with GnuTLS `%NO_ETM` / `%NO_SESSION_HASH`.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { initInteropProvider } from "../support/interop-provider.js";
import { firstDifference, linePayload, reverseLines } from "../support/payload.js";
import { describeWithPeers } from "../support/peer-availability.js";
import {
  gnutlsPriority,
  type PeerServer,
  startGnutlsClient,
  startGnutlsServer,
  startOpensslClient,
  startOpensslServer,
} from "../support/peers.js";
import {
  closeCleanly,
  connectWassl,
  echoRoundTrip,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

const LINE = "extensions\n";

beforeAll(initInteropProvider);

describeWithPeers(["openssl"], "TLS_FALLBACK_SCSV with openssl", () => {
  let opensslServer: PeerServer;
  let wasslServer: WasslEchoServer;
  beforeAll(async () => {
    opensslServer = await startOpensslServer({
      ...serverCertFiles(),
      cipher: "AES128-SHA",
      naccept: 10,
    });
    wasslServer = await startWasslEchoServer();
  });
  afterAll(async () => {
    await opensslServer?.stop();
    await wasslServer?.close();
  });

  it("wassl client retrying with TLS 1.1 + fallbackSCSV → openssl s_server answers inappropriate_fallback", async () => {
    const attempt = connectWassl(opensslServer.port, {
      minVersion: "TLSv1",
      maxVersion: "TLSv1.1",
      fallbackSCSV: true,
    });
    await expect(attempt).rejects.toThrow(/inappropriate_fallback/);
  });

  it("without the SCSV the same TLS 1.1 connection succeeds", async () => {
    const socket = await connectWassl(opensslServer.port, { minVersion: "TLSv1", maxVersion: "TLSv1.1" });
    expect(socket.getProtocol()).toBe("TLSv1.1");
    await closeCleanly(socket);
  });

  it("openssl s_client -fallback_scsv -tls1_1 → wassl server refuses with inappropriate_fallback", async () => {
    const before = wasslServer.errors.length;
    const client = startOpensslClient({
      port: wasslServer.port,
      version: "TLSv1.1",
      cipher: "AES128-SHA",
      extraArgs: ["-fallback_scsv"],
      input: LINE,
    });
    try {
      const status = await client.waitForExit(INTEROP_TIMEOUT_MS);
      expect(status.code).not.toBe(0);
      expect(client.stderr()).toMatch(/inappropriate fallback/i);
      expect(wasslServer.errors.length).toBeGreaterThan(before);
      expect(String(wasslServer.errors.at(-1)?.message)).toMatch(/inappropriate_fallback/);
    } finally {
      await client.stop();
    }
  });
});

describeWithPeers(["openssl"], "max_fragment_length with openssl", () => {
  let opensslServer: PeerServer;
  let wasslServer: WasslEchoServer;
  beforeAll(async () => {
    opensslServer = await startOpensslServer({
      ...serverCertFiles(),
      naccept: 10,
    });
    wasslServer = await startWasslEchoServer();
  });
  afterAll(async () => {
    await opensslServer?.stop();
    await wasslServer?.close();
  });

  it.each([512, 4096] as const)("wassl client maxFragmentLength %i → openssl s_server", async (length) => {
    const socket = await connectWassl(opensslServer.port, { maxFragmentLength: length });
    expect(socket.session?.maxFragmentLength).toBe(length);
    const data = linePayload(10_000, length);
    expect(firstDifference(await echoRoundTrip(socket, data), reverseLines(data))).toBeUndefined();
    await closeCleanly(socket);
  });

  it("openssl s_client -maxfraglen 512 → wassl server", async () => {
    const accepted = wasslServer.nextSocket();
    const data = linePayload(5_000, 7);
    const client = startOpensslClient({ port: wasslServer.port, extraArgs: ["-maxfraglen", "512"], input: data });
    try {
      const ours = await accepted;
      expect(ours.session?.maxFragmentLength).toBe(512);
      const out = await client.waitForStdoutBytes(data.length, INTEROP_TIMEOUT_MS);
      expect(firstDifference(out, data)).toBeUndefined();
      await closeCleanly(ours);
    } finally {
      await client.stop();
    }
  });
});

const EXTENSION_CASES = [true, false].flatMap((etm) => [true, false].map((ems) => ({ etm, ems })));
const priorityFor = ({ etm, ems }: { etm: boolean; ems: boolean }) =>
  gnutlsPriority({ version: "TLSv1.2", cipher: "AES-128-CBC", mac: "SHA1", ems }) + (etm ? "" : ":%NO_ETM");

describeWithPeers(["gnutls-serv", "gnutls-cli"], "EtM / EMS / max_fragment_length with GnuTLS", () => {
  const servers = new Map<string, PeerServer>();
  let wasslServer: WasslEchoServer;
  beforeAll(async () => {
    for (const c of EXTENSION_CASES) {
      servers.set(
        `${c.etm}/${c.ems}`,
        await startGnutlsServer({
          ...serverCertFiles(),
          priority: priorityFor(c),
        }),
      );
    }
    wasslServer = await startWasslEchoServer();
  });
  afterAll(async () => {
    for (const server of servers.values()) await server.stop();
    await wasslServer?.close();
  });

  it.each(EXTENSION_CASES)("wassl client → gnutls-serv etm=$etm ems=$ems", async (c) => {
    const socket = await connectWassl(servers.get(`${c.etm}/${c.ems}`)!.port, {
      ciphers: "TLS_RSA_WITH_AES_128_CBC_SHA",
    });
    expect(socket.session?.encryptThenMac).toBe(c.etm);
    expect(socket.session?.extendedMasterSecret).toBe(c.ems);
    const data = linePayload(20_000, 3);
    expect(firstDifference(await echoRoundTrip(socket, data), data)).toBeUndefined();
    await closeCleanly(socket);
  });

  it.each(EXTENSION_CASES)("gnutls-cli etm=$etm ems=$ems → wassl server", async (c) => {
    const accepted = wasslServer.nextSocket();
    const client = startGnutlsClient({
      port: wasslServer.port,
      caFile: testPki().files.caCert,
      priority: priorityFor(c),
      input: LINE,
    });
    try {
      const ours = await accepted;
      expect(ours.session?.encryptThenMac).toBe(c.etm);
      expect(ours.session?.extendedMasterSecret).toBe(c.ems);
      expect((await client.waitForStdoutBytes(LINE.length, INTEROP_TIMEOUT_MS)).toString()).toBe(LINE);
      await closeCleanly(ours);
    } finally {
      await client.stop();
    }
  });

  it("wassl client maxFragmentLength 1024 → gnutls-serv", async () => {
    const socket = await connectWassl(servers.get("true/true")!.port, { maxFragmentLength: 1024 });
    expect(socket.session?.maxFragmentLength).toBe(1024);
    const data = linePayload(6_000, 5);
    expect(firstDifference(await echoRoundTrip(socket, data), data)).toBeUndefined();
    await closeCleanly(socket);
  });
});
