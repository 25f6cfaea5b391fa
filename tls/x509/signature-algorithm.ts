// Signature AlgorithmIdentifiers of certificates: PKCS#1 v1.5 with a digest (RFC 8017 Appendix C,
// RFC 4055 §5) and RSASSA-PSS with its parameters (RFC 4055 §3.1, RFC 8017 Appendix A.2.3).
import type { HashName } from "../provider.js";
import { type DerReader, Tag } from "./der.js";
import { DerError } from "./errors.js";
import { HASH_OIDS, OID_MGF1, OID_RSASSA_PSS, PKCS1_SIGNATURE_OIDS } from "./oids.js";

/** A certificate signature algorithm. `unsupported` keeps the OID so validation can name it. */
export type SignatureAlgorithm =
  | { readonly kind: "pkcs1v15"; readonly oid: string; readonly hash: HashName }
  | {
      readonly kind: "pss";
      readonly oid: string;
      readonly hash: HashName;
      readonly mgfHash: HashName;
      readonly saltLength: number;
      readonly trailerField: number;
    }
  | { readonly kind: "unsupported"; readonly oid: string };

/** Reads an AlgorithmIdentifier for a signature from `reader`. */
export function readSignatureAlgorithm(reader: DerReader): SignatureAlgorithm {
  const seq = reader.sequence();
  const oid = seq.oid();
  const pkcs1Hash = PKCS1_SIGNATURE_OIDS[oid];
  if (pkcs1Hash) {
    if (!seq.done) seq.null(); // RFC 4055 §5: NULL (absent tolerated, as by OpenSSL)
    seq.end();
    return { kind: "pkcs1v15", oid, hash: pkcs1Hash };
  }
  if (oid === OID_RSASSA_PSS) {
    const params = readPssParameters(seq.sequence());
    seq.end();
    return { kind: "pss", oid, ...params };
  }
  if (!seq.done) seq.element();
  seq.end();
  return { kind: "unsupported", oid };
}

/** RSASSA-PSS-params, RFC 4055 §3.1 (all fields DEFAULT: sha1, mgf1SHA1, 20, 1). */
function readPssParameters(params: DerReader): {
  hash: HashName;
  mgfHash: HashName;
  saltLength: number;
  trailerField: number;
} {
  let hash: HashName = "sha1";
  let mgfHash: HashName = "sha1";
  let saltLength = 20;
  let trailerField = 1;
  const hashField = params.optionalExplicit(0);
  if (hashField) {
    hash = readHashAlgorithm(hashField.sequence());
    hashField.end();
  }
  const mgfField = params.optionalExplicit(1);
  if (mgfField) {
    const mgf = mgfField.sequence();
    const mgfOid = mgf.oid();
    if (mgfOid !== OID_MGF1) throw new DerError("UNEXPECTED_TAG", `unsupported mask generation function ${mgfOid}`);
    mgfHash = readHashAlgorithm(mgf.sequence());
    mgf.end();
    mgfField.end();
  }
  const saltField = params.optionalExplicit(2);
  if (saltField) {
    saltLength = saltField.smallInteger();
    saltField.end();
  }
  const trailer = params.optionalExplicit(3);
  if (trailer) {
    trailerField = trailer.smallInteger();
    trailer.end();
  }
  params.end();
  return { hash, mgfHash, saltLength, trailerField };
}

function readHashAlgorithm(seq: DerReader): HashName {
  const oid = seq.oid();
  const hash = HASH_OIDS[oid];
  if (!hash) throw new DerError("UNEXPECTED_TAG", `unknown hash algorithm ${oid}`);
  if (seq.peekTag() === Tag.NULL) seq.null();
  seq.end();
  return hash;
}

/** Digest length in bytes of each hash (for the PSS salt-length rule). */
export const HASH_LENGTH: Readonly<Record<HashName, number>> = {
  md5: 16,
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};
