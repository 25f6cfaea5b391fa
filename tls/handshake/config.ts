// Options resolved once per connection: defaults applied, names parsed, keys imported.
import { WasslError } from "../../bindings/errors.js";
import { certificatesFromOption, privateKeyFromOption } from "../credentials.js";
import type { TlsClientOptions, TlsServerOptions } from "../options.js";
import type { CryptoProvider, ProviderRsaPrivateKey } from "../provider.js";
import { type CipherSuite, resolveCipherSuites } from "../suites.js";
import { isVersionName, SSL3, TLS12, type TlsVersionName, versionCode } from "../versions.js";
import { defaultPeerVerifier } from "./default-verifier.js";
import type { PeerCertificateVerifier } from "./peer-verifier.js";

/** Everything the handshake needs from the options, validated. */
export interface HandshakeConfig {
  role: "client" | "server";
  provider: CryptoProvider;
  suites: CipherSuite[];
  minVersion: number;
  maxVersion: number;
  legacy: boolean;
  roots: Uint8Array[];
  certificateChain: Uint8Array[];
  privateKey?: ProviderRsaPrivateKey;
  rejectUnauthorized: boolean;
  extendedMasterSecret: boolean;
  now: () => Date;
  verifyPeer: PeerCertificateVerifier;
  maxHandshakeMessageSize: number;
  servername?: string;
  requestCert: boolean;
  honorCipherOrder: boolean;
}

let defaultProvider: CryptoProvider | undefined;

/** Sets the provider used when options name none (the WASM provider registers itself here). */
export function setDefaultProvider(provider: CryptoProvider): void {
  defaultProvider = provider;
}

function versionOption(name: TlsVersionName | undefined, fallback: number, legacy: boolean): number {
  if (name === undefined) return fallback;
  if (!isVersionName(name)) throw new WasslError("ERR_TLS_INVALID_VERSION", `unknown TLS version ${String(name)}`);
  const code = versionCode(name);
  if (code === SSL3 && !legacy) throw new WasslError("ERR_TLS_INVALID_VERSION", "SSLv3 requires legacy: true");
  if (code === SSL3) throw new WasslError("ERR_TLS_INVALID_VERSION", "SSLv3 is not implemented yet");
  return code;
}

/** Validates and resolves options for one role. Throws WasslError for unusable options. */
export function resolveConfig(
  role: "client" | "server",
  options: TlsClientOptions & TlsServerOptions,
): HandshakeConfig {
  const provider = options.provider ?? defaultProvider;
  if (!provider) throw new WasslError("ERR_TLS_NO_PROVIDER", "no CryptoProvider given and no default registered");
  const legacy = options.legacy === true;
  const minVersion = versionOption(options.minVersion, TLS12, legacy);
  const maxVersion = versionOption(options.maxVersion, TLS12, legacy);
  if (minVersion > maxVersion) throw new WasslError("ERR_TLS_INVALID_VERSION", "minVersion is above maxVersion");
  const suites = resolveCipherSuites(options.ciphers, legacy).filter(
    (s) => s.minVersion <= maxVersion && s.maxVersion >= minVersion,
  );
  if (suites.length === 0) throw new WasslError("ERR_TLS_NO_CIPHERS", "no cipher suite fits the version range");
  const certificateChain = certificatesFromOption(options.cert);
  const privateKey = options.key !== undefined ? privateKeyFromOption(options.key, provider) : undefined;
  if (role === "server" && (certificateChain.length === 0 || !privateKey)) {
    throw new WasslError("ERR_TLS_MISSING_CREDENTIALS", "a server needs cert and key");
  }
  const now = options.now;
  return {
    role,
    provider,
    suites,
    minVersion,
    maxVersion,
    legacy,
    roots: certificatesFromOption(options.ca),
    certificateChain,
    privateKey,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    extendedMasterSecret: options.extendedMasterSecret !== false,
    now: now === undefined ? () => new Date() : typeof now === "function" ? now : () => now,
    verifyPeer: options.verifyPeerCertificate ?? defaultPeerVerifier,
    maxHandshakeMessageSize: options.maxHandshakeMessageSize ?? 65536,
    servername: options.servername,
    requestCert: options.requestCert === true,
    honorCipherOrder: options.honorCipherOrder !== false,
  };
}
