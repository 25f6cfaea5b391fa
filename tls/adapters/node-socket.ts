// A node:tls-like TLS socket: a Duplex of plaintext over any Duplex of ciphertext (usually net.Socket).
import type { Socket } from "node:net";
import { Duplex } from "node:stream";
import { TlsClient } from "../client.js";
import type { AlertInfo, CloseInfo, HandshakeInfo, TraceStep } from "../events.js";
import type { RenegotiationOptions } from "../handshake/renegotiation-control.js";
import type { TlsClientOptions, TlsServerOptions } from "../options.js";
import { TlsServer } from "../server.js";
import { versionName } from "../versions.js";
import { closeError, handshakeTimeoutError, hangUpError } from "./close-error.js";
import { type PeerCertificate, peerCertificateFromChain } from "./node-peer-certificate.js";

/** What `getCipher()` returns (node:tls shape). */
export interface CipherNameAndProtocol {
  /** OpenSSL name, e.g. `AES128-GCM-SHA256`. */
  name: string;
  /** IANA name, e.g. `TLS_RSA_WITH_AES_128_GCM_SHA256`. */
  standardName: string;
  /** Lowest protocol version the suite works with (`SSLv3` or `TLSv1.2`), like node:tls. */
  version: string;
}

/** Options of a {@link WasslSocket}: the role, the transport and the engine options. */
export type WasslSocketOptions = (TlsClientOptions & TlsServerOptions) & {
  /** `client` starts the handshake; `server` waits for a ClientHello. */
  role: "client" | "server";
  /** The ciphertext transport. */
  transport: Duplex;
  /**
   * Milliseconds the handshake may take before the socket is destroyed with
   * `ERR_TLS_HANDSHAKE_TIMEOUT` (node:tls name; a peer that stalls or trickles bytes cannot hold the
   * connection open). Default: none for a lone socket; `createServer` passes 120000 like node:tls.
   */
  handshakeTimeout?: number;
};

/**
 * The TLS socket of the Node adapter. Events and methods follow node:tls `TLSSocket`: `secureConnect`
 * (client) / `secure` (both roles), `data`, `end`, `error`, `close`; `getPeerCertificate()`,
 * `getCipher()`, `getProtocol()`, `authorized`, `authorizationError`, `encrypted`, `session` /
 * `getSession()` / `isSessionReused()`, `renegotiate()`. It also emits `trace` (a {@link TraceStep}
 * per handshake step), `alert` ({@link AlertInfo}) and `renegotiated` ({@link HandshakeInfo}).
 *
 * Backpressure both ways: application writes complete when the transport accepts the records, and the
 * transport is paused while the reader does not consume decrypted data. `end()` sends close_notify,
 * then half-closes the transport; a peer's close_notify ends the readable side.
 */
export class WasslSocket extends Duplex {
  /** Always true (node:tls compatibility). */
  readonly encrypted = true;
  /** True when the peer's certificate chain (and host name) verified. */
  authorized = false;
  /** Why the peer is not authorized (e.g. `CERT_HAS_EXPIRED`), when `authorized` is false. */
  authorizationError: string | undefined = undefined;
  /** The ciphertext transport. */
  readonly transport: Duplex;
  /** The sans-I/O engine connection (for tracing and tests; drive it through this socket only). */
  readonly connection: TlsClient | TlsServer;

  private secured = false;
  private engineClosed = false;
  private readableDone = false;
  /** Receives handed to the engine and not yet processed. */
  private inFlight = 0;
  /** The reader stopped consuming (push returned false). */
  private readerFull = false;
  /** Write completions held until the handshake completes. */
  private readonly waitingForSecure: (() => void)[] = [];

  constructor(options: WasslSocketOptions) {
    super({ allowHalfOpen: false });
    const { role, transport, handshakeTimeout, ...engineOptions } = options;
    this.transport = transport;
    this.connection = role === "client" ? new TlsClient(engineOptions) : new TlsServer(engineOptions);
    const connection = this.connection;
    connection.on("send", (bytes) => this.sendToTransport(bytes));
    connection.on("handshake", (info) => this.onHandshake(info));
    connection.on("data", (data) => this.onPlaintext(data));
    connection.on("alert", (alert) => this.emit("alert", alert));
    connection.on("close", (info) => this.onEngineClose(info));
    connection.on("trace", (step) => this.emit("trace", step));
    connection.on("session", (session) => this.emit("session", Buffer.from(session)));
    connection.on("renegotiated", (info) => this.emit("renegotiated", info));

    transport.on("data", (chunk: Buffer) => this.onCiphertext(chunk));
    transport.on("end", () => this.onTransportEnd());
    transport.on("error", (error: Error) => this.destroy(error));
    transport.on("close", () => this.onTransportClose());
    if (handshakeTimeout !== undefined && handshakeTimeout > 0) this.startHandshakeTimer(handshakeTimeout);
    if (connection instanceof TlsClient) void connection.start();
  }

  private startHandshakeTimer(ms: number): void {
    const timer = setTimeout(() => {
      if (this.secured || this.destroyed) return;
      this.destroy(handshakeTimeoutError(ms));
    }, ms);
    timer.unref?.();
    const clear = () => clearTimeout(timer);
    this.once("secure", clear);
    this.once("close", clear);
  }

  /** What the handshake negotiated, once it completed. */
  get session(): HandshakeInfo | undefined {
    return this.connection.session;
  }

  /** Negotiated version (`TLSv1` … `TLSv1.2`), or null before the handshake. */
  getProtocol(): string | null {
    return this.session?.version ?? null;
  }

  /** Negotiated suite, or null before the handshake. */
  getCipher(): CipherNameAndProtocol | null {
    const suite = this.session?.cipherSuite;
    if (!suite) return null;
    return { name: suite.openssl, standardName: suite.name, version: versionName(suite.minVersion) ?? "TLSv1" };
  }

  /** The peer's certificate (`{}` when none); `detailed` links the chain through `issuerCertificate`. */
  getPeerCertificate(detailed = false): PeerCertificate | object {
    return peerCertificateFromChain(this.session?.peerCertificates ?? [], detailed);
  }

  /** The ALPN protocol agreed (RFC 7301), or `false` (node:tls `alpnProtocol`). */
  get alpnProtocol(): string | false {
    return this.session?.alpnProtocol ?? false;
  }

  /** The SNI name sent (client) or received (server). */
  get servername(): string | undefined {
    return this.session?.servername;
  }

  /**
   * The resumable session (node:tls `getSession()`, also delivered by the `session` event): pass it
   * as the `session` option of a later `connect`. Holds the master secret.
   */
  getSession(): Buffer | undefined {
    const session = this.connection.getSession();
    return session ? Buffer.from(session) : undefined;
  }

  /** True when the handshake resumed a session (node:tls `isSessionReused()`). */
  isSessionReused(): boolean {
    return this.connection.isSessionReused();
  }

  /**
   * Renegotiates (node:tls `renegotiate(options, callback)` shape): `requestCert` on the server asks
   * for a client certificate in the new handshake. The callback gets null or the refusal error.
   * Returns false when the socket is not established.
   */
  renegotiate(options: RenegotiationOptions = {}, callback?: (error: Error | null) => void): boolean {
    if (!this.secured || this.engineClosed) return false;
    this.connection.renegotiate(options).then(
      () => {
        this.authorized = this.connection.session?.authorized ?? this.authorized;
        this.authorizationError = this.connection.session?.authorizationError;
        callback?.(null);
      },
      (error: Error) => callback?.(error),
    );
    return true;
  }

  /** Remote address of a net.Socket transport. */
  get remoteAddress(): string | undefined {
    return (this.transport as Partial<Socket>).remoteAddress;
  }

  /** Remote port of a net.Socket transport. */
  get remotePort(): number | undefined {
    return (this.transport as Partial<Socket>).remotePort;
  }

  /** Forwards to a net.Socket transport. */
  setNoDelay(noDelay = true): this {
    (this.transport as Partial<Socket>).setNoDelay?.(noDelay);
    return this;
  }

  /** Forwards to a net.Socket transport; its `timeout` events are re-emitted here. */
  setTimeout(ms: number, callback?: () => void): this {
    (this.transport as Partial<Socket>).setTimeout?.(ms, () => this.emit("timeout"));
    if (callback) this.once("timeout", callback);
    return this;
  }

  // --- Duplex plumbing --------------------------------------------------------------------------

  override _read(): void {
    this.readerFull = false;
    this.updateFlow();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // The engine buffers writes made during the handshake; their completion waits for the handshake
    // (so write() backpressure holds before it too), then for the transport to drain.
    this.connection.write(chunk).then(() => {
      if (this.secured) this.afterTransportDrains(callback);
      else this.waitingForSecure.push(() => this.afterTransportDrains(callback));
    }, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const finish = () => this.transport.end(() => callback());
    if (this.engineClosed) finish();
    else this.connection.close().then(finish, callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.engineClosed) this.connection.destroy();
    this.transport.destroy();
    callback(error);
  }

  // --- engine and transport events ---------------------------------------------------------------

  private afterTransportDrains(callback: () => void): void {
    if (this.transport.writableNeedDrain && !this.transport.destroyed) this.transport.once("drain", callback);
    else callback();
  }

  private sendToTransport(bytes: Uint8Array): void {
    if (!this.transport.destroyed && !this.transport.writableEnded) this.transport.write(bytes);
  }

  private onCiphertext(chunk: Buffer): void {
    this.inFlight++;
    this.updateFlow();
    this.connection.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)).then(
      () => {
        this.inFlight--;
        this.updateFlow();
      },
      (error: Error) => this.destroy(error),
    );
  }

  /** Pauses the transport while the engine lags behind or the reader is not consuming. */
  private updateFlow(): void {
    if (this.transport.destroyed) return;
    if (this.readerFull || this.inFlight > MAX_RECEIVES_IN_FLIGHT) this.transport.pause();
    else if (this.transport.isPaused()) this.transport.resume();
  }

  private onHandshake(info: HandshakeInfo): void {
    this.authorized = info.authorized;
    this.authorizationError = info.authorized ? undefined : info.authorizationError;
    this.secured = true;
    for (const complete of this.waitingForSecure.splice(0)) complete();
    this.emit("secure");
    if (this.connection instanceof TlsClient) this.emit("secureConnect");
  }

  private onPlaintext(data: Uint8Array): void {
    if (this.readableDone) return;
    if (!this.push(Buffer.from(data))) {
      this.readerFull = true;
      this.updateFlow();
    }
  }

  private onEngineClose(info: CloseInfo): void {
    this.engineClosed = true;
    if (info.reason === "close_notify" && this.secured) this.endReadable();
    else if (info.reason === "close_notify") this.destroy(info.error ?? hangUpError());
    else if (info.reason !== "destroyed") this.destroy(closeError(info));
  }

  private onTransportEnd(): void {
    this.afterQueuedReceives(() => {
      // The transport ended without close_notify. Before the handshake that is a hang-up; after it, a
      // truncation, which ends the stream as node:tls does (the engine is told with destroy()).
      if (!this.secured) {
        this.destroy(hangUpError());
        return;
      }
      this.endReadable();
      this.engineClosed = true;
      this.connection.destroy();
    });
  }

  private onTransportClose(): void {
    this.connection.receive(new Uint8Array(0)).then(() => {
      if (this.destroyed) return;
      if (!this.engineClosed) {
        this.destroy(this.secured ? undefined : hangUpError());
      } else if (this.readableDone) {
        // Closed cleanly: once nothing is left to read, close even if nobody consumes the end of the
        // stream (a paused reader, an unpiped echo); a flowing reader gets its 'end' first.
        setImmediate(() => {
          if (!this.destroyed && this.readableLength === 0) this.destroy();
        });
      }
    });
  }

  /** Runs `action` once the engine has processed every received chunk, unless it closed meanwhile. */
  private afterQueuedReceives(action: () => void): void {
    this.connection.receive(new Uint8Array(0)).then(() => {
      if (!this.engineClosed && !this.destroyed) action();
    });
  }

  private endReadable(): void {
    if (this.readableDone) return;
    this.readableDone = true;
    this.push(null);
  }
}

/** Receives queued in the engine before the transport is paused. */
const MAX_RECEIVES_IN_FLIGHT = 4;
