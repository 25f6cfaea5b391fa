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
  EXPORT_HANDSHAKE,
  FLOWS,
  type Flow,
  type FlowStep,
  FULL_HANDSHAKE,
  flowToMermaid,
} from "./handshake/flows.js";
export type { MaxFragmentLength } from "./handshake/max-fragment-length.js";
export type {
  PeerCertificateVerifier,
  PeerVerificationRequest,
  PeerVerificationResult,
} from "./handshake/peer-verifier.js";
export type { PemOrDer, PrivateKeyInput, TlsClientOptions, TlsCommonOptions, TlsServerOptions } from "./options.js";
export type * from "./provider.js";
export { TlsServer } from "./server.js";
export { CIPHER_SUITES, type CipherSuite, resolveCipherSuites, suiteById, suiteByName } from "./suites.js";
export type { TlsVersionName } from "./versions.js";
export * from "./x509/index.js";
