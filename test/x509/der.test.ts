import { describe, expect, it } from "vitest";
import { toHex } from "../../bindings/bytes.js";
import { DerReader, Tag } from "../../tls/x509/der.js";
import {
  encodeBitString,
  encodeBoolean,
  encodeExplicit,
  encodeNull,
  encodeOid,
  encodeSequence,
  encodeSetOf,
  encodeSmallInteger,
  encodeTlv,
  encodeUnsignedInteger,
  encodeUtf8String,
} from "../../tls/x509/der-writer.js";
import { DerError } from "../../tls/x509/errors.js";
import { fromHex as hex } from "../support/bytes.js";

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DerError) return e.reason;
    throw e;
  }
  return "OK";
}

describe("DER reader: lengths and framing", () => {
  const cases: [string, string, string][] = [
    ["short form", "0403010203", "OK"],
    ["long form 1 byte", `0481${"80"}${"00".repeat(128)}`, "OK"],
    ["long form 2 bytes", `048201 00${"00".repeat(256)}`, "OK"],
    ["long form for short length", "048103010203", "NON_MINIMAL_LENGTH"],
    ["long form with leading zero", `04820080${"00".repeat(128)}`, "NON_MINIMAL_LENGTH"],
    ["indefinite length", "2480040100 0000", "INDEFINITE_LENGTH"],
    ["5 length octets", "04850000000001 00", "LENGTH_TOO_LARGE"],
    ["value truncated", "04040102", "TRUNCATED"],
    ["missing length", "04", "TRUNCATED"],
    ["length octets truncated", "0482 01", "TRUNCATED"],
    ["trailing bytes", "04010100", "TRAILING_DATA"],
    ["high tag number", "1f0100", "HIGH_TAG_NUMBER"],
    ["empty", "", "TRUNCATED"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(reason(() => DerReader.single(hex(input)))).toBe(expected);
  });
});

describe("DER reader: primitive types", () => {
  const integers: [string, string, string][] = [
    ["02017f", "7f", "OK"],
    ["02020080", "80", "OK"],
    ["0202007f", "", "NON_MINIMAL_INTEGER"],
    ["0202ff80", "", "NON_MINIMAL_INTEGER"],
    ["0201ff", "", "NEGATIVE_INTEGER"],
    ["0200", "", "NON_MINIMAL_INTEGER"],
  ];
  it.each(integers)("unsigned INTEGER %s → %s %s", (input, value, expected) => {
    let got = "";
    expect(reason(() => (got = toHex(new DerReader(hex(input)).unsignedInteger())))).toBe(expected);
    if (expected === "OK") expect(got).toBe(value);
  });

  it("reads zero and small integers", () => {
    expect(toHex(new DerReader(hex("020100")).unsignedInteger())).toBe("00");
    expect(new DerReader(hex("0201ff")).smallInteger()).toBe(-1);
    expect(new DerReader(hex("02020100")).smallInteger()).toBe(256);
    expect(reason(() => new DerReader(hex("020701000000000000")).smallInteger())).toBe("INTEGER_TOO_LARGE");
  });

  const oids: [string, string][] = [
    ["06092a864886f70d010101", "1.2.840.113549.1.1.1"],
    ["0603551d13", "2.5.29.19"],
    ["06028837", "2.999"],
    ["0604 2b060104", "1.3.6.1.4"],
  ];
  it.each(oids)("OID %s → %s (and back)", (input, dotted) => {
    const oid = new DerReader(hex(input.replace(/\s/g, ""))).oid();
    expect(oid).toBe(dotted);
    expect(toHex(encodeOid(dotted))).toBe(input.replace(/\s/g, ""));
  });
  it("OID round-trips large arcs", () => {
    for (const dotted of ["1.2.840.113549.1.1.11.4294967295", "2.25.329800735698586629295641978511506172918"]) {
      expect(new DerReader(encodeOid(dotted)).oid()).toBe(dotted);
    }
  });
  it.each(["0600", "06022a86", "06032a8001"])("rejects malformed OID %s", (input) => {
    expect(reason(() => new DerReader(hex(input)).oid())).toBe("BAD_OID");
  });

  it.each([
    ["0101ff", "true"],
    ["010100", "false"],
    ["010101", "BAD_BOOLEAN"],
    ["01020000", "BAD_BOOLEAN"],
  ])("BOOLEAN %s → %s", (input, expected) => {
    let got = "";
    const r = reason(() => (got = String(new DerReader(hex(input)).boolean())));
    expect(r === "OK" ? got : r).toBe(expected);
  });

  it.each([
    ["030100", "0:"],
    ["0303068041", "BAD_BIT_STRING"], // padding bits set (6 unused, last byte 0x41)
    ["0303068040", "6:8040"],
    ["03020780", "7:80"],
    ["030101", "BAD_BIT_STRING"],
    ["0300", "BAD_BIT_STRING"],
    ["03020880", "BAD_BIT_STRING"],
  ])("BIT STRING %s → %s", (input, expected) => {
    let got = "";
    const r = reason(() => {
      const bits = new DerReader(hex(input)).bitString();
      got = `${bits.unusedBits}:${toHex(bits.bytes)}`;
    });
    expect(r === "OK" ? got : r).toBe(expected);
  });

  it("NULL", () => {
    expect(reason(() => new DerReader(hex("0500")).null())).toBe("OK");
    expect(reason(() => new DerReader(hex("050100")).null())).toBe("BAD_NULL");
  });

  const ascii = (s: string) => toHex(new TextEncoder().encode(s));
  it.each([
    [Tag.UTC_TIME, "491231235959Z", "2049-12-31T23:59:59.000Z"],
    [Tag.UTC_TIME, "500101000000Z", "1950-01-01T00:00:00.000Z"],
    [Tag.GENERALIZED_TIME, "20500101000000Z", "2050-01-01T00:00:00.000Z"],
    [Tag.GENERALIZED_TIME, "99991231235959Z", "9999-12-31T23:59:59.000Z"],
    [Tag.GENERALIZED_TIME, "20240229120000Z", "2024-02-29T12:00:00.000Z"],
    [Tag.GENERALIZED_TIME, "20230229120000Z", "BAD_TIME"],
    [Tag.UTC_TIME, "4912312359Z", "BAD_TIME"],
    [Tag.UTC_TIME, "491231235959+0100", "BAD_TIME"],
    [Tag.GENERALIZED_TIME, "20500101000000.5Z", "BAD_TIME"],
    [Tag.UTC_TIME, "491301000000Z", "BAD_TIME"],
    [Tag.UTC_TIME, "491231245959Z", "BAD_TIME"],
  ])("time tag %i %s → %s", (tag, text, expected) => {
    let got = "";
    const r = reason(() => (got = new DerReader(encodeTlv(tag, hex(ascii(text)))).time().toISOString()));
    expect(r === "OK" ? got : r).toBe(expected);
  });

  it.each([
    [Tag.UTF8_STRING, "c3a9", "é"],
    [Tag.UTF8_STRING, "c3", "BAD_STRING"],
    [Tag.PRINTABLE_STRING, ascii("Example Co."), "Example Co."],
    [Tag.PRINTABLE_STRING, ascii("a*b"), "BAD_STRING"],
    [Tag.IA5_STRING, ascii("a@b.example"), "a@b.example"],
    [Tag.IA5_STRING, "80", "BAD_STRING"],
    [Tag.T61_STRING, "e9", "é"],
    [Tag.BMP_STRING, "00e9 0041", "éA"],
    [Tag.BMP_STRING, "00e9 00", "BAD_STRING"],
    [Tag.UNIVERSAL_STRING, "0001f600", "😀"],
    [Tag.OCTET_STRING, "00", "UNEXPECTED_TAG"],
  ])("string tag %i %s → %s", (tag, contents, expected) => {
    let got = "";
    const r = reason(() => (got = new DerReader(encodeTlv(tag, hex(contents))).string()));
    expect(r === "OK" ? got : r).toBe(expected);
  });
});

describe("DER reader: constructed types and tags", () => {
  it("walks a nested structure with explicit and implicit tags", () => {
    const der = encodeSequence([
      encodeExplicit(0, [encodeSmallInteger(2)]),
      encodeSetOf([encodeUtf8String("b"), encodeNull()]),
      encodeTlv(0x82, hex("6869")),
      encodeBoolean(true),
    ]);
    const seq = new DerReader(DerReader.single(der).contents);
    const v = seq.optionalExplicit(0)!;
    expect(v.smallInteger()).toBe(2);
    v.end();
    expect(seq.optionalExplicit(1)).toBeUndefined();
    const set = seq.set();
    set.null(); // DER sorts SET OF: NULL (05) before UTF8String (0c)
    expect(set.string()).toBe("b");
    set.end();
    expect(Buffer.from(seq.implicit(2)).toString()).toBe("hi");
    expect(seq.boolean()).toBe(true);
    seq.end();
  });

  it("reports unexpected tags and end of data", () => {
    expect(reason(() => new DerReader(hex("0500")).sequence())).toBe("UNEXPECTED_TAG");
    expect(reason(() => new DerReader(new Uint8Array(0)).sequence())).toBe("TRUNCATED");
    const seq = new DerReader(hex("3003020101")).sequence();
    seq.smallInteger();
    expect(reason(() => seq.smallInteger())).toBe("TRUNCATED");
  });

  it("rejects trailing bytes inside a constructed element", () => {
    const seq = new DerReader(hex("30050201010500")).sequence();
    seq.smallInteger();
    expect(reason(() => seq.end())).toBe("TRAILING_DATA");
  });

  it("returns raw element slices", () => {
    const inner = encodeBitString(hex("abcd"));
    const el = DerReader.single(encodeSequence([inner]));
    expect(toHex(new DerReader(el.contents).element().raw)).toBe(toHex(inner));
  });

  it("writer encodes integers minimally and long lengths", () => {
    expect(toHex(encodeUnsignedInteger(hex("0000ff")))).toBe("020200ff");
    expect(toHex(encodeUnsignedInteger(hex("0000")))).toBe("020100");
    expect(toHex(encodeUnsignedInteger(new Uint8Array(0)))).toBe("020100");
    expect(toHex(encodeTlv(4, new Uint8Array(300)).subarray(0, 4))).toBe("0482012c");
  });
});

describe("DER reader robustness", () => {
  it("random input only ever throws DerError", async () => {
    const fc = await import("fast-check");
    const { decodeRsaPrivateKey, decodeRsaPublicKey } = await import("../../tls/x509/keys.js");
    const seed = encodeSequence([
      encodeSmallInteger(0),
      encodeSequence([encodeOid("1.2.840.113549.1.1.1"), encodeNull()]),
    ]);
    const inputs = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
        const b = seed.slice();
        b[i]! ^= x;
        return b;
      }),
    );
    fc.assert(
      fc.property(inputs, (bytes) => {
        for (const parse of [
          () => DerReader.single(bytes),
          () => decodeRsaPrivateKey(bytes),
          () => decodeRsaPublicKey(bytes),
        ]) {
          try {
            parse();
          } catch (e) {
            if (!(e instanceof DerError)) throw e;
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
