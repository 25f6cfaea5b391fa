// Options resolved for a connection: the reusable secure context (credentials and crypto policy) plus
// the per-connection settings.
import { WasslError } from "../../bindings/errors.js";
import { wasmProvider } from "../../bindings/provider.js";
import { isInitialized } from "../../bindings/wasm.js";
import { certificatesFromOption, privateKeyFromOption, trustedRootsFromOption } from "../credentials.js";
import type { RenegotiationPolicy, TlsClientOptions, TlsCommonOptions, TlsServerOptions } from "../options.js";
import type { CryptoProvider, ProviderRsaPrivateKey } from "../provider.js";
import { LruSessionCache, type SessionCache } from "../session/cache.js";
import { type SessionState, tryDecodeSessionState } from "../session/state.js";
import { TicketKeys } from "../session/tickets.js";
import { type CipherSuite, resolveCipherSuites } from "../suites.js";
import { isVersionName, SSL3, TLS12, type TlsVersionName, versionCode } from "../versions.js";
import type { ClientCertificateSelector } from "./client-certificate.js";
import { defaultPeerVerifier } from "./default-verifier.js";
import { isMaxFragmentLength, type MaxFragmentLength } from "./max-fragment-length.js";
import type { PeerCertificateVerifier } from "./peer-verifier.js";

const SECURE_CONTEXT = Symbol("wassl.SecureContext");

/**
 * Parsed credentials and crypto policy, shareable by many connections (like node:tls
 * `createSecureContext`): parse PEM and import keys once per server, not once per connection.
 */
export interface SecureContext {
  readonly [SECURE_CONTEXT]: true;
  readonly provider: CryptoProvider;
  readonly suites: readonly CipherSuite[];
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly legacy: boolean;
  /** Trusted roots (DER). */
  readonly roots: readonly Uint8Array[];
  /** Own chain (DER, leaf first). */
  readonly certificateChain: readonly Uint8Array[];
  readonly privateKey?: ProviderRsaPrivateKey;
  readonly extendedMasterSecret: boolean;
  readonly encryptThenMac: boolean;
  readonly renegotiation: RenegotiationPolicy;
  readonly allowInsecureRenegotiation: boolean;
  readonly sessionTickets: boolean;
  /** Server: sessions for resumption by ID (shared by the connections of this context). */
  readonly sessionCache?: SessionCache;
  /** Server: RFC 5077 ticket keys (shared by the connections of this context). */
  readonly ticketKeys?: TicketKeys;
}

/** Everything the handshake needs, validated. */
export interface HandshakeConfig extends Omit<SecureContext, typeof SECURE_CONTEXT> {
  role: "client" | "server";
  rejectUnauthorized: boolean;
  now: () => Date;
  verifyPeer: PeerCertificateVerifier;
  maxHandshakeMessageSize: number;
  servername?: string;
  requestCert: boolean;
  honorCipherOrder: boolean;
  /** The connection imported `privateKey` itself (no shared context, not a provider key): it disposes it. */
  ownsPrivateKey: boolean;
  /** ALPN protocols in preference order (empty: no ALPN). */
  alpnProtocols: readonly string[];
  /** Client: the session to offer (decoded `session` option). */
  session?: SessionState;
  /** Client: send TLS_FALLBACK_SCSV (RFC 7507). */
  fallbackSCSV: boolean;
  /** Client: RFC 6066 max_fragment_length to ask for. */
  maxFragmentLength?: MaxFragmentLength;
  /** Client: chooses the certificate answering a CertificateRequest. */
  selectClientCertificate?: ClientCertificateSelector;
}

function sessionOptions(options: TlsCommonOptions & TlsServerOptions, provider: CryptoProvider, legacy: boolean) {
  const renegotiation = options.renegotiation ?? "freely";
  if (!["never", "once", "freely"].includes(renegotiation)) {
    throw new WasslError("ERR_TLS_INVALID_OPTION", `renegotiation must be 'never', 'once' or 'freely'`);
  }
  const sessionTickets = options.sessionTickets !== false;
  const lifetimeSeconds = options.sessionTimeout;
  const given = options.ticketKeys;
  // Server state only for contexts that can serve (cert and key): clients need no cache or ticket keys.
  const canServe = options.cert !== undefined && options.key !== undefined;
  return {
    renegotiation,
    allowInsecureRenegotiation: options.allowInsecureRenegotiation ?? legacy,
    sessionTickets,
    sessionCache:
      options.sessionCache === false || (!canServe && !options.sessionCache)
        ? undefined
        : (options.sessionCache ?? new LruSessionCache({ lifetimeSeconds })),
    ticketKeys:
      !sessionTickets || (!canServe && !given)
        ? undefined
        : given instanceof TicketKeys
          ? given
          : new TicketKeys(provider, { keys: given, lifetimeSeconds }),
  };
}

let defaultProvider: CryptoProvider | undefined;

/** Replaces the provider used when options name none (default: the WASM provider, `wasmProvider`). */
export function setDefaultProvider(provider: CryptoProvider): void {
  defaultProvider = provider;
}

function versionOption(name: TlsVersionName | undefined, fallback: number, legacy: boolean): number {
  if (name === undefined) return fallback;
  if (!isVersionName(name)) throw new WasslError("ERR_TLS_INVALID_VERSION", `unknown TLS version ${String(name)}`);
  const code = versionCode(name);
  if (code === SSL3 && !legacy) throw new WasslError("ERR_TLS_INVALID_VERSION", "SSLv3 requires legacy: true");
  return code;
}

/**
 * Parses `provider`, `ciphers`, `minVersion`, `maxVersion`, `legacy`, `ca`, `cert`, `key` and
 * `extendedMasterSecret` once. Pass the result as `secureContext` to many connections.
 */
export function createSecureContext(options: TlsCommonOptions & TlsServerOptions): SecureContext {
  const provider = options.provider ?? defaultProvider ?? wasmProvider;
  if (provider === wasmProvider && !isInitialized()) {
    throw new WasslError("ERR_WASSL_NOT_INITIALIZED", "call `await init()` (wassl/crypto) before creating connections");
  }
  const legacy = options.legacy === true;
  const minVersion = versionOption(options.minVersion, TLS12, legacy);
  const maxVersion = versionOption(options.maxVersion, TLS12, legacy);
  if (minVersion > maxVersion) throw new WasslError("ERR_TLS_INVALID_VERSION", "minVersion is above maxVersion");
  const suites = resolveCipherSuites(options.ciphers, legacy).filter(
    (s) => s.minVersion <= maxVersion && s.maxVersion >= minVersion,
  );
  if (suites.length === 0) throw new WasslError("ERR_TLS_NO_CIPHERS", "no cipher suite fits the version range");
  return {
    [SECURE_CONTEXT]: true,
    provider,
    suites,
    minVersion,
    maxVersion,
    legacy,
    roots: trustedRootsFromOption(options.ca),
    certificateChain: certificatesFromOption(options.cert),
    privateKey: options.key !== undefined ? privateKeyFromOption(options.key, provider) : undefined,
    extendedMasterSecret: options.extendedMasterSecret !== false,
    encryptThenMac: options.encryptThenMac !== false,
    ...sessionOptions(options, provider, legacy),
  };
}

/** Validates and resolves options for one connection. Throws WasslError for unusable options. */
export function resolveConfig(
  role: "client" | "server",
  options: TlsClientOptions & TlsServerOptions,
): HandshakeConfig {
  const context = options.secureContext ?? createSecureContext(options);
  if (role === "server" && (context.certificateChain.length === 0 || !context.privateKey)) {
    throw new WasslError("ERR_TLS_MISSING_CREDENTIALS", "a server needs cert and key");
  }
  const now = options.now;
  const maxFragmentLength = role === "client" ? options.maxFragmentLength : undefined;
  if (maxFragmentLength !== undefined && !isMaxFragmentLength(maxFragmentLength)) {
    throw new WasslError("ERR_TLS_INVALID_OPTION", "maxFragmentLength must be 512, 1024, 2048 or 4096");
  }
  // The context's fields are spread last: V8 builds `{ ...context, more }` slowly (~40 µs here, a
  // fresh map per added property), and the keys are disjoint (HandshakeConfig extends SecureContext).
  return {
    role,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    now: now === undefined ? () => new Date() : typeof now === "function" ? now : () => now,
    verifyPeer: options.verifyPeerCertificate ?? defaultPeerVerifier,
    maxHandshakeMessageSize: options.maxHandshakeMessageSize ?? 65536,
    servername: options.servername,
    requestCert: role === "server" && options.requestCert === true,
    honorCipherOrder: options.honorCipherOrder !== false,
    alpnProtocols: options.ALPNProtocols ?? [],
    session: role === "client" ? tryDecodeSessionState(options.session) : undefined,
    fallbackSCSV: role === "client" && options.fallbackSCSV === true,
    maxFragmentLength,
    selectClientCertificate: options.selectClientCertificate,
    ownsPrivateKey: !options.secureContext && context.privateKey !== undefined && context.privateKey !== options.key,
    ...context,
  };
}
