// The sans-I/O connection: bytes in (`receive`), bytes out (`send` event / `takeOutput`), events.
import { WasslError } from "../bindings/errors.js";
import { AlertDescription, AlertLevel, alertName, TlsAlertError } from "./alerts.js";
import { TlsError } from "./errors.js";
import {
  type AlertInfo,
  type CloseInfo,
  type HandshakeInfo,
  type TlsEventName,
  TlsEventRegistry,
  type TlsEvents,
} from "./events.js";
import type { HandshakeConfig } from "./handshake/config.js";
import { HandshakeContext } from "./handshake/context.js";
import { DeclineRenegotiation } from "./handshake/renegotiation.js";
import { RenegotiationControl, type RenegotiationOptions } from "./handshake/renegotiation-control.js";
import { clientSessionBytes, forgetServerSession } from "./handshake/resumption.js";
import type { HandshakeState } from "./handshake/state.js";
import { type HandshakeMessage, HandshakeType } from "./messages/handshake-types.js";
import { ContentType } from "./record/constants.js";
import { HandshakeReassembler } from "./record/handshake-reassembler.js";
import { RecordReader } from "./record/record-reader.js";
import { RecordWriter } from "./record/record-writer.js";

/** Warning alerts accepted in a row before the peer is treated as hostile. */
const MAX_CONSECUTIVE_WARNINGS = 16;

/** Lifecycle of a connection. */
export type ConnectionStatus = "handshaking" | "open" | "closing" | "closed";

/**
 * Base of {@link TlsClient} and {@link TlsServer}. No I/O: feed the peer's bytes to `receive()` and
 * transmit what the `send` event delivers (or poll `takeOutput()`).
 *
 * Contract for adapters:
 * - `receive`, `write`, `close` are serialized on one internal queue and return a Promise that resolves
 *   once that operation has been processed (handshake steps may await asynchronous private-key
 *   operations). Calling them without awaiting is fine; order is preserved.
 * - These Promises never reject because of the peer: protocol errors send the RFC alert, emit `alert`
 *   and then `close` with a {@link TlsError}. They reject only for API misuse (`write` after `close`).
 * - Events are emitted synchronously during processing, in protocol order; `send` bytes must be
 *   transmitted in the order received. `close` is emitted exactly once.
 * - `write` before the handshake completes is buffered and sent right after it.
 */
export abstract class TlsConnection {
  private readonly events = new TlsEventRegistry();
  private readonly reader = new RecordReader();
  private readonly writer = new RecordWriter();
  private readonly reassembler: HandshakeReassembler;
  protected readonly context: HandshakeContext;
  protected state: HandshakeState;
  private queue: Promise<void> = Promise.resolve();
  private output: Uint8Array[] = [];
  private earlyWrites: Uint8Array[] = [];
  private currentStatus: ConnectionStatus = "handshaking";
  private sentCloseNotify = false;
  private handshakeInfo: HandshakeInfo | undefined;
  private failure: TlsError | undefined;
  private consecutiveWarnings = 0;
  private closeRequested = false;
  private resumableSession: Uint8Array | undefined;
  private readonly renegotiation = new RenegotiationControl();

  protected constructor(
    protected readonly config: HandshakeConfig,
    initialState: (ctx: HandshakeContext) => HandshakeState,
  ) {
    this.reassembler = new HandshakeReassembler(config.maxHandshakeMessageSize);
    this.context = new HandshakeContext(config, this.reader, this.writer, {
      trace: (step, detail, state) => this.events.emit("trace", { step, detail, state }),
      completed: (info) => this.onHandshakeComplete(info),
    });
    this.state = initialState(this.context);
  }

  /** Adds an event listener (see {@link TlsEvents}). */
  on<K extends TlsEventName>(event: K, listener: TlsEvents[K]): this {
    this.events.on(event, listener);
    return this;
  }

  /** Removes an event listener. */
  off<K extends TlsEventName>(event: K, listener: TlsEvents[K]): this {
    this.events.off(event, listener);
    return this;
  }

  /** `"client"` or `"server"`. */
  get role(): "client" | "server" {
    return this.config.role;
  }

  /** Lifecycle status. */
  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** Name of the current handshake state (e.g. `ExpectServerHello`, `Connected`). */
  get stateName(): string {
    return this.state.name;
  }

  /** What the handshake negotiated, once complete. */
  get session(): HandshakeInfo | undefined {
    return this.handshakeInfo;
  }

  /** Why the connection failed, if it did. */
  get error(): TlsError | undefined {
    return this.failure;
  }

  /** Processes bytes received from the peer. Resolves when they (and everything queued before) are processed. */
  receive(bytes: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      if (this.currentStatus === "closed") return;
      this.reader.push(bytes);
      await this.processRecords();
    });
  }

  /** Sends application data (buffered until the handshake completes). Rejects after `close()`. */
  write(data: Uint8Array): Promise<void> {
    if (this.closeRequested || this.currentStatus === "closed") {
      return Promise.reject(new WasslError("ERR_TLS_CLOSED", "write after close"));
    }
    const copy = new Uint8Array(data); // a real copy even for a Node Buffer (whose slice() is a view)
    return this.enqueue(() => {
      if (this.currentStatus === "open") this.writer.write(ContentType.application_data, copy);
      else if (this.currentStatus === "handshaking") this.earlyWrites.push(copy);
    });
  }

  /**
   * Orderly close: sends close_notify after any buffered writes and stops writing. During the
   * handshake the close waits for it to complete (like ending a Node socket right after `connect`),
   * so early writes are still delivered. The `close` event follows the peer's close_notify.
   */
  close(): Promise<void> {
    this.closeRequested = true;
    return this.enqueue(() => {
      if (this.currentStatus === "open") this.sendCloseNotify();
    });
  }

  /** Abandons the connection without an alert; emits `close` with reason `destroyed`. */
  destroy(): void {
    if (this.currentStatus === "closed") return;
    this.finish({ reason: "destroyed" });
  }

  /**
   * Client: the latest resumable session (node:tls `getSession()`), also delivered by the `session`
   * event; pass it as the `session` option of a later connection. Holds the master secret.
   */
  getSession(): Uint8Array | undefined {
    return this.resumableSession;
  }

  /** True when the last handshake resumed a session (node:tls `isSessionReused()`). */
  isSessionReused(): boolean {
    return this.handshakeInfo?.resumed === true;
  }

  /**
   * Renegotiates (RFC 5246 §7.4.1.1 with RFC 5746): the client sends a new ClientHello, the server a
   * HelloRequest. `requestCert` (server) asks the client for a certificate in this handshake only.
   * Resolves when the new handshake completes; rejects with `ERR_TLS_RENEGOTIATION_REFUSED` when the
   * policy or the peer declines (the connection stays usable), or `ERR_TLS_CLOSED` if it closes.
   * Application data keeps flowing in both directions meanwhile.
   */
  renegotiate(options: RenegotiationOptions = {}): Promise<void> {
    const done = this.renegotiation.request();
    void this.enqueue(() => {
      const refusal = this.renegotiation.refusalFor(this.context, this.state.connected, this.currentStatus);
      if (refusal) return this.renegotiation.reject(refusal);
      if (this.renegotiation.joinsRunning(this.context)) return;
      this.state = this.renegotiation.start(this.context, options);
    });
    return done;
  }

  /** Drains output bytes accumulated while no `send` listener was registered. */
  takeOutput(): Uint8Array {
    const parts = this.output;
    this.output = [];
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Runs `step` after everything queued; turns protocol errors into alerts; flushes output. */
  protected enqueue(step: () => void | Promise<void>): Promise<void> {
    const run = async () => {
      try {
        await step();
      } catch (error) {
        this.handleError(error);
      }
      this.flush();
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private async processRecords(): Promise<void> {
    for (let record = this.reader.next(); record; record = this.reader.next()) {
      if (record.type !== ContentType.alert) this.consecutiveWarnings = 0;
      switch (record.type) {
        case ContentType.handshake:
          this.reassembler.push(record.fragment);
          for (let m = this.reassembler.next(); m; m = this.reassembler.next()) {
            if (this.isIgnorableHelloRequest(m)) continue;
            try {
              this.state = await this.state.onHandshake(this.context, m);
            } catch (error) {
              if (!(error instanceof DeclineRenegotiation)) throw error;
              this.sendAlert("warning", "no_renegotiation");
            }
          }
          break;
        case ContentType.change_cipher_spec:
          // RFC 5246 §7.1: exactly one byte, value 1, at a handshake message boundary.
          if (!this.reassembler.isEmpty)
            throw new TlsAlertError("unexpected_message", "CCS inside a handshake message");
          if (record.fragment.length !== 1 || record.fragment[0] !== 1) {
            throw new TlsAlertError("decode_error", "malformed ChangeCipherSpec");
          }
          this.state = this.state.onChangeCipherSpec(this.context);
          break;
        case ContentType.alert:
          this.receiveAlert(record.fragment);
          break;
        default:
          // Established once: application data may interleave with a renegotiation (RFC 5246 §7.4.1.1).
          if (!(this.state.connected || this.currentStatus === "open") || !this.reassembler.isEmpty) {
            throw new TlsAlertError("unexpected_message", "application data before the handshake completed");
          }
          if (record.fragment.length > 0) this.events.emit("data", record.fragment);
      }
      if (this.currentStatus === "closed") return;
    }
  }

  /**
   * RFC 5246 §7.4.1.1: a client ignores HelloRequest while it is negotiating (it is not part of the
   * transcript). An established connection passes it to the `Connected` state instead.
   */
  private isIgnorableHelloRequest(message: HandshakeMessage): boolean {
    if (this.config.role !== "client" || message.type !== HandshakeType.hello_request || this.state.connected) {
      return false;
    }
    if (message.body.length !== 0) throw new TlsAlertError("decode_error", "HelloRequest must be empty");
    this.events.emit("trace", { step: "HelloRequest ignored during the handshake" });
    return true;
  }

  private receiveAlert(fragment: Uint8Array): void {
    if (fragment.length !== 2) throw new TlsAlertError("decode_error", "alert record must be 2 bytes");
    const [level, description] = fragment;
    if (level !== AlertLevel.warning && level !== AlertLevel.fatal) {
      throw new TlsAlertError("illegal_parameter", `alert level ${level}`);
    }
    const alert: AlertInfo = {
      level: level === AlertLevel.fatal ? "fatal" : "warning",
      description,
      name: alertName(description),
      direction: "received",
    };
    this.events.emit("alert", alert);
    if (description === AlertDescription.close_notify) {
      // RFC 5246 §7.2.1: answer with our own close_notify and close. Before the handshake completed,
      // the close is a failure for the caller (nothing was secured).
      if (!this.sentCloseNotify) this.sendAlert("warning", "close_notify");
      const early = this.state.connected
        ? undefined
        : new TlsError("ERR_TLS_CLOSED_DURING_HANDSHAKE", "peer closed before the handshake completed", alert);
      this.finish({ reason: "close_notify", error: early });
    } else if (description === AlertDescription.no_renegotiation && this.renegotiation.pending) {
      // The peer declined our renegotiation request: stay connected with the current keys.
      this.state = this.renegotiation.declined(this.context, this.state);
    } else if (alert.level === "fatal") {
      this.finish({
        reason: "alert_received",
        error: new TlsError("ERR_TLS_ALERT_RECEIVED", `peer sent fatal alert ${alert.name}`, alert),
      });
    } else if (++this.consecutiveWarnings > MAX_CONSECUTIVE_WARNINGS) {
      // Warnings (e.g. unrecognized_name, user_canceled) are reported and ignored, but not endlessly.
      throw new TlsAlertError("unexpected_message", "too many warning alerts");
    }
  }

  private sendAlert(level: "warning" | "fatal", name: keyof typeof AlertDescription): AlertInfo {
    const description = AlertDescription[name];
    this.writer.write(ContentType.alert, Uint8Array.of(AlertLevel[level], description));
    const alert: AlertInfo = { level, description, name, direction: "sent" };
    this.events.emit("alert", alert);
    return alert;
  }

  private handleError(error: unknown): void {
    if (this.currentStatus === "closed") return;
    const isProtocol = error instanceof TlsAlertError;
    const alert = this.sendAlert("fatal", isProtocol ? error.alert : "internal_error");
    const message = error instanceof Error ? error.message : String(error);
    const tlsError = new TlsError(isProtocol ? "ERR_TLS_ALERT_SENT" : "ERR_TLS_INTERNAL", message, alert);
    if (!isProtocol && error instanceof Error) tlsError.cause = error;
    this.finish({ reason: "alert_sent", error: tlsError });
  }

  private onHandshakeComplete(info: HandshakeInfo): void {
    this.context.requestCertNow = undefined;
    if (this.config.role === "client") {
      const session = clientSessionBytes(this.context);
      if (session) {
        this.resumableSession = session;
        this.events.emit("session", session);
      }
    }
    if (this.handshakeInfo) {
      this.handshakeInfo = info;
      this.context.renegotiations++;
      this.events.emit("renegotiated", info);
      this.renegotiation.resolve();
      return;
    }
    this.handshakeInfo = info;
    this.currentStatus = "open";
    this.events.emit("handshake", info);
    for (const data of this.earlyWrites) this.writer.write(ContentType.application_data, data);
    this.earlyWrites = [];
    if (this.closeRequested) this.sendCloseNotify();
  }

  private sendCloseNotify(): void {
    this.sendAlert("warning", "close_notify");
    this.sentCloseNotify = true;
    this.currentStatus = "closing";
  }

  private flush(): void {
    if (this.currentStatus === "closed" || !this.writer.hasPending) return;
    const bytes = this.writer.take();
    if (this.events.has("send")) this.events.emit("send", bytes);
    else this.output.push(bytes);
  }

  private finish(info: CloseInfo): void {
    this.flush();
    this.currentStatus = "closed";
    this.failure = info.error;
    this.reader.dispose();
    this.writer.dispose();
    // RFC 5246 §7.2.2: a fatal alert invalidates the session (it cannot be resumed).
    if (info.reason === "alert_sent" || info.reason === "alert_received") forgetServerSession(this.context);
    this.context.dispose();
    this.renegotiation.reject("connection closed", "ERR_TLS_CLOSED");
    this.events.emit("close", info);
  }
}
