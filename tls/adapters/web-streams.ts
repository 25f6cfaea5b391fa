// The Web Streams adapter: a plaintext { readable, writable } pair over any ciphertext byte-stream pair
// (browsers, Deno, Bun, Cloudflare Workers `connect()`, Node's `Duplex.toWeb`). No Node APIs.
import { TlsClient } from "../client.js";
import type { TlsConnection } from "../connection.js";
import type { CloseInfo, HandshakeInfo } from "../events.js";
import type { TlsClientOptions, TlsServerOptions } from "../options.js";
import { TlsServer } from "../server.js";
import { closeError, DEFAULT_HANDSHAKE_TIMEOUT, handshakeTimeoutError, hangUpError } from "./close-error.js";

/** A duplex byte stream as two Web Streams (a TCP socket, a WebSocket bridge, a test pipe…). */
export interface ByteStreamPair {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<Uint8Array>;
}

/** A TLS connection over a {@link ByteStreamPair}. */
export interface TlsStreams extends ByteStreamPair {
  /**
   * Decrypted application data from the peer; ends after the peer's close_notify (or when the
   * transport ends after the handshake), errors when the connection fails.
   */
  readable: ReadableStream<Uint8Array>;
  /** Application data to send; `close()` sends close_notify and then closes the transport's writable side. */
  writable: WritableStream<Uint8Array>;
  /** Resolves with what was negotiated; rejects (alert named in the error) when the handshake fails. */
  handshake: Promise<HandshakeInfo>;
  /** Resolves once the connection is closed, with why (`close_notify`, `alert_sent`, …). Never rejects. */
  closed: Promise<CloseInfo>;
  /** The sans-I/O connection underneath (events such as `trace`, `alert`). */
  connection: TlsConnection;
}

/** Options the Web Streams adapter adds to the engine's. */
export interface StreamsOptions {
  /**
   * Milliseconds the handshake may take; then the connection is destroyed, the transport aborted and
   * `handshake` rejects with `ERR_TLS_HANDSHAKE_TIMEOUT` (node:tls name and default: 120000; 0 disables).
   * A peer that stalls or trickles bytes cannot hold the connection open.
   */
  handshakeTimeout?: number;
}

/** Queued plaintext (bytes) before the transport stops being read. */
const READ_HIGH_WATER_MARK = 64 * 1024;

/**
 * Opens a TLS client over `transport` and starts the handshake.
 *
 * @example
 * const tls = tlsClientStreams(await connect("example.com:443"), { servername: "example.com", ca });
 * const writer = tls.writable.getWriter();
 * await writer.write(new TextEncoder().encode("GET / HTTP/1.0\r\nHost: example.com\r\n\r\n"));
 * for await (const chunk of tls.readable) console.log(new TextDecoder().decode(chunk));
 */
export function tlsClientStreams(transport: ByteStreamPair, options: TlsClientOptions & StreamsOptions): TlsStreams {
  const { handshakeTimeout, ...engineOptions } = options;
  const connection = new TlsClient(engineOptions);
  const streams = secureStreams(connection, transport, handshakeTimeout);
  void connection.start();
  return streams;
}

/** Serves TLS over `transport` (one accepted connection): waits for the ClientHello. */
export function tlsServerStreams(transport: ByteStreamPair, options: TlsServerOptions & StreamsOptions): TlsStreams {
  const { handshakeTimeout, ...engineOptions } = options;
  return secureStreams(new TlsServer(engineOptions), transport, handshakeTimeout);
}

/** Wires a connection to a transport; the shared half of the two entry points. */
function secureStreams(
  connection: TlsConnection,
  transport: ByteStreamPair,
  handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT,
): TlsStreams {
  const transportWriter = transport.writable.getWriter();
  const transportReader = transport.readable.getReader();
  let plaintext!: ReadableStreamDefaultController<Uint8Array>;
  let readableDone = false;
  let secured = false;
  /** Resolved by `pull` when the consumer wants more while the read loop waits. */
  let wantMore: (() => void) | undefined;

  let settleHandshake!: { resolve: (info: HandshakeInfo) => void; reject: (error: Error) => void };
  const handshake = new Promise<HandshakeInfo>((resolve, reject) => {
    settleHandshake = { resolve, reject };
  });
  handshake.catch(() => {}); // observed through `readable`/`writable` too; never an unhandled rejection
  let markClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => {
    markClosed = resolve;
  });

  const fail = (error: Error) => {
    settleHandshake.reject(error);
    if (!readableDone) {
      readableDone = true;
      plaintext.error(error);
    }
    transportWriter.abort(error).catch(() => {});
    transportReader.cancel(error).catch(() => {});
    wantMore?.();
  };
  const endReadable = () => {
    if (readableDone) return;
    readableDone = true;
    plaintext.close();
    wantMore?.();
  };

  if (handshakeTimeout > 0) {
    const timer = setTimeout(() => {
      if (secured || connection.status === "closed") return;
      fail(handshakeTimeoutError(handshakeTimeout)); // first: destroy() below reports "destroyed"
      connection.destroy();
    }, handshakeTimeout);
    (timer as { unref?: () => void }).unref?.(); // Node: a pending handshake alone keeps no process alive
    const clear = () => clearTimeout(timer);
    handshake.then(clear, clear);
    void closed.then(clear);
  }

  connection.on("send", (bytes) => {
    transportWriter.write(bytes).catch((error: Error) => {
      connection.destroy();
      fail(error);
    });
  });
  connection.on("handshake", (info) => {
    secured = true;
    settleHandshake.resolve(info);
  });
  connection.on("data", (data) => {
    if (!readableDone) plaintext.enqueue(data.slice());
  });
  connection.on("close", (info) => {
    markClosed(info);
    if (info.reason === "close_notify" && secured) {
      endReadable();
      transportWriter.close().catch(() => {});
    } else if (info.reason === "close_notify") {
      fail(info.error ?? hangUpError());
    } else {
      fail(info.reason === "destroyed" ? new Error("TLS connection destroyed") : closeError(info));
    }
  });

  const readable = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        plaintext = controller;
      },
      pull() {
        wantMore?.();
      },
      cancel() {
        readableDone = true;
        connection.close().catch(() => {});
      },
    },
    { highWaterMark: READ_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );

  // Transport → engine, pausing while the plaintext queue is full.
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await transportReader.read();
        if (done) break;
        await connection.receive(value);
        while (!readableDone && (plaintext.desiredSize ?? 1) <= 0) {
          await new Promise<void>((resolve) => {
            wantMore = resolve;
          });
          wantMore = undefined;
        }
        if (connection.status === "closed") return;
      }
      if (connection.status === "closed") return;
      // Transport ended without close_notify: truncation after the handshake, a hang-up before it.
      if (secured) {
        endReadable();
      } else {
        connection.destroy();
        fail(hangUpError());
      }
    } catch (error) {
      connection.destroy();
      fail(error as Error);
    }
  })();

  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      await connection.write(chunk);
      if (!secured) await handshake; // writes during the handshake are buffered by the engine: hold here
      await transportWriter.ready;
    },
    async close() {
      await connection.close();
      await transportWriter.ready;
    },
    abort() {
      connection.destroy();
    },
  });

  return { readable, writable, handshake, closed, connection };
}
