// Distinguished names, RFC 5280 §4.1.2.4: Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF
// AttributeTypeAndValue). Kept raw for comparison; decoded for display and the commonName fallback.
import { DerReader, decodeString, Tag } from "./der.js";
import { DerError } from "./errors.js";
import { equalBytes, toHex } from "./bytes.js";
import { DN_ATTRIBUTE_NAMES, OID_COMMON_NAME } from "./oids.js";

/** One attribute of a name, in encoding order. */
export interface NameAttribute {
  /** Attribute type OID. */
  readonly oid: string;
  /** Short name (`CN`, `O`, …) or the dotted OID when unknown. */
  readonly shortName: string;
  /** Decoded value; non-string values are shown as `#` + hex (RFC 4514 §2.4). */
  readonly value: string;
}

/** A parsed distinguished name. */
export class DistinguishedName {
  /** The Name DER exactly as encoded (issuer/subject chaining compares these bytes). */
  readonly raw: Uint8Array;
  /** Attributes in encoding order (RDN order, most significant first). */
  readonly attributes: readonly NameAttribute[];

  private constructor(raw: Uint8Array, attributes: NameAttribute[]) {
    this.raw = raw;
    this.attributes = attributes;
  }

  /** Reads a Name from `reader`. */
  static read(reader: DerReader): DistinguishedName {
    const element = reader.expect(Tag.SEQUENCE);
    const rdns = new DerReader(element.contents);
    const attributes: NameAttribute[] = [];
    while (!rdns.done) {
      const set = rdns.set();
      if (set.done) throw new DerError("UNEXPECTED_TAG", "empty RelativeDistinguishedName");
      while (!set.done) {
        const atv = set.sequence();
        const oid = atv.oid();
        const value = atv.element();
        atv.end();
        attributes.push({ oid, shortName: DN_ATTRIBUTE_NAMES[oid] ?? oid, value: displayValue(value.tag, value.contents, value.raw) });
      }
    }
    return new DistinguishedName(element.raw, attributes);
  }

  /** The last (most specific) commonName, or undefined. */
  get commonName(): string | undefined {
    return this.commonNames.at(-1);
  }

  /** Every commonName value, in order. */
  get commonNames(): string[] {
    return this.attributes.filter((a) => a.oid === OID_COMMON_NAME).map((a) => a.value);
  }

  /** Byte-wise equality of the encodings (the comparison used to chain issuer to subject). */
  equals(other: DistinguishedName): boolean {
    return equalBytes(this.raw, other.raw);
  }

  /** node:crypto `X509Certificate.subject` style: one `type=value` per line, encoding order. */
  toString(): string {
    return this.attributes.map((a) => `${a.shortName}=${a.value}`).join("\n");
  }
}

function displayValue(tag: number, contents: Uint8Array, raw: Uint8Array): string {
  try {
    return decodeString(tag, contents);
  } catch {
    return `#${toHex(raw)}`;
  }
}
