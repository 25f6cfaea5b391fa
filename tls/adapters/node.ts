// The Node adapter: node:tls-style `connect()` and `createServer()` over the sans-I/O engine.
import * as net from "node:net";
import type { Duplex } from "node:stream";
import { wasmProvider } from "../../bindings/provider.js";
import { initSync } from "../../bindings/wasm.js";
import { createSecureContext } from "../handshake/config.js";
import type { TlsClientOptions, TlsServerOptions } from "../options.js";
import { TlsServer } from "../server.js";
import { DEFAULT_HANDSHAKE_TIMEOUT } from "./close-error.js";
import { WasslSocket } from "./node-socket.js";

export { RsaWorkerPool, type RsaWorkerPoolOptions } from "../workers/rsa-pool.js";
export type { TlsSocketError } from "./close-error.js";
export type { PeerCertificate } from "./node-peer-certificate.js";
export type { CipherNameAndProtocol, WasslSocketOptions } from "./node-socket.js";
export { WasslSocket } from "./node-socket.js";

/**
 * The options with the default provider filled in: without `provider` or `secureContext`, the WASM
 * provider, its module instantiated synchronously on first use (Node compiles it in a few ms).
 */
function withDefaultProvider<T extends TlsClientOptions | TlsServerOptions>(options: T): T {
  if (options.provider || options.secureContext) return options;
  initSync();
  return { ...options, provider: wasmProvider };
}

/** Options of {@link connect}: node:tls `connect` names plus the engine's client options. */
export interface ConnectOptions extends TlsClientOptions {
  /** Host to connect to. Default `localhost`. Also the default `servername` when it is not an IP address. */
  host?: string;
  /** TCP port (required unless `socket` is given). */
  port?: number;
  /** An already connected transport (any Duplex of ciphertext) instead of a new TCP connection. */
  socket?: Duplex;
}

/**
 * Opens a TLS client connection, like node:tls `connect`. Returns the socket at once; `callback` is
 * added as a `secureConnect` listener. Failures (including the alert that ended the handshake,
 * named in the error message and `error.alert`) arrive as `error` events.
 *
 * @example
 * const socket = connect({ host: "example.com", port: 443, ca }, () => {
 *   console.log(socket.getProtocol(), socket.getCipher()?.standardName);
 *   socket.end("GET / HTTP/1.0\r\n\r\n");
 * });
 */
export function connect(options: ConnectOptions, callback?: () => void): WasslSocket {
  const { host = "localhost", port, socket, ...tlsOptions } = options;
  if (!socket && port === undefined) throw new TypeError("connect() needs `port` or `socket`");
  const servername = tlsOptions.servername ?? (net.isIP(host) ? undefined : host);
  const transport = socket ?? net.connect({ host, port: port as number });
  const tlsSocket = new WasslSocket({ ...withDefaultProvider(tlsOptions), servername, role: "client", transport });
  if (callback) tlsSocket.once("secureConnect", callback);
  return tlsSocket;
}

/** Options of {@link createServer}: the engine's server options (node:tls names). */
export type ServerOptions = TlsServerOptions & {
  /**
   * Milliseconds a client has to complete the handshake; then the connection is destroyed and
   * `tlsClientError` reports `ERR_TLS_HANDSHAKE_TIMEOUT` (node:tls name and default: 120000; 0 disables).
   */
  handshakeTimeout?: number;
};

/**
 * A TCP server whose connections speak TLS. Emits `secureConnection` (a {@link WasslSocket} whose
 * handshake completed) and `tlsClientError` (error, socket) for connections that fail before that,
 * like node:tls; and, as a wassl extension, `tlsSocket` (socket) as soon as a TLS socket is created
 * for a new TCP connection, before its handshake (to attach `trace` listeners).
 */
export class WasslServer extends net.Server {
  private readonly tlsOptions: ServerOptions;

  /** Checks the options and parses the credentials once (`createSecureContext`); throws WasslError. */
  constructor(options: ServerOptions, secureConnectionListener?: (socket: WasslSocket) => void) {
    super();
    const resolved = withDefaultProvider(options);
    this.tlsOptions = {
      ...resolved,
      secureContext: resolved.secureContext ?? createSecureContext(resolved),
      handshakeTimeout: options.handshakeTimeout ?? DEFAULT_HANDSHAKE_TIMEOUT,
    };
    new TlsServer(this.tlsOptions).destroy(); // validates the per-connection options now, not per connection
    if (secureConnectionListener) this.on("secureConnection", secureConnectionListener);
    this.on("connection", (transport: net.Socket) => this.accept(transport));
  }

  private accept(transport: net.Socket): void {
    let tlsSocket: WasslSocket;
    try {
      tlsSocket = new WasslSocket({ ...this.tlsOptions, role: "server", transport });
    } catch (error) {
      transport.destroy();
      this.emit("error", error);
      return;
    }
    this.emit("tlsSocket", tlsSocket);
    const onEarlyError = (error: Error) => {
      if (this.listenerCount("tlsClientError") > 0) this.emit("tlsClientError", error, tlsSocket);
    };
    tlsSocket.on("error", onEarlyError);
    tlsSocket.once("secure", () => {
      tlsSocket.off("error", onEarlyError);
      this.emit("secureConnection", tlsSocket);
    });
  }
}

/**
 * Creates a TLS server, like node:tls `createServer`. `cert` and `key` are required; the options are
 * checked and the credentials parsed here, once (unusable options throw a WasslError).
 *
 * @example
 * createServer({ cert, key }, (socket) => socket.pipe(socket)).listen(8443);
 */
export function createServer(
  options: ServerOptions,
  secureConnectionListener?: (socket: WasslSocket) => void,
): WasslServer {
  return new WasslServer(options, secureConnectionListener);
}
