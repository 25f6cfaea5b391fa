// Shared options for the in-process engine tests.
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { wasmProvider } from "../../bindings/provider.js";
import { RsaPrivateKey } from "../../bindings/rsa/private-key.js";
import { RsaPublicKey } from "../../bindings/rsa/public-key.js";
import type { CryptoProvider, ProviderRsaPrivateKey, TlsClientOptions, TlsServerOptions } from "../../tls/index.js";
import { decodeRsaPrivateKeyPem } from "../../tls/x509/keys.js";
import { testPki } from "../support/certs.js";

/** The node:crypto reference provider (the default in these tests). */
export const provider = nodeCryptoProvider;

/**
 * Providers for the conformance runs, with the bulk ciphers each supports here (node:crypto on Node 20
 * lacks RC4/DES without the legacy OpenSSL provider). Call `init()` before using the WASM one.
 */
export const PROVIDERS: { name: string; provider: CryptoProvider; ciphers: readonly string[] }[] = [
  { name: "node:crypto", provider: nodeCryptoProvider, ciphers: ["aes", "3des", "null"] },
  { name: "wasm", provider: wasmProviderWithDispose(), ciphers: ["aes", "3des", "null", "rc4", "des"] },
];

/**
 * The WASM provider with `dispose()` on its RSA keys (the optional contract method that frees WASM key
 * slots). To be removed once `asProviderKey()` in bindings/rsa forwards `dispose` itself.
 */
function wasmProviderWithDispose(): CryptoProvider {
  return {
    ...wasmProvider,
    importRsaPublicKey(components) {
      const key = RsaPublicKey.fromComponents(components);
      return { ...key.asProviderKey(), dispose: () => key.dispose() };
    },
    importRsaPrivateKey(components) {
      const key = RsaPrivateKey.fromComponents(components);
      return { ...key.asProviderKey(), dispose: () => key.dispose() };
    },
  };
}

const serverKeys = new Map<CryptoProvider, ProviderRsaPrivateKey>();

/** The test server key imported once per provider (shared by connections, never disposed). */
export function serverKeyFor(p: CryptoProvider): ProviderRsaPrivateKey {
  let key = serverKeys.get(p);
  if (!key) {
    key = p.importRsaPrivateKey(decodeRsaPrivateKeyPem(testPki().serverKey));
    serverKeys.set(p, key);
  }
  return key;
}

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
