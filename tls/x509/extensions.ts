// Certificate extensions, RFC 5280 §4.2: the ones path validation needs are decoded; every extension is
// kept raw with its critical flag, and critical extensions we do not process are listed for rejection.
import { DerReader, decodeString, Tag } from "./der.js";
import { DerError } from "./errors.js";
import { OID_EXT } from "./oids.js";

/** One extension as encoded. */
export interface Extension {
  readonly oid: string;
  readonly critical: boolean;
  /** extnValue OCTET STRING contents (the DER of the extension's own structure). */
  readonly value: Uint8Array;
}

/** basicConstraints, RFC 5280 §4.2.1.9. */
export interface BasicConstraints {
  readonly ca: boolean;
  /** Maximum number of non-self-issued intermediates below this CA; undefined = unlimited. */
  readonly pathLength: number | undefined;
}

/** keyUsage bit names in bit order, RFC 5280 §4.2.1.3. */
export const KEY_USAGE_BITS = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
] as const;

/** A keyUsage bit name. */
export type KeyUsage = (typeof KEY_USAGE_BITS)[number];

/** subjectAltName entries we understand, RFC 5280 §4.2.1.6 (others are counted, not decoded). */
export interface SubjectAltNames {
  readonly dnsNames: readonly string[];
  /** iPAddress entries as 4 or 16 raw bytes. */
  readonly ipAddresses: readonly Uint8Array[];
  readonly emails: readonly string[];
  readonly uris: readonly string[];
  /** Number of entries of other GeneralName forms (otherName, directoryName, …). */
  readonly otherCount: number;
}

/** authorityKeyIdentifier, RFC 5280 §4.2.1.1 (only the keyIdentifier form is used for chaining). */
export interface AuthorityKeyIdentifier {
  readonly keyIdentifier: Uint8Array | undefined;
}

/** The decoded extension set of a certificate. */
export interface CertificateExtensions {
  readonly all: readonly Extension[];
  readonly basicConstraints: BasicConstraints | undefined;
  readonly keyUsage: ReadonlySet<KeyUsage> | undefined;
  /** extKeyUsage purpose OIDs. */
  readonly extKeyUsage: readonly string[] | undefined;
  readonly subjectAltNames: SubjectAltNames | undefined;
  readonly subjectKeyIdentifier: Uint8Array | undefined;
  readonly authorityKeyIdentifier: AuthorityKeyIdentifier | undefined;
  /** OIDs of critical extensions this library does not process (RFC 5280 §4.2: must be rejected). */
  readonly unhandledCritical: readonly string[];
}

const HANDLED = new Set<string>(Object.values(OID_EXT));

/** Parses `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension`; duplicates are rejected (§4.2). */
export function parseExtensions(reader: DerReader | undefined): CertificateExtensions {
  const all: Extension[] = [];
  if (reader) {
    const seq = reader.sequence();
    reader.end();
    if (seq.done) throw new DerError("TRUNCATED", "empty extensions");
    while (!seq.done) {
      const ext = seq.sequence();
      const oid = ext.oid();
      const critical = ext.peekTag() === Tag.BOOLEAN ? ext.boolean() : false;
      const value = ext.octetString();
      ext.end();
      if (all.some((e) => e.oid === oid)) throw new DerError("UNEXPECTED_TAG", `duplicate extension ${oid}`);
      all.push({ oid, critical, value });
    }
  }
  const find = (oid: string) => all.find((e) => e.oid === oid)?.value;
  const decode = <T>(oid: string, fn: (r: DerReader) => T): T | undefined => {
    const value = find(oid);
    if (!value) return undefined;
    const r = new DerReader(value);
    const result = fn(r);
    r.end();
    return result;
  };
  return {
    all,
    basicConstraints: decode(OID_EXT.basicConstraints, readBasicConstraints),
    keyUsage: decode(OID_EXT.keyUsage, readKeyUsage),
    extKeyUsage: decode(OID_EXT.extKeyUsage, readExtKeyUsage),
    subjectAltNames: decode(OID_EXT.subjectAltName, readSubjectAltNames),
    subjectKeyIdentifier: decode(OID_EXT.subjectKeyIdentifier, (r) => r.octetString()),
    authorityKeyIdentifier: decode(OID_EXT.authorityKeyIdentifier, readAuthorityKeyIdentifier),
    unhandledCritical: all.filter((e) => e.critical && !HANDLED.has(e.oid)).map((e) => e.oid),
  };
}

function readBasicConstraints(r: DerReader): BasicConstraints {
  const seq = r.sequence();
  const ca = seq.peekTag() === Tag.BOOLEAN ? seq.boolean() : false;
  const pathLength = seq.peekTag() === Tag.INTEGER ? seq.smallInteger() : undefined;
  seq.end();
  if (pathLength !== undefined && pathLength < 0) throw new DerError("NEGATIVE_INTEGER", "negative pathLenConstraint");
  return { ca, pathLength };
}

function readKeyUsage(r: DerReader): ReadonlySet<KeyUsage> {
  const { bytes, unusedBits } = r.bitString();
  const usages = new Set<KeyUsage>();
  const bitCount = bytes.length * 8 - unusedBits;
  KEY_USAGE_BITS.forEach((name, bit) => {
    if (bit < bitCount && bytes[bit >> 3]! & (0x80 >> (bit & 7))) usages.add(name);
  });
  return usages;
}

function readExtKeyUsage(r: DerReader): string[] {
  const seq = r.sequence();
  const purposes: string[] = [];
  while (!seq.done) purposes.push(seq.oid());
  if (purposes.length === 0) throw new DerError("TRUNCATED", "empty extKeyUsage");
  return purposes;
}

function readSubjectAltNames(r: DerReader): SubjectAltNames {
  const seq = r.sequence();
  const names = {
    dnsNames: [] as string[],
    ipAddresses: [] as Uint8Array[],
    emails: [] as string[],
    uris: [] as string[],
  };
  let otherCount = 0;
  while (!seq.done) {
    const { tag, contents } = seq.element();
    if (tag === 0x81) names.emails.push(decodeString(Tag.IA5_STRING, contents));
    else if (tag === 0x82) names.dnsNames.push(decodeString(Tag.IA5_STRING, contents));
    else if (tag === 0x86) names.uris.push(decodeString(Tag.IA5_STRING, contents));
    else if (tag === 0x87) {
      if (contents.length !== 4 && contents.length !== 16)
        throw new DerError("BAD_STRING", "iPAddress must be 4 or 16 bytes");
      names.ipAddresses.push(contents);
    } else if ((tag & 0xc0) === 0x80) otherCount++;
    else throw new DerError("UNEXPECTED_TAG", `GeneralName with tag 0x${tag.toString(16)}`);
  }
  return { ...names, otherCount };
}

function readAuthorityKeyIdentifier(r: DerReader): AuthorityKeyIdentifier {
  const seq = r.sequence();
  const keyIdentifier = seq.optional(0x80)?.contents;
  seq.optional(0xa1);
  seq.optional(0x82);
  seq.end();
  return { keyIdentifier };
}
