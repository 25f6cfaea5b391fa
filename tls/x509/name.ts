// Distinguished names, RFC 5280 §4.1.2.4: Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF
// AttributeTypeAndValue). Kept raw for comparison; decoded for display and the commonName fallback.
import { equalBytes, toHex } from "./bytes.js";
import { DerReader, decodeString, Tag } from "./der.js";
import { DerError } from "./errors.js";
import { DN_ATTRIBUTE_NAMES, OID_COMMON_NAME } from "./oids.js";

/** One attribute of a name, in encoding order. */
export interface NameAttribute {
  /** Attribute type OID. */
  readonly oid: string;
  /** Short name (`CN`, `O`, …) or the dotted OID when unknown. */
  readonly shortName: string;
  /** Decoded value; non-string values are shown as `#` + hex of their encoding (RFC 4514 §2.4). */
  readonly value: string;
  /** True when `value` is the `#hex` form of a non-string value. */
  readonly binary: boolean;
  /** Index of the RelativeDistinguishedName holding it (several attributes may share one). */
  readonly rdn: number;
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
    for (let rdn = 0; !rdns.done; rdn++) {
      const set = rdns.set();
      if (set.done) throw new DerError("UNEXPECTED_TAG", "empty RelativeDistinguishedName");
      while (!set.done) {
        const atv = set.sequence();
        const oid = atv.oid();
        const { tag, contents, raw } = atv.element();
        atv.end();
        const shortName = DN_ATTRIBUTE_NAMES[oid] ?? oid;
        const text = decodeValue(tag, contents);
        const value = text ?? `#${toHex(raw)}`;
        attributes.push({ oid, shortName, value, binary: text === undefined, rdn });
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
    return this.attributes.filter((a) => a.oid === OID_COMMON_NAME && !a.binary).map((a) => a.value);
  }

  /** Byte-wise equality of the encodings (the comparison used to chain issuer to subject). */
  equals(other: DistinguishedName): boolean {
    return equalBytes(this.raw, other.raw);
  }

  /**
   * node:crypto `X509Certificate.subject` style: one RDN per line in encoding order, `type=value` with
   * RFC 4514 §2.4 escaping, attributes of a multi-valued RDN joined by ` + `.
   */
  toString(): string {
    const lines: string[] = [];
    let previousRdn = -1;
    for (const a of this.attributes) {
      const text = `${a.shortName}=${a.binary ? a.value : escapeValue(a.value)}`;
      if (a.rdn === previousRdn) lines[lines.length - 1] += ` + ${text}`;
      else lines.push(text);
      previousRdn = a.rdn;
    }
    return lines.join("\n");
  }
}

function decodeValue(tag: number, contents: Uint8Array): string | undefined {
  try {
    return decodeString(tag, contents);
  } catch {
    return undefined;
  }
}

/** RFC 4514 §2.4: backslash before `,+"\<>;`, a leading space or `#`, and a trailing space. */
function escapeValue(value: string): string {
  return value
    .replace(/[,+"\\<>;]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, "\\ ");
}
