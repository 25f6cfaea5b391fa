// Typed errors of the DER/PEM/key/certificate layer. `reason` is a stable machine-readable code.
import { WasslError } from "../../bindings/errors.js";

/** Why a DER (or PEM) structure was rejected. */
export type DerErrorReason =
  | "TRUNCATED"
  | "TRAILING_DATA"
  | "INDEFINITE_LENGTH"
  | "NON_MINIMAL_LENGTH"
  | "LENGTH_TOO_LARGE"
  | "HIGH_TAG_NUMBER"
  | "UNEXPECTED_TAG"
  | "NON_MINIMAL_INTEGER"
  | "NEGATIVE_INTEGER"
  | "INTEGER_TOO_LARGE"
  | "BAD_OID"
  | "BAD_BIT_STRING"
  | "BAD_BOOLEAN"
  | "BAD_NULL"
  | "BAD_TIME"
  | "BAD_STRING"
  | "BAD_PEM"
  | "UNSUPPORTED_KEY"
  | "BAD_KEY";

/** A malformed or non-DER encoding (X.690 §10 distinguished encoding rules are enforced). */
export class DerError extends WasslError {
  /** Machine-readable reason, e.g. `NON_MINIMAL_LENGTH`. */
  readonly reason: DerErrorReason;
  constructor(reason: DerErrorReason, message: string) {
    super("ERR_WASSL_DER", `${reason}: ${message}`);
    this.name = "DerError";
    this.reason = reason;
  }
}

/**
 * Why a certificate or chain was rejected. Names follow OpenSSL / node:tls error codes where one exists
 * (`err.code` in Node), so Node users recognize them.
 */
export type CertificateErrorReason =
  | "CERT_PARSE_ERROR"
  | "CERT_HAS_EXPIRED"
  | "CERT_NOT_YET_VALID"
  | "UNABLE_TO_GET_ISSUER_CERT"
  | "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
  | "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
  | "INVALID_CA"
  | "KEYUSAGE_NO_CERTSIGN"
  | "CA_MD_TOO_WEAK"
  | "PATH_LENGTH_EXCEEDED"
  | "INVALID_PURPOSE"
  | "HOSTNAME_MISMATCH"
  | "CERT_SIGNATURE_FAILURE"
  | "UNSUPPORTED_SIGNATURE_ALGORITHM"
  | "UNSUPPORTED_PUBLIC_KEY"
  | "UNHANDLED_CRITICAL_EXTENSION"
  | "SELF_SIGNED_CERT_IN_CHAIN"
  | "DEPTH_ZERO_SELF_SIGNED_CERT"
  | "CERT_CHAIN_TOO_LONG"
  | "EMPTY_CHAIN";

/** A certificate that cannot be parsed or a chain that does not validate. `code` equals `reason`. */
export class CertificateError extends WasslError {
  /** Machine-readable reason, e.g. `CERT_HAS_EXPIRED`. */
  readonly reason: CertificateErrorReason;
  /** Position in the presented chain (0 = leaf) of the certificate at fault, when known. */
  readonly depth: number | undefined;
  constructor(reason: CertificateErrorReason, message: string, depth?: number) {
    super(reason, message);
    this.name = "CertificateError";
    this.reason = reason;
    this.depth = depth;
  }
}
