// Default certificate chain validation: tls/x509 `verifyChain` (wired in when tls/x509 lands on main).
import type { PeerCertificateVerifier } from "./peer-verifier.js";

/**
 * Validates with tls/x509. Until that module is merged it reports every chain as unverifiable and
 * without a key, so connections need `verifyPeerCertificate` (tests) — the handshake then fails with
 * certificate_unknown rather than trusting anything.
 */
export const defaultPeerVerifier: PeerCertificateVerifier = () => ({
  ok: false,
  code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  message: "certificate validation (tls/x509) is not available",
});
