// The error adapters surface when a connection ends badly, with the alert named.
import type { CloseInfo } from "../events.js";

/** An error carrying the TLS alert that ended the connection. */
export interface TlsSocketError extends Error {
  /** `ERR_TLS_ALERT_SENT`, `ERR_TLS_ALERT_RECEIVED`, `ERR_TLS_INTERNAL`, `ECONNRESET`, … */
  code?: string;
  /** Alert name, e.g. `bad_record_mac`. */
  alert?: string;
}

/**
 * The error for a connection closed by an alert, naming it in `alert` and in `message`: the engine's
 * message for received alerts ("peer sent fatal alert …"), `sent alert <name>: <reason>` for ours.
 */
export function closeError(info: CloseInfo): TlsSocketError {
  const error: TlsSocketError = info.error ?? new Error(`TLS connection failed (${info.reason})`);
  const alert = info.error?.alert;
  if (alert) {
    error.alert = alert.name;
    if (alert.direction === "sent") {
      const named = error.message.startsWith(`${alert.name}:`);
      error.message = `sent alert ${named ? "" : `${alert.name}: `}${error.message}`;
    } else if (!error.message.includes(alert.name)) {
      error.message = `received alert ${alert.name}: ${error.message}`;
    }
  }
  return error;
}

/** The error for a transport that closed before the handshake completed (node:tls wording). */
export function hangUpError(): TlsSocketError {
  const error: TlsSocketError = new Error(
    "Client network socket disconnected before secure TLS connection was established",
  );
  error.code = "ECONNRESET";
  return error;
}

/** node:tls's default handshake timeout in milliseconds, used by both adapters' servers. */
export const DEFAULT_HANDSHAKE_TIMEOUT = 120_000;

/** The error for a handshake that did not complete within `ms` milliseconds (node:tls code). */
export function handshakeTimeoutError(ms: number): TlsSocketError {
  const error: TlsSocketError = new Error(`TLS handshake timeout (${ms} ms)`);
  error.code = "ERR_TLS_HANDSHAKE_TIMEOUT";
  return error;
}
