// Endurance through the Node adapter on loopback: many concurrent connections with their data
// verified, and peers that stall mid-handshake or trickle one byte at a time — the server never hangs
// and keeps nothing (handshakeTimeout, connections back to zero). ENDURANCE_CONNECTIONS=1000 (npm run
// endurance) scales the concurrent run up.
import * as crypto from "node:crypto";
import * as net from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/wasm.js";
import { connect, createServer, type WasslServer, type WasslSocket } from "../../tls/adapters/node.js";
import { TlsClient } from "../../tls/index.js";
import { testPki } from "../support/certs.js";

const CONNECTIONS = Number(process.env.ENDURANCE_CONNECTIONS ?? 200);

let server: WasslServer | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function listen(options: { handshakeTimeout?: number } = {}): Promise<{ port: number; errors: Error[] }> {
  const pki = testPki();
  const errors: Error[] = [];
  server = createServer({ cert: pki.serverCert, key: pki.serverKey, ...options }, (socket) => socket.pipe(socket));
  server.on("tlsClientError", (error: Error) => errors.push(error));
  return new Promise((resolve) =>
    server!.listen(0, "127.0.0.1", () => resolve({ port: (server!.address() as net.AddressInfo).port, errors })),
  );
}

function connections(): Promise<number> {
  return new Promise((resolve, reject) => server!.getConnections((e, n) => (e ? reject(e) : resolve(n))));
}

async function eventually(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A real ClientHello for raw-socket peers. */
async function clientHelloBytes(): Promise<Uint8Array> {
  const client = new TlsClient({ ca: testPki().caCert, servername: "localhost" });
  await client.start();
  const bytes = client.takeOutput();
  client.destroy();
  return bytes;
}

beforeAll(() => init());

describe("Node adapter endurance", () => {
  it(`${CONNECTIONS} concurrent connections echo their own data`, async () => {
    const { port } = await listen();
    const pki = testPki();
    const one = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const payload = crypto.randomBytes(2048 + (i % 7) * 100);
        const socket: WasslSocket = connect({ host: "127.0.0.1", port, ca: pki.caCert, servername: "localhost" });
        const chunks: Buffer[] = [];
        socket.on("error", reject);
        // TLS has no half-close (close_notify ends both directions): wait for the whole echo, then end.
        socket.on("secureConnect", () => socket.write(payload));
        socket.on("data", (d: Buffer) => {
          chunks.push(d);
          const echoed = Buffer.concat(chunks);
          if (echoed.length < payload.length) return;
          if (echoed.equals(payload)) socket.end(() => resolve());
          else reject(new Error(`connection ${i}: echoed ${echoed.length} bytes, wrong data`));
        });
      });
    const results = await Promise.allSettled(Array.from({ length: CONNECTIONS }, (_, i) => one(i)));
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    await eventually(async () => (await connections()) === 0, 10_000);
  }, 300_000);

  it("a peer that stalls mid-handshake is dropped after handshakeTimeout (ERR_TLS_HANDSHAKE_TIMEOUT)", async () => {
    const { port, errors } = await listen({ handshakeTimeout: 300 });
    const hello = await clientHelloBytes();
    const raw = net.connect(port, "127.0.0.1");
    raw.on("error", () => {});
    raw.write(hello.subarray(0, 20)); // half a ClientHello, then silence
    const closed = new Promise<void>((resolve) => raw.on("close", () => resolve()));
    await closed;
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(["ERR_TLS_HANDSHAKE_TIMEOUT"]);
    await eventually(async () => (await connections()) === 0, 2000);
  });

  it("a peer that sends one byte at a time is served, and dropped when it stalls", async () => {
    const { port, errors } = await listen({ handshakeTimeout: 1500 });
    const hello = await clientHelloBytes();
    const raw = net.connect(port, "127.0.0.1");
    raw.setNoDelay(true);
    raw.on("error", () => {});
    const answer: Buffer[] = [];
    raw.on("data", (d: Buffer) => answer.push(d));
    const closed = new Promise<void>((resolve) => raw.on("close", () => resolve()));
    await new Promise<void>((resolve) => raw.on("connect", () => resolve()));
    for (const byte of hello) {
      raw.write(Uint8Array.of(byte));
      await new Promise((r) => setTimeout(r, 1));
    }
    // The server answered the trickled ClientHello with its whole first flight…
    // (a handshake record starting with ServerHello: 16 03 03 … 02).
    await eventually(() => Buffer.concat(answer).length > 100, 3000);
    const flight = Buffer.concat(answer);
    expect([flight[0], flight[1], flight[2], flight[5]]).toEqual([22, 3, 3, 2]);
    // …and, as the client never continues, the timeout ends the connection.
    await closed;
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(["ERR_TLS_HANDSHAKE_TIMEOUT"]);
    await eventually(async () => (await connections()) === 0, 2000);
  }, 20_000);

  it("50 stalled peers at once are all dropped; the server still serves afterwards", async () => {
    const { port, errors } = await listen({ handshakeTimeout: 400 });
    const hello = await clientHelloBytes();
    const raws = Array.from({ length: 50 }, (_, i) => {
      const raw = net.connect(port, "127.0.0.1");
      raw.on("error", () => {});
      raw.on("connect", () => raw.write(hello.subarray(0, i % 2 ? 1 : hello.length - 1)));
      return new Promise<void>((resolve) => raw.on("close", () => resolve()));
    });
    await Promise.all(raws);
    expect(errors).toHaveLength(50);
    await eventually(async () => (await connections()) === 0, 2000);
    const socket = connect({ host: "127.0.0.1", port, ca: testPki().caCert, servername: "localhost" });
    await new Promise<void>((resolve, reject) => {
      socket.on("error", reject);
      socket.on("secureConnect", () => socket.end("ping"));
      socket.on("data", (d: Buffer) => expect(d.toString()).toBe("ping"));
      socket.on("end", () => resolve());
    });
  }, 20_000);

  it("without handshakeTimeout option the server uses node:tls's 120 s default (a lone socket has none)", async () => {
    await listen();
    expect((server as unknown as { tlsOptions: { handshakeTimeout: number } }).tlsOptions.handshakeTimeout).toBe(
      120_000,
    );
  });
});
