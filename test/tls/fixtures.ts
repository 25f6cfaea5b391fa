// Shared options for the in-process engine tests.
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import type { TlsClientOptions, TlsServerOptions } from "../../tls/index.js";
import { testPki } from "../support/certs.js";

/** The node:crypto reference provider. */
export const provider = nodeCryptoProvider;

/** Client options trusting the test CA, for `localhost`. */
export function clientOptions(extra: Partial<TlsClientOptions> = {}): TlsClientOptions {
  return { provider, ca: testPki().caCert, servername: "localhost", ...extra };
}

/** Server options with the test server certificate. */
export function serverOptions(extra: Partial<TlsServerOptions> = {}): TlsServerOptions {
  const pki = testPki();
  return { provider, cert: pki.serverCert, key: pki.serverKey, ...extra };
}

/** Names of alerts a side sent. */
export function sentAlerts(log: { alerts: { direction: string; name: string }[] }): string[] {
  return log.alerts.filter((a) => a.direction === "sent").map((a) => a.name);
}
