// Resumption and renegotiation against Node's own tls (OpenSSL 3 inside Node 20), both roles.
import { randomBytes } from "node:crypto";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WasslSocket } from "../../tls/adapters/node.js";
import { testPki } from "../support/certs.js";
import { connectNodeTls, type NodeTlsServer, startNodeTlsServer } from "../support/node-peers.js";
import { withTimeout } from "../support/processes.js";
import {
  closeCleanly,
  connectWassl,
  echoRoundTrip,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

/** Waits for a `session` event (bounded). */
function nextSession(socket: WasslSocket | TLSSocket): Promise<Buffer> {
  return withTimeout(
    new Promise<Buffer>((resolve) => socket.once("session", resolve)),
    INTEROP_TIMEOUT_MS,
    "session event",
  );
}

/** node:tls-style renegotiate() as a Promise (bounded). */
function renegotiate(socket: WasslSocket | TLSSocket, options: { requestCert?: boolean } = {}): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve, reject) => {
      const started = (socket as TLSSocket).renegotiate(options, (error) => (error ? reject(error) : resolve()));
      if (!started) reject(new Error("renegotiate() returned false"));
    }),
    INTEROP_TIMEOUT_MS,
    "renegotiation",
  );
}

async function roundTrip(socket: WasslSocket | TLSSocket): Promise<void> {
  const data = randomBytes(3000);
  expect(Buffer.compare(await echoRoundTrip(socket, data), data)).toBe(0);
}

describe("wassl client → node:tls server", () => {
  let server: NodeTlsServer;
  beforeAll(async () => {
    const pki = testPki();
    server = await startNodeTlsServer({
      cert: pki.serverCert,
      key: pki.serverKey,
      ca: pki.caCert,
      ciphers: "AES128-GCM-SHA256:@SECLEVEL=0",
    });
  });
  afterAll(() => server?.close());

  it("resumes with a session ticket (session option / 'session' event / isSessionReused)", async () => {
    const first = await connectWassl(server.port);
    const session = first.getSession() ?? (await nextSession(first));
    expect(first.isSessionReused()).toBe(false);
    await closeCleanly(first);
    const before = server.sockets.length;
    const second = await connectWassl(server.port, { session });
    expect(second.isSessionReused()).toBe(true);
    // In an abbreviated handshake the client finishes first: wait for the server's side.
    await withTimeout(
      (async () => {
        while (server.sockets.length === before) await new Promise((r) => setTimeout(r, 5));
      })(),
      INTEROP_TIMEOUT_MS,
      "server socket",
    );
    expect((server.sockets.at(-1) as TLSSocket).isSessionReused()).toBe(true);
    await roundTrip(second);
    await closeCleanly(second);
  });

  it("server-initiated renegotiation with a client certificate requested on it", async () => {
    const pki = testPki();
    const socket = await connectWassl(server.port, { cert: pki.clientCert, key: pki.clientKey });
    const peer = server.sockets.at(-1) as TLSSocket;
    expect(peer.getPeerCertificate()).toEqual({});
    await roundTrip(socket);
    await renegotiate(peer, { requestCert: true });
    expect(peer.getPeerCertificate()).toMatchObject({ subject: { CN: expect.any(String) } });
    await roundTrip(socket);
    await closeCleanly(socket);
  });
});

describe("node:tls client → wassl server", () => {
  let server: WasslEchoServer;
  beforeAll(async () => {
    server = await startWasslEchoServer();
  });
  afterAll(() => server?.close());

  const node = (extra: object = {}) =>
    connectNodeTls(server.port, {
      ca: testPki().caCert,
      servername: "localhost",
      ciphers: "AES128-GCM-SHA256:AES128-SHA:@SECLEVEL=0",
      ...extra,
    });

  it("node resumes with the session it got ('session' event, ticket)", async () => {
    const accepted = server.nextSocket();
    const first = await node();
    const session = first.getSession() ?? (await nextSession(first));
    await accepted;
    first.end();
    const again = server.nextSocket();
    const second = await node({ session });
    expect(second.isSessionReused()).toBe(true);
    expect((await again).isSessionReused()).toBe(true);
    await roundTrip(second);
    second.destroy();
  });

  it("node resumes by session ID when the wassl server issues no tickets", async () => {
    const noTickets = await startWasslEchoServer({ sessionTickets: false });
    try {
      const opts = { ca: testPki().caCert, servername: "localhost", ciphers: "AES128-GCM-SHA256:@SECLEVEL=0" };
      const first = await connectNodeTls(noTickets.port, opts);
      const session = first.getSession() ?? (await nextSession(first));
      first.end();
      const second = await connectNodeTls(noTickets.port, { ...opts, session });
      expect(second.isSessionReused()).toBe(true);
      second.destroy();
    } finally {
      await noTickets.close();
    }
  });

  it("node renegotiates (client-initiated); the wassl server renegotiates (HelloRequest)", async () => {
    const accepted = server.nextSocket();
    const client = await node();
    const wasslSide = await accepted;
    await roundTrip(client);
    await renegotiate(client);
    await roundTrip(client);
    await renegotiate(wasslSide);
    await roundTrip(client);
    client.destroy();
  });
});
