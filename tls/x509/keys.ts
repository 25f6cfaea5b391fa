// RSA key formats: PKCS#1 RSAPrivateKey/RSAPublicKey (RFC 8017 Appendix A.1), PKCS#8 PrivateKeyInfo
// (RFC 5208 §5 / RFC 5958 §2) and SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RFC 3279 §2.3.1).
import type { RsaPrivateComponents, RsaPublicComponents } from "../provider.js";
import { DerReader, Tag } from "./der.js";
import {
  encodeBitString,
  encodeNull,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSmallInteger,
  encodeUnsignedInteger,
} from "./der-writer.js";
import { DerError } from "./errors.js";
import { OID_RSA_ENCRYPTION, OID_RSASSA_PSS } from "./oids.js";
import { decodePem } from "./pem.js";

/** A parsed SubjectPublicKeyInfo; `rsa` is set only for rsaEncryption (and id-RSASSA-PSS) keys. */
export interface SubjectPublicKeyInfo {
  /** Algorithm OID in dotted form. */
  algorithm: string;
  /** Raw DER of the algorithm parameters, if any. */
  parameters: Uint8Array | undefined;
  /** The subjectPublicKey BIT STRING contents (whole bytes). */
  publicKey: Uint8Array;
  /** RSA components when the key is an RSA key. */
  rsa: RsaPublicComponents | undefined;
  /** The whole SubjectPublicKeyInfo DER. */
  raw: Uint8Array;
}

/** Parses a SubjectPublicKeyInfo element from `reader` (RFC 5280 §4.1.2.7). Non-RSA keys are kept raw. */
export function readSubjectPublicKeyInfo(reader: DerReader): SubjectPublicKeyInfo {
  const element = reader.expect(Tag.SEQUENCE);
  const spki = new DerReader(element.contents);
  const algorithmId = spki.sequence();
  const algorithm = algorithmId.oid();
  const parameters = algorithmId.done ? undefined : algorithmId.element().raw;
  algorithmId.end();
  const publicKey = spki.bitStringBytes();
  spki.end();
  let rsa: RsaPublicComponents | undefined;
  if (algorithm === OID_RSA_ENCRYPTION || algorithm === OID_RSASSA_PSS) {
    if (algorithm === OID_RSA_ENCRYPTION && !isNull(parameters)) {
      throw new DerError("BAD_KEY", "rsaEncryption parameters must be NULL (RFC 3279 §2.3.1)");
    }
    rsa = readPkcs1PublicKey(new DerReader(publicKey));
  }
  return { algorithm, parameters, publicKey, rsa, raw: element.raw };
}

function isNull(parameters: Uint8Array | undefined): boolean {
  return parameters !== undefined && parameters.length === 2 && parameters[0] === Tag.NULL && parameters[1] === 0;
}

function readPkcs1PublicKey(reader: DerReader): RsaPublicComponents {
  const seq = reader.sequence();
  const n = positive(seq.unsignedInteger(), "modulus");
  const e = positive(seq.unsignedInteger(), "public exponent");
  seq.end();
  reader.end();
  return { n, e };
}

function positive(v: Uint8Array, what: string): Uint8Array {
  if (v.length === 1 && v[0] === 0) throw new DerError("BAD_KEY", `${what} is zero`);
  return v.slice();
}

/**
 * Decodes an RSA public key from PKCS#1 `RSAPublicKey` or `SubjectPublicKeyInfo` DER (detected by the
 * first field: INTEGER vs SEQUENCE). Integers are returned big-endian unsigned without a sign byte.
 */
export function decodeRsaPublicKey(der: Uint8Array): RsaPublicComponents {
  const outer = new DerReader(der);
  if (DerReader.topLevelSequence(der).peekTag() === Tag.INTEGER) return readPkcs1PublicKey(outer);
  const info = readSubjectPublicKeyInfo(outer);
  outer.end();
  if (!info.rsa) throw new DerError("UNSUPPORTED_KEY", `not an RSA key (algorithm ${info.algorithm})`);
  return info.rsa;
}

/**
 * Decodes an RSA private key from PKCS#1 `RSAPrivateKey` (two-prime, version 0) or PKCS#8
 * `PrivateKeyInfo`/`OneAsymmetricKey` with rsaEncryption (detected by the second field: INTEGER vs
 * SEQUENCE). Integers are returned big-endian unsigned without a sign byte.
 */
export function decodeRsaPrivateKey(der: Uint8Array): RsaPrivateComponents {
  const seq = DerReader.topLevelSequence(der);
  const version = seq.smallInteger();
  if (seq.peekTag() !== Tag.SEQUENCE) return readPkcs1PrivateFields(version, seq);
  // PKCS#8: version, AlgorithmIdentifier, OCTET STRING privateKey, [0] attributes, [1] publicKey (v2).
  if (version !== 0 && version !== 1) throw new DerError("BAD_KEY", `PKCS#8 version ${version}`);
  const algorithmId = seq.sequence();
  const algorithm = algorithmId.oid();
  if (algorithm !== OID_RSA_ENCRYPTION)
    throw new DerError("UNSUPPORTED_KEY", `not an RSA key (algorithm ${algorithm})`);
  if (!algorithmId.done) algorithmId.null();
  algorithmId.end();
  const inner = seq.octetString();
  seq.optional(0xa0);
  if (version === 1) seq.optional(0x81);
  seq.end();
  const pkcs1 = DerReader.topLevelSequence(inner);
  return readPkcs1PrivateFields(pkcs1.smallInteger(), pkcs1);
}

function readPkcs1PrivateFields(version: number, seq: DerReader): RsaPrivateComponents {
  if (version !== 0)
    throw new DerError("UNSUPPORTED_KEY", `RSAPrivateKey version ${version} (multi-prime) not supported`);
  const key: RsaPrivateComponents = {
    n: positive(seq.unsignedInteger(), "modulus"),
    e: positive(seq.unsignedInteger(), "public exponent"),
    d: positive(seq.unsignedInteger(), "private exponent"),
    p: positive(seq.unsignedInteger(), "prime p"),
    q: positive(seq.unsignedInteger(), "prime q"),
    dp: positive(seq.unsignedInteger(), "exponent dp"),
    dq: positive(seq.unsignedInteger(), "exponent dq"),
    qinv: positive(seq.unsignedInteger(), "coefficient"),
  };
  seq.end();
  return key;
}

/** Encodes PKCS#1 `RSAPrivateKey` (version 0) DER — PEM label `RSA PRIVATE KEY`. */
export function encodeRsaPrivateKeyPkcs1(c: RsaPrivateComponents): Uint8Array {
  return encodeSequence([
    encodeSmallInteger(0),
    ...[c.n, c.e, c.d, c.p, c.q, c.dp, c.dq, c.qinv].map(encodeUnsignedInteger),
  ]);
}

/** Encodes PKCS#8 `PrivateKeyInfo` DER with rsaEncryption — PEM label `PRIVATE KEY`. */
export function encodeRsaPrivateKeyPkcs8(c: RsaPrivateComponents): Uint8Array {
  return encodeSequence([
    encodeSmallInteger(0),
    encodeSequence([encodeOid(OID_RSA_ENCRYPTION), encodeNull()]),
    encodeOctetString(encodeRsaPrivateKeyPkcs1(c)),
  ]);
}

/** Encodes PKCS#1 `RSAPublicKey` DER — PEM label `RSA PUBLIC KEY`. */
export function encodeRsaPublicKeyPkcs1(c: RsaPublicComponents): Uint8Array {
  return encodeSequence([encodeUnsignedInteger(c.n), encodeUnsignedInteger(c.e)]);
}

/** Encodes `SubjectPublicKeyInfo` DER with rsaEncryption — PEM label `PUBLIC KEY`. */
export function encodeRsaPublicKeySpki(c: RsaPublicComponents): Uint8Array {
  return encodeSequence([
    encodeSequence([encodeOid(OID_RSA_ENCRYPTION), encodeNull()]),
    encodeBitString(encodeRsaPublicKeyPkcs1(c)),
  ]);
}

const PRIVATE_LABELS = new Set(["RSA PRIVATE KEY", "PRIVATE KEY"]);
const PUBLIC_LABELS = new Set(["RSA PUBLIC KEY", "PUBLIC KEY"]);

/**
 * Decodes the first `RSA PRIVATE KEY` or `PRIVATE KEY` PEM block in `pem`. Encrypted keys
 * (`ENCRYPTED PRIVATE KEY`, legacy `Proc-Type` headers) are rejected with `UNSUPPORTED_KEY`/`BAD_PEM`.
 */
export function decodeRsaPrivateKeyPem(pem: string): RsaPrivateComponents {
  const blocks = decodePem(pem);
  const block = blocks.find((b) => PRIVATE_LABELS.has(b.label));
  if (!block) {
    const encrypted = blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY");
    throw new DerError(
      "UNSUPPORTED_KEY",
      encrypted ? "encrypted private keys are not supported" : "no private key block",
    );
  }
  return decodeRsaPrivateKey(block.der);
}

/** Decodes the first `RSA PUBLIC KEY` or `PUBLIC KEY` PEM block in `pem`. */
export function decodeRsaPublicKeyPem(pem: string): RsaPublicComponents {
  const block = decodePem(pem).find((b) => PUBLIC_LABELS.has(b.label));
  if (!block) throw new DerError("UNSUPPORTED_KEY", "no public key block");
  return decodeRsaPublicKey(block.der);
}
