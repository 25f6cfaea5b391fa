// Client certificate authentication helpers (RFC 5246 §7.4.4, §7.4.6, §7.4.8): what the server asks
// for, which signature the client makes, and the digest CertificateVerify covers.
import { fail } from "../alerts.js";
import { concatBytes } from "../codec/writer.js";
import { ssl3CertificateVerifyDigest } from "../keys/ssl3.js";
import { SignatureScheme } from "../messages/extensions.js";
import type { HashName, SignatureHash } from "../provider.js";
import { SSL3, TLS12 } from "../versions.js";
import { Certificate } from "../x509/certificate.js";
import type { HandshakeContext } from "./context.js";

/** ClientCertificateType rsa_sign (RFC 5246 §7.4.4). */
export const RSA_SIGN = 1;

/** Schemes this engine signs and verifies, in preference order (never MD5 in TLS 1.2). */
export const SUPPORTED_SIGNATURE_SCHEMES: readonly number[] = [
  SignatureScheme.rsa_pkcs1_sha256,
  SignatureScheme.rsa_pkcs1_sha384,
  SignatureScheme.rsa_pkcs1_sha512,
  SignatureScheme.rsa_pkcs1_sha1,
];

const HASH_OF_SCHEME: Record<number, HashName> = {
  [SignatureScheme.rsa_pkcs1_sha1]: "sha1",
  [SignatureScheme.rsa_pkcs1_sha256]: "sha256",
  [SignatureScheme.rsa_pkcs1_sha384]: "sha384",
  [SignatureScheme.rsa_pkcs1_sha512]: "sha512",
};

/** The hash of a supported RSA PKCS#1 scheme, or undefined. */
export function hashOfScheme(scheme: number): HashName | undefined {
  return HASH_OF_SCHEME[scheme];
}

/** The first of our schemes the peer accepts (TLS 1.2); handshake_failure when none. */
export function chooseSignatureScheme(peerSchemes: readonly number[]): number {
  const scheme = SUPPORTED_SIGNATURE_SCHEMES.find((s) => peerSchemes.includes(s));
  return scheme ?? fail("handshake_failure", "no common signature algorithm for CertificateVerify");
}

/**
 * What CertificateVerify signs: the hash of all handshake messages so far — with the scheme's hash in
 * TLS 1.2, MD5 ‖ SHA-1 (36 bytes, signed without DigestInfo) before (RFC 4346 §7.4.8), and SSL 3.0's
 * keyed MD5 ‖ SHA-1 with the master secret (RFC 6101 §5.6.8).
 */
export function certificateVerifyDigest(
  ctx: HandshakeContext,
  scheme: number | undefined,
): { hash: SignatureHash; digest: Uint8Array } {
  const { provider } = ctx.config;
  if (ctx.version === SSL3) {
    const master = ctx.masterSecret ?? fail("internal_error", "CertificateVerify before the master secret");
    return { hash: "md5-sha1", digest: ssl3CertificateVerifyDigest(provider, master, ctx.transcript.rawMessages) };
  }
  const transcript = concatBytes(...ctx.transcript.rawMessages);
  if (ctx.version >= TLS12) {
    const hash =
      (scheme !== undefined && hashOfScheme(scheme)) || fail("illegal_parameter", "unsupported signature scheme");
    return { hash, digest: provider.hash(hash, transcript) };
  }
  return { hash: "md5-sha1", digest: concatBytes(provider.hash("md5", transcript), provider.hash("sha1", transcript)) };
}

/** DER subject names of the trusted roots, for CertificateRequest.certificate_authorities. */
export function certificateAuthorities(roots: readonly Uint8Array[]): Uint8Array[] {
  const names: Uint8Array[] = [];
  for (const der of roots) {
    try {
      names.push(Certificate.fromDer(der).subject.raw);
    } catch {
      // An unparseable root cannot be named; validation ignores it too.
    }
  }
  return names;
}
