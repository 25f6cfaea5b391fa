// The error a connection reports when it fails (carried by the `close` event).
import { WasslError } from "../bindings/errors.js";
import type { AlertInfo } from "./events.js";

/**
 * A connection failure. `code` is one of:
 * `ERR_TLS_ALERT_SENT` (we detected a violation and sent `alert`), `ERR_TLS_ALERT_RECEIVED` (the peer
 * sent a fatal alert), `ERR_TLS_INTERNAL` (a bug or provider failure; internal_error was sent),
 * `ERR_TLS_CLOSED_DURING_HANDSHAKE` (close_notify before the handshake completed).
 */
export class TlsError extends WasslError {
  /** The alert sent or received, when there was one. */
  readonly alert?: AlertInfo;
  constructor(code: string, message: string, alert?: AlertInfo) {
    super(code, message);
    this.name = "TlsError";
    this.alert = alert;
  }
}
