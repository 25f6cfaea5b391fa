// The Node adapter's own behaviour (wassl ↔ wassl over loopback TCP): node:tls-style API, errors
// naming alerts, backpressure, clean close, an existing `socket` as transport.
import { randomBytes } from "node:crypto";
import { connect as netConnect } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { connect, createServer, type WasslServer, type WasslSocket } from "../../tls/adapters/node.js";
import { testPki } from "../support/certs.js";
import { initInteropProvider, interopProvider } from "../support/interop-provider.js";
import { firstDifference } from "../support/payload.js";
import { withTimeout } from "../support/processes.js";
import { closeCleanly, echoRoundTrip, INTEROP_TIMEOUT_MS } from "../support/wassl-peers.js";

const pki = testPki();
const provider = interopProvider;
const servers: WasslServer[] = [];

/** A wassl server on 127.0.0.1:0 running `onSecure` for each connection. */
async function listen(
  onSecure: (socket: WasslSocket) => void,
  options = {},
): Promise<{ server: WasslServer; port: number }> {
  const server = createServer({ cert: pki.serverCert, key: pki.serverKey, provider, ...options }, onSecure);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : 0 };
}

/** Resolves with the first of `events` that `emitter` emits, bounded. */
function nextEvent(emitter: NodeJS.EventEmitter, events: string[]): Promise<{ event: string; args: unknown[] }> {
  return withTimeout(
    new Promise((resolve) => {
      for (const event of events) emitter.once(event, (...args: unknown[]) => resolve({ event, args }));
    }),
    INTEROP_TIMEOUT_MS,
    `one of ${events.join(", ")}`,
  );
}

beforeAll(initInteropProvider);
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

describe("node adapter", () => {
  it("connects with node:tls names and reports the session", async () => {
    const { port } = await listen((socket) => socket.pipe(socket), {
      minVersion: "TLSv1",
      ALPNProtocols: ["h2", "http/1.1"],
    });
    const socket = connect({
      host: "127.0.0.1",
      port,
      servername: "localhost",
      ca: pki.caCert,
      provider,
      ALPNProtocols: ["http/1.1"],
    });
    expect((await nextEvent(socket, ["secureConnect", "error"])).event).toBe("secureConnect");
    expect(socket.encrypted).toBe(true);
    expect(socket.authorized).toBe(true);
    expect(socket.authorizationError).toBeUndefined();
    expect(socket.getProtocol()).toBe("TLSv1.2");
    expect(socket.alpnProtocol).toBe("http/1.1");
    expect(socket.getCipher()).toEqual({
      name: "AES128-GCM-SHA256",
      standardName: "TLS_RSA_WITH_AES_128_GCM_SHA256",
      version: "TLSv1.2",
    });
    const peer = socket.getPeerCertificate(true) as Record<string, unknown>;
    expect(peer.subject).toEqual({ CN: "localhost" });
    expect(peer.subjectaltname).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(peer.issuer).toEqual({ CN: "wassl test CA" });
    expect(peer.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await closeCleanly(socket);
  });

  it("runs on the WASM provider when no provider is given", async () => {
    const server = createServer({ cert: pki.serverCert, key: pki.serverKey }, (socket) => socket.pipe(socket));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const socket = connect({ host: "127.0.0.1", port, servername: "localhost", ca: pki.caCert });
    expect((await nextEvent(socket, ["secureConnect", "error"])).event).toBe("secureConnect");
    expect(socket.connection.session?.version).toBe("TLSv1.2");
    const data = randomBytes(1000);
    expect(firstDifference(await echoRoundTrip(socket, data), data)).toBeUndefined();
    await closeCleanly(socket);
  });

  it("end() sends close_notify: the peer sees 'end', both sides close", async () => {
    let serverSide: WasslSocket | undefined;
    const serverEnded = new Promise<void>((resolve) => {
      void listen((socket) => {
        serverSide = socket;
        socket.resume();
        socket.once("end", resolve);
      }).then(({ port }) => {
        const socket = connect({ host: "127.0.0.1", port, servername: "localhost", ca: pki.caCert, provider });
        socket.once("secureConnect", () => socket.end());
      });
    });
    await withTimeout(serverEnded, INTEROP_TIMEOUT_MS, "server end");
    await withTimeout(
      new Promise((resolve) => (serverSide as WasslSocket).once("close", resolve)),
      INTEROP_TIMEOUT_MS,
      "close",
    );
  });

  it("fails with the alert named when the chain does not verify, and tells the server", async () => {
    const { server, port } = await listen(() => {});
    const serverError = nextEvent(server, ["tlsClientError"]);
    const socket = connect({ host: "127.0.0.1", port, servername: "localhost", ca: pki.clientCert, provider });
    const { event, args } = await nextEvent(socket, ["secureConnect", "error"]);
    expect(event).toBe("error");
    expect(args[0]).toMatchObject({ alert: "unknown_ca", code: "ERR_TLS_ALERT_SENT" });
    expect((args[0] as Error).message).toMatch(/^sent alert unknown_ca: /);
    const [error] = (await serverError).args as [Error & { alert?: string }];
    expect(error).toMatchObject({ alert: "unknown_ca", code: "ERR_TLS_ALERT_RECEIVED" });
  });

  it("fails with protocol_version when the versions do not overlap", async () => {
    const { port } = await listen(() => {}, { minVersion: "TLSv1", maxVersion: "TLSv1.1" });
    const socket = connect({ host: "127.0.0.1", port, servername: "localhost", ca: pki.caCert, provider });
    const { event, args } = await nextEvent(socket, ["secureConnect", "error"]);
    expect(event).toBe("error");
    expect((args[0] as Error).message).toMatch(/protocol_version/);
  });

  it("with rejectUnauthorized: false completes and reports why the peer is not authorized", async () => {
    const { port } = await listen((socket) => socket.pipe(socket));
    const socket = connect({
      host: "127.0.0.1",
      port,
      servername: "wrong.example",
      ca: pki.caCert,
      provider,
      rejectUnauthorized: false,
    });
    expect((await nextEvent(socket, ["secureConnect", "error"])).event).toBe("secureConnect");
    expect(socket.authorized).toBe(false);
    expect(socket.authorizationError).toBe("HOSTNAME_MISMATCH");
    await closeCleanly(socket);
  });

  it("runs over an existing `socket` and holds writes made before the handshake", async () => {
    const { port } = await listen((socket) => socket.pipe(socket));
    const tcp = netConnect({ host: "127.0.0.1", port });
    const socket = connect({ socket: tcp, servername: "localhost", ca: pki.caCert, provider });
    const data = randomBytes(100_000);
    const echoed = await echoRoundTrip(socket, data); // written right away, before secureConnect
    expect(firstDifference(echoed, data)).toBeUndefined();
    await closeCleanly(socket);
    expect(tcp.destroyed).toBe(true);
  });

  it("applies backpressure: writes stall while the peer does not read, then all bytes arrive", async () => {
    let serverSide: WasslSocket | undefined;
    const accepted = new Promise<void>((resolve) => {
      void listen((socket) => {
        serverSide = socket;
        socket.pause();
        resolve();
      }).then(({ port }) => {
        client = connect({ host: "127.0.0.1", port, servername: "localhost", ca: pki.caCert, provider });
      });
    });
    let client: WasslSocket | undefined;
    await withTimeout(accepted, INTEROP_TIMEOUT_MS, "accept");
    const writer = client as WasslSocket;
    // Keep writing on every 'drain' for one second while the server reads nothing. With backpressure the
    // writes stall once the TCP buffers and the server's queue are full (a few MiB on loopback);
    // without it, 'drain' would keep coming and the client would push 50+ MiB in that second.
    const chunk = randomBytes(64 * 1024);
    let chunksAccepted = 0;
    let writing = true;
    const pump = () => {
      while (writing && writer.write(chunk)) chunksAccepted++;
      if (writing) chunksAccepted++;
    };
    writer.on("drain", pump);
    pump();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    writing = false;
    writer.off("drain", pump);
    const total = chunksAccepted * chunk.length;
    expect(total).toBeLessThan(24 * 1024 * 1024);
    const reader = serverSide as WasslSocket;
    let length = 0;
    let mismatch: string | undefined;
    const all = new Promise<void>((resolve) => {
      reader.on("data", (data: Buffer) => {
        for (let i = 0; i < data.length && !mismatch; i++) {
          if (data[i] !== chunk[(length + i) % chunk.length]) mismatch = `byte ${length + i}`;
        }
        length += data.length;
        if (length >= total) resolve();
      });
    });
    reader.resume();
    await withTimeout(all, INTEROP_TIMEOUT_MS, "all bytes");
    expect(mismatch).toBeUndefined();
    expect(length).toBe(total);
    await closeCleanly(writer);
  });
});
