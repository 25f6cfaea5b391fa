// A strict DER reader (ITU-T X.690 §8 basic rules restricted by §10/§11 distinguished rules).
// Every length must be definite and minimally encoded, INTEGERs minimal, BOOLEANs 0x00/0xFF, BIT STRING
// padding bits zero, times in the RFC 5280 §4.1.2.5 profile, and no bytes may follow the last element.
import { DerError } from "./errors.js";

/** Universal tag bytes (identifier octets, class and constructed bit included). */
export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Identifier byte of a context-specific tag `[n]` (X.690 §8.1.2); `constructed` for EXPLICIT tags. */
export function contextTag(n: number, constructed: boolean): number {
  if (n < 0 || n > 30) throw new RangeError("context tag number out of range");
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

/** One decoded TLV element; `raw` is the whole encoding, `contents` the value octets (views, no copies). */
export interface DerElement {
  /** Identifier byte. */
  readonly tag: number;
  /** Value octets. */
  readonly contents: Uint8Array;
  /** Identifier + length + value octets, exactly as encoded. */
  readonly raw: Uint8Array;
}

const MAX_LENGTH_OCTETS = 4;

/** A bit string: `bytes` with `unusedBits` (0–7) padding bits at the end of the last byte. */
export interface BitString {
  readonly unusedBits: number;
  readonly bytes: Uint8Array;
}

/**
 * Sequential reader over the DER elements of one byte range. Constructed types return a child reader
 * over their contents; call `end()` on every reader to reject trailing bytes.
 */
export class DerReader {
  private readonly bytes: Uint8Array;
  private pos = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Parses `bytes` as exactly one element and returns it (trailing bytes rejected). */
  static single(bytes: Uint8Array): DerElement {
    const reader = new DerReader(bytes);
    const element = reader.element();
    reader.end();
    return element;
  }

  /** Parses `bytes` as exactly one SEQUENCE (trailing bytes rejected) and returns a reader over its contents. */
  static topLevelSequence(bytes: Uint8Array): DerReader {
    const outer = new DerReader(bytes);
    const contents = outer.sequence();
    outer.end();
    return contents;
  }

  /** True when every byte has been consumed. */
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Identifier byte of the next element, or -1 at the end. */
  peekTag(): number {
    return this.done ? -1 : this.bytes[this.pos]!;
  }

  /** Throws `TRAILING_DATA` unless every byte has been consumed. */
  end(): void {
    if (!this.done) throw new DerError("TRAILING_DATA", `${this.bytes.length - this.pos} unexpected trailing bytes`);
  }

  /** Reads the next element of any tag. Low tag numbers only (X.509 needs no others). */
  element(): DerElement {
    const b = this.bytes;
    const start = this.pos;
    if (start >= b.length) throw new DerError("TRUNCATED", "expected an element");
    const tag = b[start]!;
    if ((tag & 0x1f) === 0x1f) throw new DerError("HIGH_TAG_NUMBER", "high tag numbers are not supported");
    if (start + 1 >= b.length) throw new DerError("TRUNCATED", "missing length");
    let length = b[start + 1]!;
    let offset = start + 2;
    if (length === 0x80) throw new DerError("INDEFINITE_LENGTH", "indefinite length is not DER");
    if (length > 0x80) {
      const count = length & 0x7f;
      if (count > MAX_LENGTH_OCTETS) throw new DerError("LENGTH_TOO_LARGE", `${count} length octets`);
      if (offset + count > b.length) throw new DerError("TRUNCATED", "truncated length");
      if (b[offset] === 0) throw new DerError("NON_MINIMAL_LENGTH", "leading zero length octet");
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + b[offset + i]!;
      if (length < 0x80) throw new DerError("NON_MINIMAL_LENGTH", "long form used for a short length");
      offset += count;
    }
    if (length > b.length - offset) throw new DerError("TRUNCATED", `value needs ${length} bytes`);
    const end = offset + length;
    this.pos = end;
    return { tag, contents: b.subarray(offset, end), raw: b.subarray(start, end) };
  }

  /** Reads the next element and checks its identifier byte. */
  expect(tag: number): DerElement {
    const actual = this.peekTag();
    if (actual !== tag) {
      const found = actual < 0 ? "end of data" : `0x${actual.toString(16)}`;
      throw new DerError(
        actual < 0 ? "TRUNCATED" : "UNEXPECTED_TAG",
        `expected tag 0x${tag.toString(16)}, found ${found}`,
      );
    }
    return this.element();
  }

  /** Reads the next element only if it has identifier `tag`. */
  optional(tag: number): DerElement | undefined {
    return this.peekTag() === tag ? this.element() : undefined;
  }

  /** SEQUENCE: returns a reader over its contents. */
  sequence(): DerReader {
    return new DerReader(this.expect(Tag.SEQUENCE).contents);
  }

  /** SET (OF): returns a reader over its contents. */
  set(): DerReader {
    return new DerReader(this.expect(Tag.SET).contents);
  }

  /** `[n] EXPLICIT`: returns a reader over the wrapped contents (call `end()` on it). */
  explicit(n: number): DerReader {
    return new DerReader(this.expect(contextTag(n, true)).contents);
  }

  /** Optional `[n] EXPLICIT`: a reader over its contents, or undefined when absent. */
  optionalExplicit(n: number): DerReader | undefined {
    const element = this.optional(contextTag(n, true));
    return element && new DerReader(element.contents);
  }

  /** `[n] IMPLICIT` primitive value: returns its contents. */
  implicit(n: number): Uint8Array {
    return this.expect(contextTag(n, false)).contents;
  }

  /** INTEGER as its two's-complement content bytes (minimal encoding enforced, X.690 §8.3.2). */
  integerBytes(tag: number = Tag.INTEGER): Uint8Array {
    const v = this.expect(tag).contents;
    checkMinimalInteger(v);
    return v;
  }

  /** A non-negative INTEGER as big-endian magnitude bytes without a sign byte (zero is `[0]`). */
  unsignedInteger(): Uint8Array {
    const v = this.integerBytes();
    if (v[0]! & 0x80) throw new DerError("NEGATIVE_INTEGER", "negative integer where a non-negative one is required");
    return v.length > 1 && v[0] === 0 ? v.subarray(1) : v;
  }

  /** An INTEGER that fits a safe JS number (versions, path lengths). */
  smallInteger(): number {
    const v = this.integerBytes();
    if (v.length > 6) throw new DerError("INTEGER_TOO_LARGE", "integer does not fit a number");
    let n = v[0]! & 0x80 ? -1 : 0;
    for (const byte of v) n = n * 256 + byte;
    return n;
  }

  /** OBJECT IDENTIFIER as a dotted string (X.690 §8.19). */
  oid(): string {
    return decodeOid(this.expect(Tag.OID).contents);
  }

  /** BOOLEAN; DER allows only 0x00 and 0xFF (X.690 §11.1). */
  boolean(): boolean {
    const v = this.expect(Tag.BOOLEAN).contents;
    if (v.length !== 1 || (v[0] !== 0 && v[0] !== 0xff))
      throw new DerError("BAD_BOOLEAN", "BOOLEAN must be 0x00 or 0xFF");
    return v[0] === 0xff;
  }

  /** NULL (empty contents). */
  null(): void {
    if (this.expect(Tag.NULL).contents.length !== 0) throw new DerError("BAD_NULL", "NULL with contents");
  }

  /** OCTET STRING contents. */
  octetString(): Uint8Array {
    return this.expect(Tag.OCTET_STRING).contents;
  }

  /** BIT STRING; padding bits must be zero (X.690 §11.2.1). */
  bitString(tag: number = Tag.BIT_STRING): BitString {
    return decodeBitString(this.expect(tag).contents);
  }

  /** BIT STRING that must hold whole bytes (keys, signatures). */
  bitStringBytes(): Uint8Array {
    const bits = this.bitString();
    if (bits.unusedBits !== 0) throw new DerError("BAD_BIT_STRING", "expected a whole number of bytes");
    return bits.bytes;
  }

  /** UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5 profile: seconds present, `Z`, no fractions). */
  time(): Date {
    const element = this.element();
    if (element.tag !== Tag.UTC_TIME && element.tag !== Tag.GENERALIZED_TIME) {
      throw new DerError("UNEXPECTED_TAG", `expected a time, found tag 0x${element.tag.toString(16)}`);
    }
    return decodeTime(element.tag, element.contents);
  }

  /** Any of the X.509 directory string types, decoded to a JS string. */
  string(): string {
    const element = this.element();
    return decodeString(element.tag, element.contents);
  }
}

/** Throws unless `v` is a minimally encoded two's-complement integer (X.690 §8.3.2). */
export function checkMinimalInteger(v: Uint8Array): void {
  if (v.length === 0) throw new DerError("NON_MINIMAL_INTEGER", "empty INTEGER");
  if (v.length > 1 && ((v[0] === 0 && v[1]! < 0x80) || (v[0] === 0xff && v[1]! >= 0x80))) {
    throw new DerError("NON_MINIMAL_INTEGER", "INTEGER has redundant leading bytes");
  }
}

/** Decodes OBJECT IDENTIFIER contents to dotted form. */
export function decodeOid(v: Uint8Array): string {
  if (v.length === 0) throw new DerError("BAD_OID", "empty OID");
  if (v[v.length - 1]! & 0x80) throw new DerError("BAD_OID", "OID ends inside an arc");
  const arcs: bigint[] = [];
  let value = 0n;
  let first = true;
  for (const byte of v) {
    if (first && byte === 0x80) throw new DerError("BAD_OID", "non-minimal OID arc");
    value = (value << 7n) | BigInt(byte & 0x7f);
    first = false;
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0n;
      first = true;
    }
  }
  const head = arcs[0]!;
  const top = head < 40n ? 0n : head < 80n ? 1n : 2n;
  return [top, head - top * 40n, ...arcs.slice(1)].join(".");
}

/** Decodes BIT STRING contents (X.690 §8.6, DER padding rule §11.2.1). */
export function decodeBitString(v: Uint8Array): BitString {
  if (v.length === 0) throw new DerError("BAD_BIT_STRING", "missing unused-bits octet");
  const unusedBits = v[0]!;
  if (unusedBits > 7 || (v.length === 1 && unusedBits !== 0))
    throw new DerError("BAD_BIT_STRING", "bad unused-bits count");
  const bytes = v.subarray(1);
  if (unusedBits && bytes[bytes.length - 1]! & ((1 << unusedBits) - 1)) {
    throw new DerError("BAD_BIT_STRING", "non-zero padding bits");
  }
  return { unusedBits, bytes };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Decodes UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime (`YYYYMMDDHHMMSSZ`), RFC 5280 §4.1.2.5.1–2. */
export function decodeTime(tag: number, v: Uint8Array): Date {
  const text = latin1(v);
  const utc = tag === Tag.UTC_TIME;
  const pattern = utc
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
  const m = pattern.exec(text);
  if (!m) throw new DerError("BAD_TIME", `malformed time ${JSON.stringify(text)}`);
  const [yearText, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const year = utc ? (yearText >= 50 ? 1900 + yearText : 2000 + yearText) : yearText;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > maxDay! || hour > 23 || minute > 59 || second > 59) {
    throw new DerError("BAD_TIME", `time out of range ${JSON.stringify(text)}`);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date;
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes a directory string (UTF8/Printable/IA5/Visible/T61/BMP/Universal) to a JS string. */
export function decodeString(tag: number, v: Uint8Array): string {
  switch (tag) {
    case Tag.UTF8_STRING:
      try {
        return utf8Decoder.decode(v);
      } catch {
        throw new DerError("BAD_STRING", "invalid UTF-8");
      }
    case Tag.PRINTABLE_STRING: {
      const s = latin1(v);
      if (!PRINTABLE.test(s)) throw new DerError("BAD_STRING", "invalid PrintableString character");
      return s;
    }
    case Tag.IA5_STRING:
    case Tag.VISIBLE_STRING:
      for (const byte of v) if (byte > 0x7f) throw new DerError("BAD_STRING", "non-ASCII character");
      return latin1(v);
    case Tag.T61_STRING:
      return latin1(v); // de-facto usage: Latin-1
    case Tag.BMP_STRING:
      return decodeWide(v, 2);
    case Tag.UNIVERSAL_STRING:
      return decodeWide(v, 4);
    default:
      throw new DerError("UNEXPECTED_TAG", `tag 0x${tag.toString(16)} is not a string type`);
  }
}

function decodeWide(v: Uint8Array, width: 2 | 4): string {
  if (v.length % width) throw new DerError("BAD_STRING", "odd-length wide string");
  let s = "";
  for (let i = 0; i < v.length; i += width) {
    let cp = 0;
    for (let j = 0; j < width; j++) cp = cp * 256 + v[i + j]!;
    if (cp > 0x10ffff || (width === 4 && cp >= 0xd800 && cp <= 0xdfff))
      throw new DerError("BAD_STRING", "bad code point");
    s += width === 2 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }
  return s;
}

function latin1(v: Uint8Array): string {
  let s = "";
  for (const byte of v) s += String.fromCharCode(byte);
  return s;
}
