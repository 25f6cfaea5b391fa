// wassl — the TLS engine.

export { AlertDescription, alertName } from "./alerts.js";
export { TlsClient } from "./client.js";
export { type ConnectionStatus, TlsConnection } from "./connection.js";
export { TlsError } from "./errors.js";
export type { AlertInfo, CloseInfo, HandshakeInfo, TlsEventName, TlsEvents, TraceStep } from "./events.js";
export type {
  ClientCertificateRequest,
  ClientCertificateSelector,
  ClientCredentials,
} from "./handshake/client-certificate.js";
export { createSecureContext, type SecureContext, setDefaultProvider } from "./handshake/config.js";
export { defaultPeerVerifier } from "./handshake/default-verifier.js";
export {
  ABBREVIATED_HANDSHAKE,
  EXPORT_HANDSHAKE,
  FLOWS,
  type Flow,
  type FlowStep,
  FULL_HANDSHAKE,
  flowToMermaid,
  RENEGOTIATION,
} from "./handshake/flows.js";
export type { MaxFragmentLength } from "./handshake/max-fragment-length.js";
export type {
  PeerCertificateVerifier,
  PeerVerificationRequest,
  PeerVerificationResult,
} from "./handshake/peer-verifier.js";
export type { RenegotiationOptions } from "./handshake/renegotiation-control.js";
export type {
  PemOrDer,
  PrivateKeyInput,
  RenegotiationPolicy,
  TlsClientOptions,
  TlsCommonOptions,
  TlsServerOptions,
} from "./options.js";
export type * from "./provider.js";
export { TlsServer } from "./server.js";
export { LruSessionCache, type LruSessionCacheOptions, type SessionCache } from "./session/cache.js";
export type { SessionState } from "./session/state.js";
export { TicketKeys, type TicketKeysOptions } from "./session/tickets.js";
export { CIPHER_SUITES, type CipherSuite, resolveCipherSuites, suiteById, suiteByName } from "./suites.js";
export type { TlsVersionName } from "./versions.js";
export * from "./x509/index.js";
