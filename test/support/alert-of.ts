// Catches the TLS alert a decoder or record layer throws, for table-driven negative tests.
import { TlsAlertError } from "../../tls/alerts.js";

/** The alert `fn` throws as a TlsAlertError, or undefined when it returns; other errors propagate. */
export function alertOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof TlsAlertError) return e.alert;
    throw e;
  }
  return undefined;
}
