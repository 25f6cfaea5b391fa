// The page's side of the real-browser test, bundled by esbuild from the package sources (the `wassl`
// and `wassl/crypto` entry points plus the Web Streams adapter) and loaded as an ES module. The test
// drives it through `window.wasslPage` with page.evaluate; every result is plain JSON.

import { activeBuild, init, type WasmBuild } from "../../../bindings/index.js";
import { webSocketStreams } from "../../../examples/browser/websocket-streams.js";
import {
  type ByteStreamPair,
  type TlsStreams,
  tlsClientStreams,
  tlsServerStreams,
} from "../../../tls/adapters/web-streams.js";
import { type BrowserVectors, runVectors, type VectorResult } from "./vectors.js";

/** Certificates and key for the in-page server (PEM from the test's PKI). */
export interface PagePki {
  caCert: string;
  serverCert: string;
  serverKey: string;
}

/** What a completed connection reports back. */
export interface ConnectionReport {
  version: string;
  cipherSuite: string;
  authorized: boolean;
  /** Text received first from the server (the bridge test's greeting). */
  greeting?: string;
  /** Bytes sent and echoed back identically. */
  echoedBytes: number;
  /** How each side closed. */
  closeReasons: string[];
}

/** The API the test calls. */
export interface WasslPage {
  /** `await init(options)`; returns the build now active. */
  init(build?: WasmBuild): Promise<WasmBuild>;
  /** Known answers through the WASM provider of the active build. */
  runVectors(vectors: BrowserVectors): Promise<VectorResult[]>;
  /** wassl client ↔ wassl server inside the page over an in-memory stream pipe. */
  inPageHandshake(pki: PagePki, ciphers: string, payloadLength: number): Promise<ConnectionReport>;
  /** wassl client in the page → WebSocket bridge → a Node tls server that greets and echoes. */
  bridgeHandshake(url: string, caCert: string, payloadLength: number): Promise<ConnectionReport>;
  /** Globals a polyfill would add; the test asserts there are none. */
  nodeGlobals(): string[];
}

declare global {
  interface Window {
    wasslPage: WasslPage;
  }
}

/** Deterministic payload bytes. */
function payload(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + (i >>> 8)) & 0xff;
  return out;
}

/** Reads exactly `length` bytes. */
async function readBytes(reader: ReadableStreamDefaultReader<Uint8Array>, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let at = 0;
  while (at < length) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended after ${at} of ${length} bytes`);
    out.set(value.subarray(0, length - at), at);
    at += Math.min(value.length, length - at);
  }
  return out;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Two connected in-memory byte-stream pairs. */
function memoryPipe(): [ByteStreamPair, ByteStreamPair] {
  const up = new TransformStream<Uint8Array, Uint8Array>();
  const down = new TransformStream<Uint8Array, Uint8Array>();
  return [
    { readable: down.readable, writable: up.writable },
    { readable: up.readable, writable: down.writable },
  ];
}

/** Sends `data` from `from`, reads it at `to` and checks it arrived intact. */
async function sendAndCheck(from: TlsStreams, to: ReadableStreamDefaultReader<Uint8Array>, data: Uint8Array) {
  const writer = from.writable.getWriter();
  const [received] = await Promise.all([readBytes(to, data.length), writer.write(data)]);
  writer.releaseLock();
  if (!sameBytes(received, data)) throw new Error("payload corrupted in transit");
}

const page: WasslPage = {
  async init(build) {
    await init(build === undefined ? {} : { build });
    return activeBuild();
  },

  runVectors,

  async inPageHandshake(pki, ciphers, payloadLength) {
    const [clientSide, serverSide] = memoryPipe();
    const server = tlsServerStreams(serverSide, { cert: pki.serverCert, key: pki.serverKey, ciphers });
    const client = tlsClientStreams(clientSide, { ca: pki.caCert, servername: "localhost", ciphers });
    const [info] = await Promise.all([client.handshake, server.handshake]);
    const clientReader = client.readable.getReader();
    const serverReader = server.readable.getReader();
    await sendAndCheck(client, serverReader, payload(payloadLength));
    await sendAndCheck(server, clientReader, payload(payloadLength).reverse());
    await client.writable.close();
    await serverReader.read(); // the server's readable ends with the client's close_notify
    const closed = await Promise.all([client.closed, server.closed]);
    return {
      version: info.version,
      cipherSuite: info.cipherSuite.name,
      authorized: info.authorized,
      echoedBytes: 2 * payloadLength,
      closeReasons: closed.map((c) => c.reason),
    };
  },

  async bridgeHandshake(url, caCert, payloadLength) {
    const tls = tlsClientStreams(await webSocketStreams(url), { ca: caCert, servername: "localhost" });
    const info = await tls.handshake;
    const reader = tls.readable.getReader();
    const greeting = new TextDecoder().decode(await readBytes(reader, "hello from node:tls\n".length));
    await sendAndCheck(tls, reader, payload(payloadLength)); // the Node server echoes
    await tls.writable.close();
    const closed = await tls.closed;
    return {
      version: info.version,
      cipherSuite: info.cipherSuite.name,
      authorized: info.authorized,
      greeting,
      echoedBytes: payloadLength,
      closeReasons: [closed.reason],
    };
  },

  nodeGlobals() {
    return ["Buffer", "process", "global", "require"].filter((name) => name in globalThis);
  },
};

window.wasslPage = page;
