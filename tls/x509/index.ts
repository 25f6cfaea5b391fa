// Keys and certificates: DER/PEM, RSA key formats, X.509 parsing and chain validation.
export { Certificate, type CertificateSummary } from "./certificate.js";
export { DerReader, Tag } from "./der.js";
export { encodeSequence, encodeTlv } from "./der-writer.js";
export { CertificateError, type CertificateErrorReason, DerError, type DerErrorReason } from "./errors.js";
export type { CertificateExtensions, KeyUsage, SubjectAltNames } from "./extensions.js";
export { type HostnameOptions, matchesHostname } from "./hostname.js";
export {
  decodeRsaPrivateKey,
  decodeRsaPrivateKeyPem,
  decodeRsaPublicKey,
  decodeRsaPublicKeyPem,
  encodeRsaPrivateKeyPkcs1,
  encodeRsaPrivateKeyPkcs8,
  encodeRsaPublicKeyPkcs1,
  encodeRsaPublicKeySpki,
} from "./keys.js";
export { DistinguishedName } from "./name.js";
export { decodePem, encodePem, type PemBlock } from "./pem.js";
export type { SignatureAlgorithm } from "./signature-algorithm.js";
export { checkCertificateSignature } from "./signature-check.js";
export {
  type ChainCheckResult,
  checkChain,
  type VerifiedChain,
  type VerifyChainOptions,
  verifyChain,
} from "./verify.js";
