// Applying the peer verifier's verdict: authorized flag, RFC alert on rejection, the peer's RSA key.

import type { AlertName } from "../alerts.js";
import { fail } from "../alerts.js";
import type { HandshakeContext } from "./context.js";
import { importPeerKey } from "./peer-key-import.js";

const ALERT_BY_CODE: Record<string, AlertName> = {
  CERT_HAS_EXPIRED: "certificate_expired",
  CERT_NOT_YET_VALID: "certificate_expired",
  UNABLE_TO_GET_ISSUER_CERT: "unknown_ca",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "unknown_ca",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "unknown_ca",
  SELF_SIGNED_CERT_IN_CHAIN: "unknown_ca",
  DEPTH_ZERO_SELF_SIGNED_CERT: "unknown_ca",
  UNSUPPORTED_PUBLIC_KEY: "unsupported_certificate",
  UNSUPPORTED_SIGNATURE_ALGORITHM: "unsupported_certificate",
  INVALID_PURPOSE: "unsupported_certificate",
};

/** Smallest peer RSA modulus accepted without `legacy` (OpenSSL security level 1). */
export const MIN_RSA_BITS = 1024;

/** The alert for a verification failure code (RFC 5246 §7.2.2). */
export function alertForCertificateError(code: string): AlertName {
  return ALERT_BY_CODE[code] ?? "bad_certificate";
}

/**
 * Validates the peer's chain with the configured verifier and imports its RSA key. With
 * `rejectUnauthorized` a failure ends the handshake with the matching alert; without, it is recorded
 * in `authorized` / `authorizationError`.
 */
export async function checkPeerCertificate(ctx: HandshakeContext, chain: Uint8Array[]): Promise<void> {
  const { config } = ctx;
  const purpose = config.role === "client" ? "serverAuth" : "clientAuth";
  const result = await config.verifyPeer({
    chain,
    roots: config.roots,
    hostname: config.role === "client" ? config.servername : undefined,
    purpose,
    now: config.now(),
    provider: config.provider,
  });
  ctx.peerCertificates = chain;
  if (result.ok) {
    ctx.authorized = true;
  } else {
    ctx.authorized = false;
    ctx.authorizationError = result.code;
    if (config.rejectUnauthorized) fail(alertForCertificateError(result.code), `${result.code}: ${result.message}`);
  }
  const key = result.publicKey ?? fail("unsupported_certificate", "peer certificate has no usable RSA key");
  ctx.peerPublicKey = importPeerKey(config.provider, key);
  // Keys an attacker can factor make every other check moot; small keys only with `legacy`.
  if (ctx.peerPublicKey.bits < MIN_RSA_BITS && !config.legacy) {
    fail("insufficient_security", `peer RSA key of ${ctx.peerPublicKey.bits} bits (minimum ${MIN_RSA_BITS})`);
  }
  ctx.hooks.trace(
    "peer certificate checked",
    ctx.authorized ? "chain and name verified" : `not authorized: ${ctx.authorizationError}`,
  );
}
