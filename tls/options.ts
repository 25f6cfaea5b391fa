// Connection options. Names match node:tls wherever the two overlap, so adapters pass them through.

import type { ClientCertificateSelector } from "./handshake/client-certificate.js";
import type { SecureContext } from "./handshake/config.js";
import type { MaxFragmentLength } from "./handshake/max-fragment-length.js";
import type { PeerCertificateVerifier } from "./handshake/peer-verifier.js";
import type { CryptoProvider, ProviderRsaPrivateKey, RsaPrivateComponents } from "./provider.js";
import type { SessionCache } from "./session/cache.js";
import type { TicketKeys } from "./session/tickets.js";
import type { TlsVersionName } from "./versions.js";

/** A certificate or key as PEM text or DER bytes (a PEM string may hold several certificates). */
export type PemOrDer = string | Uint8Array;

/**
 * A private key: PEM/DER (PKCS#1 or PKCS#8, loaded through tls/x509 when available), raw RSA
 * components, or an already-imported provider key. A provider key's operations may be asynchronous
 * (HSM, remote signer, the RSA worker pool): the handshake awaits them.
 */
export type PrivateKeyInput = PemOrDer | RsaPrivateComponents | ProviderRsaPrivateKey;

/** Options shared by both roles. */
export interface TlsCommonOptions {
  /** Crypto backend. Default: the WASM provider (`wasmProvider`; call `await init()` from `wassl/crypto` first). */
  provider?: CryptoProvider;
  /**
   * Colon-separated cipher suite list in IANA (`TLS_RSA_WITH_AES_128_GCM_SHA256`) or OpenSSL
   * (`AES128-GCM-SHA256`) spelling, in preference order. Unknown names are ignored; an empty result
   * is an error. Default: the non-legacy suites, AEAD first.
   */
  ciphers?: string;
  /** Lowest version to negotiate. Default `'TLSv1.2'`. */
  minVersion?: TlsVersionName;
  /** Highest version to negotiate. Default `'TLSv1.2'`. */
  maxVersion?: TlsVersionName;
  /**
   * Allows the insecure parts explicitly: RC4, single-DES and NULL suites, SSL 3.0 (with
   * `minVersion: 'SSLv3'`), export suites (when named in `ciphers`), servers without RFC 5746.
   * Default `false`.
   */
  legacy?: boolean;
  /** Trusted CA certificates (PEM text may hold several). Used to validate the peer's chain. */
  ca?: PemOrDer | PemOrDer[];
  /** Own certificate chain, leaf first (PEM text may hold several). Required on the server. */
  cert?: PemOrDer | PemOrDer[];
  /** Own private key, matching the leaf of `cert`. Required on the server. */
  key?: PrivateKeyInput;
  /**
   * Fail the handshake when the peer's chain (and, on the client, the hostname) does not verify.
   * Default `true`. With `false` the handshake completes and `authorized`/`authorizationError` say why.
   */
  rejectUnauthorized?: boolean;
  /** Offer/accept the extended master secret (RFC 7627). Default `true`. */
  extendedMasterSecret?: boolean;
  /** Offer/accept encrypt-then-MAC for CBC suites (RFC 7366). Default `true`. */
  encryptThenMac?: boolean;
  /**
   * ALPN protocol names (RFC 7301, node:tls name), in preference order: offered by the client; on the
   * server, the first of these that the client offers is selected (no overlap → no_application_protocol).
   */
  ALPNProtocols?: string[];
  /** Clock for certificate validity checks. Default: the current time. */
  now?: Date | (() => Date);
  /**
   * Replaces certificate chain validation (test doubles, pinning). Default: tls/x509 `verifyChain`
   * with `ca`, the server name and `now`.
   */
  verifyPeerCertificate?: PeerCertificateVerifier;
  /**
   * Renegotiation policy (RFC 5746 secure renegotiation only, unless `allowInsecureRenegotiation`):
   * `'never'` declines every request with a no_renegotiation warning, `'once'` allows one,
   * `'freely'` (default) allows any number, in either direction.
   */
  renegotiation?: RenegotiationPolicy;
  /**
   * Renegotiate with a peer that lacks RFC 5746 (the 2009 renegotiation attack). Default: `legacy`.
   */
  allowInsecureRenegotiation?: boolean;
  /** Use RFC 5077 session tickets (client: offer; server: issue and accept). Default `true`. */
  sessionTickets?: boolean;
  /** Largest handshake message accepted, in bytes. Default 65536 (certificate chains included). */
  maxHandshakeMessageSize?: number;
  /**
   * A context from `createSecureContext()` (node:tls name). When given, `provider`, `ciphers`,
   * `minVersion`, `maxVersion`, `legacy`, `ca`, `cert`, `key` and `extendedMasterSecret` come from it
   * and are ignored here: a server parses its key once instead of per connection.
   */
  secureContext?: SecureContext;
}

/** Client options (node:tls `connect` names). */
export interface TlsClientOptions extends TlsCommonOptions {
  /** Server name for SNI (RFC 6066 §3) and hostname verification. IP literals are verified but not sent. */
  servername?: string;
  /**
   * A session to resume (node:tls `session`): the bytes of an earlier connection's `session` event /
   * `getSession()`. Ignored when unusable (other server name, version or suite not allowed).
   */
  session?: Uint8Array;
  /**
   * Send TLS_FALLBACK_SCSV (RFC 7507): set it only when retrying with a lower `maxVersion` after a
   * failed attempt, so a server supporting more refuses (inappropriate_fallback) an attacker-made
   * downgrade. Default `false`.
   */
  fallbackSCSV?: boolean;
  /**
   * Ask for smaller records (RFC 6066 §4): 512, 1024, 2048 or 4096 bytes of plaintext. Used when the
   * server echoes it (`session.maxFragmentLength`); a server answering another value → illegal_parameter.
   */
  maxFragmentLength?: MaxFragmentLength;
  /**
   * Chooses the certificate that answers a CertificateRequest (RFC 5246 §7.4.4): receives the request
   * (certificate types, CA names, TLS 1.2 signature schemes) and returns `{ cert, key }` or `null` (send
   * an empty Certificate). Default: the `cert`/`key` options when set.
   */
  selectClientCertificate?: ClientCertificateSelector;
}

/** Server options (node:tls `createServer` names). */
export interface TlsServerOptions extends TlsCommonOptions {
  /**
   * Ask the client for a certificate (CertificateRequest naming the `ca` subjects). With
   * `rejectUnauthorized` (default) a client without a valid certificate fails the handshake
   * (handshake_failure / the certificate's alert); with `rejectUnauthorized: false` it is accepted and
   * `authorized` / `authorizationError` tell. Default `false`.
   */
  requestCert?: boolean;
  /**
   * Choose the suite by the server's order (`true`, default) or the client's (`false`).
   * Same name as node:tls, different default: server preference is safer.
   */
  honorCipherOrder?: boolean;
  /**
   * Sessions for resumption by session ID: a {@link SessionCache} (share one between connections,
   * normally through `createSecureContext`), or `false` for none. Default: a bounded LRU cache.
   */
  sessionCache?: SessionCache | false;
  /** Session lifetime in seconds for the default cache (node:tls `sessionTimeout`). Default 300. */
  sessionTimeout?: number;
  /** Ticket keys: a {@link TicketKeys}, or 48 bytes (name ‖ AES-256 key, node:tls size). Default: random, rotated hourly. */
  ticketKeys?: TicketKeys | Uint8Array;
}

/** Renegotiation policy: see `renegotiation` in {@link TlsCommonOptions}. */
export type RenegotiationPolicy = "never" | "once" | "freely";
