// Events a connection emits, and a minimal typed listener registry (no node:events: browsers too).

import type { TlsError } from "./errors.js";
import type { CipherSuite } from "./suites.js";
import type { TlsVersionName } from "./versions.js";

/** What the handshake negotiated; delivered with the `handshake` event and kept as `connection.session`. */
export interface HandshakeInfo {
  /** Negotiated version, node:tls spelling (`getProtocol()`). */
  version: TlsVersionName;
  /** Negotiated suite (IANA `name`, OpenSSL `openssl` alias, …). */
  cipherSuite: CipherSuite;
  /** The peer's certificate chain as sent (DER, leaf first); empty when the peer sent none. */
  peerCertificates: Uint8Array[];
  /** True when the peer's chain (and hostname) verified against `ca`. */
  authorized: boolean;
  /** Why the peer is not authorized (node-style code, e.g. `CERT_HAS_EXPIRED`), when `authorized` is false. */
  authorizationError?: string;
  /** Session ID chosen by the server (may be empty). */
  sessionId: Uint8Array;
  /** RFC 7627 extended master secret in use. */
  extendedMasterSecret: boolean;
  /** RFC 7366 encrypt-then-MAC in use (CBC suites). */
  encryptThenMac: boolean;
  /** The ALPN protocol agreed (RFC 7301), or `false` (node:tls `alpnProtocol`). */
  alpnProtocol: string | false;
  /** RFC 5746 secure renegotiation supported by both sides. */
  secureRenegotiation: boolean;
  /** SNI host name: sent by the client / received by the server. */
  servername?: string;
  /** RFC 6066 max_fragment_length in force (bytes), when negotiated. */
  maxFragmentLength?: number;
}

/** An alert sent or received. */
export interface AlertInfo {
  /** `"warning"` or `"fatal"`. */
  level: "warning" | "fatal";
  /** Alert description code (RFC 5246 §7.2). */
  description: number;
  /** Alert name, e.g. `"bad_record_mac"`. */
  name: string;
  /** Whether we sent it or the peer did. */
  direction: "sent" | "received";
}

/** Why the connection closed. */
export interface CloseInfo {
  /**
   * `close_notify`: orderly close (by either side, both close_notify exchanged or the peer's received);
   * `alert_sent` / `alert_received`: fatal alert; `destroyed`: `destroy()` called.
   */
  reason: "close_notify" | "alert_sent" | "alert_received" | "destroyed";
  /**
   * The failure: always for the alert reasons; for `close_notify` only when the peer closed before the
   * handshake completed (`ERR_TLS_CLOSED_DURING_HANDSHAKE`).
   */
  error?: TlsError;
}

/** A step of the handshake for tracing (`--trace`, the demo): message sent/received or a key computed. */
export interface TraceStep {
  /** Short step name, e.g. `"ClientHello sent"`, `"master secret computed"`. */
  step: string;
  /** Human-readable details (version, suite, sizes…). Never secrets. */
  detail?: string;
  /** For received messages: the handshake state that accepted it (e.g. `ExpectServerHello`). */
  state?: string;
}

/** Listener signatures by event name. */
export interface TlsEvents {
  /** Bytes to transmit to the peer, in order. Without a listener they accumulate for `takeOutput()`. */
  send: (bytes: Uint8Array) => void;
  /** Handshake complete; application data may flow both ways. */
  handshake: (info: HandshakeInfo) => void;
  /** Decrypted application data from the peer. */
  data: (data: Uint8Array) => void;
  /** An alert was sent or received (close_notify included). */
  alert: (alert: AlertInfo) => void;
  /** The connection is closed; nothing more will be emitted or accepted. Emitted exactly once. */
  close: (info: CloseInfo) => void;
  /** A handshake step, for tracing. */
  trace: (step: TraceStep) => void;
}

/** Name of a connection event. */
export type TlsEventName = keyof TlsEvents;

/** Minimal typed listener registry. */
export class TlsEventRegistry {
  private readonly listeners: { [K in TlsEventName]?: TlsEvents[K][] } = {};

  /** Adds a listener. */
  on<K extends TlsEventName>(event: K, listener: TlsEvents[K]): this {
    let list = this.listeners[event] as TlsEvents[K][] | undefined;
    if (!list) {
      list = [];
      (this.listeners as Record<string, unknown>)[event] = list;
    }
    list.push(listener);
    return this;
  }

  /** Removes a listener added with `on`. */
  off<K extends TlsEventName>(event: K, listener: TlsEvents[K]): this {
    const list = this.listeners[event] as TlsEvents[K][] | undefined;
    const index = list ? list.indexOf(listener) : -1;
    if (list && index >= 0) list.splice(index, 1);
    return this;
  }

  /** True when at least one listener is registered for `event`. */
  has(event: TlsEventName): boolean {
    return (this.listeners[event]?.length ?? 0) > 0;
  }

  /** Calls every listener of `event` in registration order. */
  emit<K extends TlsEventName>(event: K, ...args: Parameters<TlsEvents[K]>): void {
    const list = this.listeners[event] as ((...a: Parameters<TlsEvents[K]>) => void)[] | undefined;
    if (!list) return;
    for (const listener of [...list]) listener(...args);
  }
}
