// The seam between the handshake and certificate validation: one function, swappable.
import type { CryptoProvider, RsaPublicComponents } from "../provider.js";

/** What the handshake asks a verifier about the peer's certificate chain. */
export interface PeerVerificationRequest {
  /** The peer's chain as sent (DER, leaf first). Never empty. */
  chain: Uint8Array[];
  /** Trusted roots (DER), from the `ca` option. */
  roots: readonly Uint8Array[];
  /** Expected name of the server (client role with `servername`), checked against SAN/CN. */
  hostname?: string;
  /** Extended key usage the leaf must allow. */
  purpose: "serverAuth" | "clientAuth";
  /** Validity reference time. */
  now: Date;
  /** The connection's crypto provider (for signature checks). */
  provider: CryptoProvider;
}

/**
 * Outcome of chain validation. On failure the leaf's RSA key is still returned when it could be
 * parsed, so `rejectUnauthorized: false` connections can proceed with `authorized = false`.
 */
export type PeerVerificationResult =
  | { ok: true; publicKey: RsaPublicComponents }
  | { ok: false; code: string; message: string; publicKey?: RsaPublicComponents };

/** Validates a peer's chain. May be asynchronous. Must not throw for bad certificates (return `ok: false`). */
export type PeerCertificateVerifier = (
  request: PeerVerificationRequest,
) => PeerVerificationResult | Promise<PeerVerificationResult>;
