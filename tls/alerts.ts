// Alert protocol (RFC 5246 §7.2): levels, descriptions, and the error type that carries one.

/** Alert levels (RFC 5246 §7.2). */
export const AlertLevel = { warning: 1, fatal: 2 } as const;

/**
 * Alert descriptions (RFC 5246 §7.2, RFC 5746 §3.6 no_renegotiation, RFC 7507 inappropriate_fallback,
 * RFC 7301 §3.2 no_application_protocol).
 */
export const AlertDescription = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  decryption_failed: 21,
  record_overflow: 22,
  decompression_failure: 30,
  handshake_failure: 40,
  no_certificate: 41,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  access_denied: 49,
  decode_error: 50,
  decrypt_error: 51,
  export_restriction: 60,
  protocol_version: 70,
  insufficient_security: 71,
  internal_error: 80,
  inappropriate_fallback: 86,
  user_canceled: 90,
  no_renegotiation: 100,
  unsupported_extension: 110,
  no_application_protocol: 120,
} as const;

/** Name of an alert description, e.g. `"bad_record_mac"`. */
export type AlertName = keyof typeof AlertDescription;

/** The name of an alert description code (`"unknown_alert_<n>"` for codes not listed above). */
export function alertName(code: number): string {
  for (const [name, c] of Object.entries(AlertDescription)) if (c === code) return name;
  return `unknown_alert_${code}`;
}

/**
 * A protocol violation: thrown inside the engine by parsers and state handlers, caught by the
 * connection, which sends `alert` (fatal) and closes. Never escapes to the caller.
 */
export class TlsAlertError extends Error {
  /** The alert to send. */
  readonly alert: AlertName;
  constructor(alert: AlertName, message: string) {
    super(`${alert}: ${message}`);
    this.name = "TlsAlertError";
    this.alert = alert;
  }
}

/** Throws a {@link TlsAlertError} (handy in expressions: `x ?? fail("decode_error", "…")`). */
export function fail(alert: AlertName, message: string): never {
  throw new TlsAlertError(alert, message);
}
