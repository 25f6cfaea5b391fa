// X.509 v3 certificates, RFC 5280 §4.1. Parsing only: chain validation lives in verify.ts.
import type { RsaPublicComponents } from "../provider.js";
import { equalBytes, toHex } from "./bytes.js";
import { DerReader, Tag } from "./der.js";
import { CertificateError, DerError } from "./errors.js";
import { type CertificateExtensions, parseExtensions } from "./extensions.js";
import { formatIp } from "./ip.js";
import { readSubjectPublicKeyInfo, type SubjectPublicKeyInfo } from "./keys.js";
import { DistinguishedName } from "./name.js";
import { decodePem } from "./pem.js";
import { readSignatureAlgorithm, type SignatureAlgorithm } from "./signature-algorithm.js";

/** A node:tls-like summary (field names as in `tls.PeerCertificate`). */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  subjectaltname: string | undefined;
  valid_from: string;
  valid_to: string;
  serialNumber: string;
  /** `AB:CD:…` SHA-256 of the DER, present when a hash function was supplied. */
  fingerprint256?: string;
}

/** A parsed X.509 certificate; all byte fields are views into `raw`. */
export class Certificate {
  /** The whole certificate DER. */
  readonly raw: Uint8Array;
  /** The TBSCertificate DER exactly as signed. */
  readonly tbs: Uint8Array;
  /** 1, 2 or 3. */
  readonly version: number;
  /** serialNumber as two's-complement content bytes. */
  readonly serial: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly subjectPublicKeyInfo: SubjectPublicKeyInfo;
  /** Outer signatureAlgorithm (checked equal to the TBS copy). */
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** signatureValue bytes. */
  readonly signature: Uint8Array;
  readonly extensions: CertificateExtensions;

  private constructor(der: Uint8Array) {
    this.raw = der;
    const outer = DerReader.topLevelSequence(der);
    const tbsElement = outer.expect(Tag.SEQUENCE);
    this.tbs = tbsElement.raw;
    const outerAlgorithm = outer.expect(Tag.SEQUENCE).raw;
    this.signatureAlgorithm = readSignatureAlgorithm(new DerReader(outerAlgorithm));
    this.signature = outer.bitStringBytes();
    outer.end();

    const tbs = new DerReader(tbsElement.contents);
    const versionField = tbs.optionalExplicit(0);
    this.version = 1;
    if (versionField) {
      this.version = versionField.smallInteger() + 1;
      versionField.end();
      if (this.version < 1 || this.version > 3)
        throw new DerError("UNEXPECTED_TAG", `certificate version ${this.version}`);
    }
    this.serial = tbs.integerBytes();
    const innerAlgorithm = tbs.expect(Tag.SEQUENCE).raw;
    if (!equalBytes(innerAlgorithm, outerAlgorithm)) {
      throw new DerError("UNEXPECTED_TAG", "TBS signature algorithm differs from the outer one (RFC 5280 §4.1.1.2)");
    }
    this.issuer = DistinguishedName.read(tbs);
    const validity = tbs.sequence();
    this.notBefore = validity.time();
    this.notAfter = validity.time();
    validity.end();
    this.subject = DistinguishedName.read(tbs);
    this.subjectPublicKeyInfo = readSubjectPublicKeyInfo(tbs);
    if (this.version >= 2) {
      tbs.optional(0x81); // issuerUniqueID
      tbs.optional(0x82); // subjectUniqueID
    }
    const extensionsField = this.version === 3 ? tbs.optionalExplicit(3) : undefined;
    tbs.end();
    this.extensions = parseExtensions(extensionsField);
  }

  /** Parses (a copy of) one DER certificate; malformed input throws `CertificateError` `CERT_PARSE_ERROR`. */
  static fromDer(der: Uint8Array): Certificate {
    try {
      return new Certificate(der.slice());
    } catch (e) {
      if (e instanceof DerError) {
        const error = new CertificateError("CERT_PARSE_ERROR", `malformed certificate: ${e.message}`);
        (error as { cause?: unknown }).cause = e;
        throw error;
      }
      throw e;
    }
  }

  /** Parses the first `CERTIFICATE` block of `pem`. */
  static fromPem(pem: string): Certificate {
    const [first] = Certificate.allFromPem(pem);
    if (!first) throw new CertificateError("CERT_PARSE_ERROR", "no CERTIFICATE block");
    return first;
  }

  /** Parses every `CERTIFICATE` block of a PEM bundle (other blocks are skipped). */
  static allFromPem(bundle: string): Certificate[] {
    let blocks: ReturnType<typeof decodePem>;
    try {
      blocks = decodePem(bundle);
    } catch (e) {
      if (e instanceof DerError) throw new CertificateError("CERT_PARSE_ERROR", e.message);
      throw e;
    }
    return blocks.filter((b) => b.label === "CERTIFICATE").map((b) => Certificate.fromDer(b.der));
  }

  /** The RSA public key, or null when the key is not RSA (see `subjectPublicKeyInfo.algorithm`). */
  get publicKey(): RsaPublicComponents | null {
    return this.subjectPublicKeyInfo.rsa ?? null;
  }

  /** Serial number as upper-case hex without the DER sign byte (node:crypto `X509Certificate.serialNumber`). */
  get serialNumber(): string {
    const s = this.serial;
    if (s.every((b) => b === 0)) return "0";
    return toHex(s.length > 1 && s[0] === 0 ? s.subarray(1) : s).toUpperCase();
  }

  /** True when subject and issuer names are byte-identical (RFC 5280 §6.1 "self-issued"). */
  get isSelfIssued(): boolean {
    return this.subject.equals(this.issuer);
  }

  /** True when basicConstraints marks the certificate as a CA. */
  get isCa(): boolean {
    return this.extensions.basicConstraints?.ca === true;
  }

  /** node-style subjectAltName string: `DNS:a.example, IP Address:127.0.0.1`. */
  get subjectAltName(): string | undefined {
    const san = this.extensions.subjectAltNames;
    if (!san) return undefined;
    return [
      ...san.dnsNames.map((n) => `DNS:${n}`),
      ...san.ipAddresses.map((ip) => `IP Address:${formatIp(ip)}`),
      ...san.emails.map((e) => `email:${e}`),
      ...san.uris.map((u) => `URI:${u}`),
    ].join(", ");
  }

  /** `AB:CD:…` fingerprint of the DER under `hash` (e.g. `(d) => provider.hash("sha256", d)`). */
  fingerprint(hash: (data: Uint8Array) => Uint8Array): string {
    return toHex(hash(this.raw), ":").toUpperCase();
  }

  /** A node:tls `PeerCertificate`-like summary; pass a SHA-256 function to include `fingerprint256`. */
  summary(sha256?: (data: Uint8Array) => Uint8Array): CertificateSummary {
    const result: CertificateSummary = {
      subject: this.subject.toString(),
      issuer: this.issuer.toString(),
      subjectaltname: this.subjectAltName,
      valid_from: formatOpenSslDate(this.notBefore),
      valid_to: formatOpenSslDate(this.notAfter),
      serialNumber: this.serialNumber,
    };
    if (sha256) result.fingerprint256 = this.fingerprint(sha256);
    return result;
  }

  /** JSON form: the summary without fingerprint. */
  toJSON(): CertificateSummary {
    return this.summary();
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** OpenSSL's `ASN1_TIME_print` format used by node: `Nov  7 02:11:32 2026 GMT`. */
export function formatOpenSslDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${d.getUTCFullYear()} GMT`;
}
