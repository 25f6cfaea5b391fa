// The Web Streams adapter: wassl ↔ wassl over an in-memory stream pipe, and wassl ↔ node:tls over a
// TCP socket turned into Web Streams.
import { randomBytes } from "node:crypto";
import { connect as netConnect } from "node:net";
import { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ByteStreamPair, tlsClientStreams, tlsServerStreams } from "../../tls/adapters/web-streams.js";
import { LruSessionCache } from "../../tls/session/cache.js";
import { testPki } from "../support/certs.js";
import { initInteropProvider, interopProvider } from "../support/interop-provider.js";
import { legacyFriendlyNodeOptions, type NodeTlsServer, startNodeTlsServer } from "../support/node-peers.js";
import { firstDifference } from "../support/payload.js";
import { withTimeout } from "../support/processes.js";

const TIMEOUT_MS = 15_000;

/** Two connected in-memory byte-stream pairs (what one writes, the other reads). */
function memoryPipe(): [ByteStreamPair, ByteStreamPair] {
  const aToB = new TransformStream<Uint8Array, Uint8Array>();
  const bToA = new TransformStream<Uint8Array, Uint8Array>();
  return [
    { readable: bToA.readable, writable: aToB.writable },
    { readable: aToB.readable, writable: bToA.writable },
  ];
}

/** Reads `length` bytes from a reader (bounded). */
async function readBytes(reader: ReadableStreamDefaultReader<Uint8Array>, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let at = 0;
  while (at < length) {
    const { value, done } = await withTimeout(reader.read(), TIMEOUT_MS, `read ${length} bytes`);
    if (done) throw new Error(`ended after ${at} of ${length} bytes`);
    out.set(value, at);
    at += value.length;
  }
  return out;
}

beforeAll(initInteropProvider);

describe("wassl ↔ wassl over Web Streams", () => {
  const pki = testPki();
  const serverOptions = { cert: pki.serverCert, key: pki.serverKey, provider: interopProvider };
  const clientOptions = { ca: pki.caCert, servername: "localhost", provider: interopProvider };

  it("completes the handshake, carries data both ways and closes with close_notify", async () => {
    const [clientSide, serverSide] = memoryPipe();
    const server = tlsServerStreams(serverSide, serverOptions);
    const client = tlsClientStreams(clientSide, clientOptions);
    const [clientInfo, serverInfo] = await withTimeout(
      Promise.all([client.handshake, server.handshake]),
      TIMEOUT_MS,
      "handshake",
    );
    expect(clientInfo.version).toBe("TLSv1.2");
    expect(serverInfo.cipherSuite.name).toBe(clientInfo.cipherSuite.name);
    expect(clientInfo.authorized).toBe(true);

    const clientWriter = client.writable.getWriter();
    const serverReader = server.readable.getReader();
    const serverWriter = server.writable.getWriter();
    const clientReader = client.readable.getReader();
    for (const size of [1, 16 * 1024 + 1, 1024 * 1024]) {
      const up = randomBytes(size);
      const down = randomBytes(size);
      const sent = Promise.all([clientWriter.write(up), serverWriter.write(down)]);
      const [atServer, atClient] = await Promise.all([readBytes(serverReader, size), readBytes(clientReader, size)]);
      await sent;
      expect(firstDifference(atServer, up), `client→server ${size}`).toBeUndefined();
      expect(firstDifference(atClient, down), `server→client ${size}`).toBeUndefined();
    }
    await clientWriter.close();
    expect(await withTimeout(serverReader.read(), TIMEOUT_MS, "server end")).toEqual({ done: true, value: undefined });
    expect(await withTimeout(clientReader.read(), TIMEOUT_MS, "client end")).toEqual({ done: true, value: undefined });
    expect((await client.closed).reason).toBe("close_notify");
    expect((await server.closed).reason).toBe("close_notify");
  });

  it("rejects the handshake and errors the readable with the alert when the chain does not verify", async () => {
    const [clientSide, serverSide] = memoryPipe();
    const server = tlsServerStreams(serverSide, serverOptions);
    const client = tlsClientStreams(clientSide, { ...clientOptions, ca: pki.clientCert });
    await expect(withTimeout(client.handshake, TIMEOUT_MS, "handshake")).rejects.toMatchObject({ alert: "unknown_ca" });
    await expect(client.readable.getReader().read()).rejects.toThrow(/unknown_ca/);
    await expect(withTimeout(server.handshake, TIMEOUT_MS, "server handshake")).rejects.toThrow(/unknown_ca/);
    expect((await server.closed).reason).toBe("alert_received");
  });

  it("gives up a handshake the peer stalls (handshakeTimeout), client and server", async () => {
    // Nobody answers on the other end of either pipe: the ClientHello (or the wait for one) goes nowhere.
    const [silentForClient] = memoryPipe();
    const [silentForServer] = memoryPipe();
    const client = tlsClientStreams(silentForClient, { ...clientOptions, handshakeTimeout: 50 });
    const server = tlsServerStreams(silentForServer, { ...serverOptions, handshakeTimeout: 50 });
    for (const side of [client, server]) {
      await expect(withTimeout(side.handshake, TIMEOUT_MS, "timeout")).rejects.toMatchObject({
        code: "ERR_TLS_HANDSHAKE_TIMEOUT",
      });
      await expect(side.readable.getReader().read()).rejects.toThrow(/handshake timeout/);
      expect((await side.closed).reason).toBe("destroyed");
    }
  });

  it("keeps a completed connection open past handshakeTimeout", async () => {
    const [clientSide, serverSide] = memoryPipe();
    const server = tlsServerStreams(serverSide, { ...serverOptions, handshakeTimeout: 2_000 });
    const client = tlsClientStreams(clientSide, { ...clientOptions, handshakeTimeout: 2_000 });
    await withTimeout(Promise.all([client.handshake, server.handshake]), TIMEOUT_MS, "handshake");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const writer = client.writable.getWriter();
    await writer.write(new Uint8Array([1, 2, 3]));
    expect(await readBytes(server.readable.getReader(), 3)).toEqual(new Uint8Array([1, 2, 3]));
    await writer.close();
  });

  it("resumes a session and renegotiates through `connection`", async () => {
    const cache = { ...serverOptions, sessionCache: new LruSessionCache() };
    const [c1, s1] = memoryPipe();
    const server1 = tlsServerStreams(s1, cache);
    const client1 = tlsClientStreams(c1, clientOptions);
    await withTimeout(Promise.all([client1.handshake, server1.handshake]), TIMEOUT_MS, "first handshake");
    await withTimeout(client1.connection.renegotiate(), TIMEOUT_MS, "renegotiation");
    const session = client1.connection.getSession();
    expect(session).toBeInstanceOf(Uint8Array);
    await client1.writable.close();

    const [c2, s2] = memoryPipe();
    const server2 = tlsServerStreams(s2, cache);
    const client2 = tlsClientStreams(c2, { ...clientOptions, session });
    const [info] = await withTimeout(Promise.all([client2.handshake, server2.handshake]), TIMEOUT_MS, "resumption");
    expect(info.resumed).toBe(true);
    await client2.writable.close();
  });

  it("keeps the transport paused while the reader does not consume (backpressure)", async () => {
    const [clientSide, serverSide] = memoryPipe();
    const server = tlsServerStreams(serverSide, serverOptions);
    const client = tlsClientStreams(clientSide, clientOptions);
    await withTimeout(Promise.all([client.handshake, server.handshake]), TIMEOUT_MS, "handshake");
    const chunks = Array.from({ length: 64 }, () => randomBytes(64 * 1024));
    const writer = client.writable.getWriter();
    let written = 0;
    const writing = (async () => {
      for (const chunk of chunks) {
        await writer.write(chunk);
        written++;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing read yet: once the server's plaintext queue is full it stops reading the pipe, so the
    // pipe fills and the client's writes stop completing well before all 4 MiB.
    expect(written).toBeLessThan(chunks.length / 2);
    const data = Buffer.concat(chunks);
    const received = await readBytes(server.readable.getReader(), data.length);
    await withTimeout(writing, TIMEOUT_MS, "write completion");
    expect(firstDifference(received, data)).toBeUndefined();
  });
});

describe("Web Streams client → node:tls server over TCP", () => {
  let server: NodeTlsServer;
  beforeAll(async () => {
    const pki = testPki();
    server = await startNodeTlsServer({ cert: pki.serverCert, key: pki.serverKey, ...legacyFriendlyNodeOptions() });
  });
  afterAll(() => server?.close());

  it.each(["TLSv1", "TLSv1.2"] as const)("%s echo round trip", async (version) => {
    const tcp = netConnect({ host: "127.0.0.1", port: server.port });
    const transport = Duplex.toWeb(tcp) as unknown as ByteStreamPair;
    const tls = tlsClientStreams(transport, {
      ca: testPki().caCert,
      servername: "localhost",
      provider: interopProvider,
      minVersion: version,
      maxVersion: version,
    });
    const info = await withTimeout(tls.handshake, TIMEOUT_MS, "handshake");
    expect(info.version).toBe(version);
    const data = randomBytes(256 * 1024);
    const writer = tls.writable.getWriter();
    const reader = tls.readable.getReader();
    const [echoed] = await Promise.all([readBytes(reader, data.length), writer.write(data)]);
    expect(firstDifference(echoed, data)).toBeUndefined();
    await writer.close();
    expect(await withTimeout(reader.read(), TIMEOUT_MS, "end")).toEqual({ done: true, value: undefined });
    tcp.destroy();
  });
});
