// Node's own tls (OpenSSL 3 inside Node) as an in-process interop peer on 127.0.0.1.
import * as tls from "node:tls";
import { withTimeout } from "./processes.js";

/** How long a Node peer may take to listen, connect or finish. */
export const NODE_PEER_TIMEOUT_MS = 15_000;

/** A listening Node tls server. */
export interface NodeTlsServer {
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /** The server. */
  readonly server: tls.Server;
  /** Sockets that completed a handshake, in order. */
  readonly sockets: tls.TLSSocket[];
  /** Closes the listener and destroys open sockets. */
  close(): Promise<void>;
}

/**
 * Node tls options that allow TLS 1.0/1.1 and RSA-key-exchange suites (GUIDE §4):
 * `minVersion: 'TLSv1'` and `@SECLEVEL=0` on the Node side.
 */
export function legacyFriendlyNodeOptions(cipher?: string): tls.SecureContextOptions & tls.CommonConnectionOptions {
  return { minVersion: "TLSv1", maxVersion: "TLSv1.2", ciphers: `${cipher ?? "ALL"}:@SECLEVEL=0` };
}

/** Echoes everything back and ends when the client ends. */
export function echoHandler(socket: tls.TLSSocket): void {
  socket.pipe(socket);
}

/** Starts a Node tls server on 127.0.0.1:0; `onSecure` defaults to {@link echoHandler}. */
export async function startNodeTlsServer(
  options: tls.TlsOptions,
  onSecure: (socket: tls.TLSSocket) => void = echoHandler,
): Promise<NodeTlsServer> {
  const sockets: tls.TLSSocket[] = [];
  const server = tls.createServer(options, (socket) => {
    sockets.push(socket);
    socket.on("error", () => {}); // the test asserts on the wassl side; a peer reset must not crash
    onSecure(socket);
  });
  server.on("tlsClientError", () => {});
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    }),
    NODE_PEER_TIMEOUT_MS,
    "node tls server listen",
  );
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    server,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Connects Node's tls client to 127.0.0.1:`port` and waits for `secureConnect` (bounded). */
export function connectNodeTls(port: number, options: tls.ConnectionOptions): Promise<tls.TLSSocket> {
  const socket = tls.connect({ host: "127.0.0.1", port, ...options });
  return withTimeout(
    new Promise<tls.TLSSocket>((resolve, reject) => {
      socket.once("secureConnect", () => resolve(socket));
      socket.once("error", reject);
    }),
    NODE_PEER_TIMEOUT_MS,
    `node tls connect to ${port}`,
  ).catch((error) => {
    socket.destroy();
    throw error;
  });
}

/** Reads a stream until it ends, bounded by `timeoutMs`. */
export function readAll(stream: NodeJS.ReadableStream, timeoutMs = NODE_PEER_TIMEOUT_MS): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return withTimeout(
    new Promise<Buffer>((resolve, reject) => {
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.once("end", () => resolve(Buffer.concat(chunks)));
      stream.once("error", reject);
    }),
    timeoutMs,
    "stream end",
  );
}
