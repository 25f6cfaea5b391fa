// Certificate signature verification through a CryptoProvider (PKCS#1 v1.5 and RSASSA-PSS).
import type { CryptoProvider } from "../provider.js";
import type { Certificate } from "./certificate.js";
import { CertificateError } from "./errors.js";
import { HASH_LENGTH } from "./signature-algorithm.js";

/**
 * Checks that `issuer`'s key signed `cert` (RFC 5280 §6.1.3 (a)(1)): hashes the TBS bytes and verifies
 * through the provider. Returns null when valid, else the error (not thrown) so path building can try
 * other candidates: `CERT_SIGNATURE_FAILURE`, `CA_MD_TOO_WEAK` (MD5), `UNSUPPORTED_SIGNATURE_ALGORITHM`
 * (unknown OIDs, PSS with MGF1 hash ≠ hash or salt length ≠ digest length), `UNSUPPORTED_PUBLIC_KEY`.
 */
export function checkCertificateSignature(
  cert: Certificate,
  issuer: Certificate,
  provider: Pick<CryptoProvider, "hash" | "importRsaPublicKey">,
  depth = 0,
): CertificateError | null {
  const algorithm = cert.signatureAlgorithm;
  const issuerKey = issuer.publicKey;
  if (algorithm.kind === "unsupported") {
    return new CertificateError("UNSUPPORTED_SIGNATURE_ALGORITHM", `signature algorithm ${algorithm.oid}`, depth);
  }
  if (algorithm.hash === "md5") return new CertificateError("CA_MD_TOO_WEAK", "MD5 signatures are not accepted", depth);
  if (!issuerKey) {
    const keyAlgorithm = issuer.subjectPublicKeyInfo.algorithm;
    return new CertificateError("UNSUPPORTED_PUBLIC_KEY", `issuer key algorithm ${keyAlgorithm}`, depth);
  }
  // The provider implements PSS with MGF1 over the same hash and salt length = digest length only.
  if (
    algorithm.kind === "pss" &&
    (algorithm.mgfHash !== algorithm.hash ||
      algorithm.saltLength !== HASH_LENGTH[algorithm.hash] ||
      algorithm.trailerField !== 1)
  ) {
    return new CertificateError("UNSUPPORTED_SIGNATURE_ALGORITHM", "RSASSA-PSS parameters not supported", depth);
  }
  let key: ReturnType<typeof provider.importRsaPublicKey>;
  try {
    key = provider.importRsaPublicKey(issuerKey);
  } catch (e) {
    // e.g. a modulus size the provider does not support
    return new CertificateError("UNSUPPORTED_PUBLIC_KEY", `issuer key rejected: ${(e as Error).message}`, depth);
  }
  let valid: boolean;
  try {
    const digest = provider.hash(algorithm.hash, cert.tbs);
    valid =
      algorithm.kind === "pkcs1v15"
        ? key.verifyPkcs1v15(algorithm.hash, digest, cert.signature)
        : key.verifyPss(algorithm.hash, digest, cert.signature);
  } finally {
    // Frees the provider's key resources (a WASM key slot) now instead of at garbage collection.
    key.dispose?.();
  }
  return valid ? null : new CertificateError("CERT_SIGNATURE_FAILURE", "certificate signature failure", depth);
}
