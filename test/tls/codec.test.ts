// Message and extension codecs: round trips, and strict-reader rejections of every malformed shape.
import { describe, expect, it } from "vitest";
import { Reader } from "../../tls/codec/reader.js";
import { Writer } from "../../tls/codec/writer.js";
import {
  decodeCertificate,
  decodeCertificateRequest,
  encodeCertificate,
  encodeCertificateRequest,
} from "../../tls/messages/certificate.js";
import {
  decodeExtensions,
  decodeRenegotiationInfo,
  decodeServerName,
  decodeSignatureAlgorithms,
  encodeRenegotiationInfo,
  encodeServerName,
  encodeSignatureAlgorithms,
} from "../../tls/messages/extensions.js";
import {
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  encodeServerHello,
} from "../../tls/messages/hello.js";
import {
  decodeCertificateVerify,
  decodeFinished,
  decodeRsaClientKeyExchange,
  encodeCertificateVerify,
  encodeRsaClientKeyExchange,
} from "../../tls/messages/key-exchange.js";
import { alertOf } from "../support/alert-of.js";
import { fromHex as hex } from "../support/bytes.js";

const random = new Uint8Array(32).fill(7);

describe("round trips", () => {
  it("ClientHello with and without extensions", () => {
    for (const extensions of [
      [],
      [
        { type: 0xff01, data: hex("00") },
        { type: 23, data: new Uint8Array(0) },
      ],
    ]) {
      const m = {
        version: 0x0303,
        random,
        sessionId: hex("0102"),
        cipherSuites: [0x9c, 0x2f, 0xff],
        compressionMethods: [0],
        extensions,
      };
      expect(decodeClientHello(encodeClientHello(m))).toEqual(m);
    }
  });

  it("ServerHello", () => {
    const m = {
      version: 0x0302,
      random,
      sessionId: new Uint8Array(32).fill(1),
      cipherSuite: 0x2f,
      compressionMethod: 0,
      extensions: [{ type: 23, data: new Uint8Array(0) }],
    };
    expect(decodeServerHello(encodeServerHello(m))).toEqual(m);
  });

  it("Certificate, CertificateRequest (1.1 and 1.2), ClientKeyExchange, CertificateVerify", () => {
    const chain = [hex("3003020101"), hex("30020500")];
    expect(decodeCertificate(encodeCertificate(chain))).toEqual(chain);
    expect(decodeCertificate(encodeCertificate([]))).toEqual([]);
    const req12 = { certificateTypes: [1], signatureAlgorithms: [0x0401, 0x0201], authorities: [hex("3000")] };
    expect(decodeCertificateRequest(encodeCertificateRequest(req12, 0x0303), 0x0303)).toEqual(req12);
    const req11 = { certificateTypes: [1, 2], signatureAlgorithms: undefined, authorities: [] };
    expect(decodeCertificateRequest(encodeCertificateRequest(req11, 0x0302), 0x0302)).toEqual(req11);
    const ct = new Uint8Array(256).fill(9);
    expect(decodeRsaClientKeyExchange(encodeRsaClientKeyExchange(ct, 0x0303), 0x0303)).toEqual(ct);
    expect(decodeRsaClientKeyExchange(encodeRsaClientKeyExchange(ct, 0x0300), 0x0300)).toEqual(ct);
    const cv = { scheme: 0x0401, signature: hex("abcd") };
    expect(decodeCertificateVerify(encodeCertificateVerify(cv, 0x0303), 0x0303)).toEqual(cv);
  });

  it("extensions: server_name, renegotiation_info, signature_algorithms", () => {
    expect(decodeServerName(encodeServerName("example.com"))).toBe("example.com");
    expect(decodeRenegotiationInfo(encodeRenegotiationInfo(hex("0102")))).toEqual(hex("0102"));
    expect(decodeSignatureAlgorithms(encodeSignatureAlgorithms([0x0401, 0x0501]))).toEqual([0x0401, 0x0501]);
  });

  it("Writer rejects a vector longer than its length prefix", () => {
    expect(() => new Writer().vec8(new Uint8Array(256))).toThrow(RangeError);
  });
});

const goodClientHello = encodeClientHello({
  version: 0x0303,
  random,
  sessionId: new Uint8Array(0),
  cipherSuites: [0x9c],
  compressionMethods: [0],
  extensions: [{ type: 23, data: new Uint8Array(0) }],
});

describe("strict decoding", () => {
  const cases: [string, () => unknown, string][] = [
    [
      "truncated ClientHello",
      () => decodeClientHello(goodClientHello.subarray(0, goodClientHello.length - 1)),
      "decode_error",
    ],
    [
      "trailing byte after ClientHello",
      () => decodeClientHello(new Uint8Array([...goodClientHello, 0])),
      "decode_error",
    ],
    [
      "session id longer than 32",
      () =>
        decodeClientHello(
          new Writer().u16(0x0303).bytes(random).vec8(new Uint8Array(33)).vec16(hex("009c")).vec8(hex("00")).finish(),
        ),
      "decode_error",
    ],
    [
      "odd cipher suite list",
      () =>
        decodeClientHello(
          new Writer().u16(0x0303).bytes(random).vec8(new Uint8Array(0)).vec16(hex("009c00")).vec8(hex("00")).finish(),
        ),
      "decode_error",
    ],
    [
      "empty cipher suite list",
      () =>
        decodeClientHello(
          new Writer()
            .u16(0x0303)
            .bytes(random)
            .vec8(new Uint8Array(0))
            .vec16(new Uint8Array(0))
            .vec8(hex("00"))
            .finish(),
        ),
      "decode_error",
    ],
    [
      "empty compression list",
      () =>
        decodeClientHello(
          new Writer()
            .u16(0x0303)
            .bytes(random)
            .vec8(new Uint8Array(0))
            .vec16(hex("009c"))
            .vec8(new Uint8Array(0))
            .finish(),
        ),
      "decode_error",
    ],
    ["extension length overruns", () => decodeExtensions(hex("0017 0005 00")), "decode_error"],
    ["duplicate extension", () => decodeExtensions(hex("0017 0000 0017 0000")), "decode_error"],
    ["renegotiation_info with trailing byte", () => decodeRenegotiationInfo(hex("00 00")), "decode_error"],
    ["server_name inner length wrong", () => decodeServerName(hex("0005 00 0003 6162")), "decode_error"],
    ["server_name non-ASCII", () => decodeServerName(hex("0006 00 0003 61ff62")), "illegal_parameter"],
    ["signature_algorithms odd", () => decodeSignatureAlgorithms(hex("0003 040105")), "decode_error"],
    ["empty certificate in chain", () => decodeCertificate(hex("000003 000000")), "decode_error"],
    ["certificate list length mismatch", () => decodeCertificate(hex("000005 000001 30")), "decode_error"],
    ["ClientKeyExchange trailing byte", () => decodeRsaClientKeyExchange(hex("0001 aa bb"), 0x0303), "decode_error"],
    ["Finished wrong length", () => decodeFinished(new Uint8Array(13), 12), "decode_error"],
    [
      "ServerHello with major version 2",
      () =>
        decodeServerHello(
          encodeServerHello({
            version: 0x0200,
            random,
            sessionId: new Uint8Array(0),
            cipherSuite: 0x9c,
            compressionMethod: 0,
            extensions: [],
          }),
        ),
      "protocol_version",
    ],
    ["Reader.u24 past the end", () => new Reader(hex("0102")).u24(), "decode_error"],
  ];
  it.each(cases)("%s", (_name, fn, alert) => {
    expect(alertOf(fn)).toBe(alert);
  });
});
