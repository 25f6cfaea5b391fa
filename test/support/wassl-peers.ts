// wassl's own Node adapter as one side of an interop test: a client factory, an echo server, and
// byte-exact round trips over any Duplex.
import type { Duplex } from "node:stream";
import {
  type ConnectOptions,
  connect,
  createServer,
  type ServerOptions,
  type WasslServer,
  type WasslSocket,
} from "../../tls/adapters/node.js";
import { testPki } from "./certs.js";
import { interopProvider } from "./interop-provider.js";
import { withTimeout } from "./processes.js";

/** Bound on any single interop wait (handshake, round trip, close). */
export const INTEROP_TIMEOUT_MS = 15_000;

/** Connects a wassl client to 127.0.0.1:`port` (servername localhost, test CA) and waits for the handshake. */
export async function connectWassl(port: number, options: Partial<ConnectOptions> = {}): Promise<WasslSocket> {
  const pki = testPki();
  const socket = connect({
    host: "127.0.0.1",
    port,
    servername: "localhost",
    ca: pki.caCert,
    provider: interopProvider,
    ...options,
  });
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once("secureConnect", resolve);
        socket.once("error", reject);
      }),
      INTEROP_TIMEOUT_MS,
      `wassl handshake with 127.0.0.1:${port}`,
    );
  } catch (error) {
    socket.destroy();
    throw error;
  }
  return socket;
}

/** A listening wassl echo server and the sockets it accepted. */
export interface WasslEchoServer {
  readonly port: number;
  readonly server: WasslServer;
  /** Accepted sockets whose handshake completed, in order. */
  readonly sockets: WasslSocket[];
  /** Errors of connections that failed before or after their handshake. */
  readonly errors: Error[];
  /** Resolves with the next socket whose handshake completes. */
  nextSocket(): Promise<WasslSocket>;
  close(): Promise<void>;
}

/** Starts a wassl server on 127.0.0.1:0 with the test PKI's server credentials that echoes everything. */
export async function startWasslEchoServer(options: Partial<ServerOptions> = {}): Promise<WasslEchoServer> {
  const pki = testPki();
  const sockets: WasslSocket[] = [];
  const errors: Error[] = [];
  const waiters: ((socket: WasslSocket) => void)[] = [];
  const server = createServer(
    { cert: pki.serverCert, key: pki.serverKey, provider: interopProvider, minVersion: "TLSv1", ...options },
    (socket) => {
      sockets.push(socket);
      socket.on("error", (error) => errors.push(error));
      socket.pipe(socket);
      waiters.shift()?.(socket);
    },
  );
  server.on("tlsClientError", (error: Error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    server,
    sockets,
    errors,
    nextSocket: () =>
      withTimeout(
        new Promise<WasslSocket>((resolve) => waiters.push(resolve)),
        INTEROP_TIMEOUT_MS,
        "wassl server handshake",
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Writes `data` to an echoing peer and reads until as many bytes came back (bounded); returns them.
 * The connection stays open: TLS peers answer close_notify at once, so ending first would cut the echo.
 */
export async function echoRoundTrip(socket: Duplex, data: Uint8Array, timeoutMs = INTEROP_TIMEOUT_MS): Promise<Buffer> {
  if (data.length === 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let received = 0;
  const done = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= data.length) finish();
    };
    const onEnd = () => {
      finish();
      if (received < data.length) reject(new Error(`stream ended after ${received} of ${data.length} bytes`));
    };
    const finish = () => {
      socket.off("data", onData);
      socket.off("end", onEnd);
      socket.off("error", reject);
      resolve();
    };
    socket.on("data", onData);
    socket.once("end", onEnd);
    socket.once("error", reject);
  });
  socket.write(data);
  await withTimeout(done, timeoutMs, `echo of ${data.length} bytes`);
  return Buffer.concat(chunks);
}

/** Ends `socket` (close_notify) and waits for `close`, bounded. */
export async function closeCleanly(socket: Duplex, timeoutMs = INTEROP_TIMEOUT_MS): Promise<void> {
  if (socket.destroyed) return;
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  // An echo pipe would pause the socket once its writable side finishes, and a paused stream never
  // reaches 'end' (nor 'close'): drop the pipe and drain what is left.
  socket.unpipe();
  socket.resume();
  socket.end();
  await withTimeout(closed, timeoutMs, "clean close");
}
