// Property-based fuzzing of every decoder with mutated valid inputs (bit flips, truncation, splicing,
// insertion/deletion, length-field corruption). Invariant: a decoder returns or throws its own error
// type — TlsAlertError for TLS messages and records, a WasslError (DerError/CertificateError) for
// X.509/PEM/DER — never a TypeError/RangeError, and buffers stay bounded.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { WasslError } from "../../bindings/errors.js";
import { TlsAlertError } from "../../tls/alerts.js";
import { decodeCertificate, decodeCertificateRequest } from "../../tls/messages/certificate.js";
import {
  decodeAlpn,
  decodeExtensions,
  decodeRenegotiationInfo,
  decodeServerName,
  decodeSignatureAlgorithms,
} from "../../tls/messages/extensions.js";
import { decodeClientHello, decodeServerHello } from "../../tls/messages/hello.js";
import {
  decodeCertificateVerify,
  decodeFinished,
  decodeRsaClientKeyExchange,
} from "../../tls/messages/key-exchange.js";
import { HandshakeReassembler } from "../../tls/record/handshake-reassembler.js";
import { RecordReader } from "../../tls/record/record-reader.js";
import { Certificate } from "../../tls/x509/certificate.js";
import { decodeRsaPrivateKey, decodeRsaPrivateKeyPem, decodeRsaPublicKey } from "../../tls/x509/keys.js";
import { decodePem } from "../../tls/x509/pem.js";
import { testPki } from "../support/certs.js";
import { runTapped } from "../support/record-tap.js";
import { clientOptions, serverOptions } from "../tls/fixtures.js";
import { applyMutations, fuzzRuns, fuzzTimeout, mutations } from "./mutate.js";

/** Runs `fn`; true when it returned or threw an allowed error; rethrows anything else (a crash). */
function survives(fn: () => unknown, allowed: (e: unknown) => boolean): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (allowed(e)) return true;
    throw e;
  }
}
const isAlert = (e: unknown) => e instanceof TlsAlertError;
const isWassl = (e: unknown) => e instanceof WasslError;

/** Bodies of the messages of a client-authenticated TLS 1.2 handshake, by handshake type. */
const seeds = new Map<number, Uint8Array>();
const wire: { client: Uint8Array; server: Uint8Array } = { client: new Uint8Array(0), server: new Uint8Array(0) };

beforeAll(async () => {
  const pki = testPki();
  const run = await runTapped(
    clientOptions({ cert: pki.clientCert, key: pki.clientKey, ALPNProtocols: ["h2", "http/1.1"] }),
    serverOptions({ requestCert: true, ca: pki.caCert, ALPNProtocols: ["http/1.1"] }),
    (unit) => {
      if (unit.handshakeType !== undefined && !seeds.has(unit.handshakeType))
        seeds.set(unit.handshakeType, unit.bytes.slice(9));
      return [unit.bytes];
    },
  );
  expect(run.serverLog.handshake).toBeDefined();
  wire.client = run.sent("client");
  wire.server = run.sent("server");
});

const CI = 300;
const opts = { numRuns: fuzzRuns(CI) };
const timeout = fuzzTimeout(CI, 5);

describe("TLS message decoders", () => {
  const DECODERS: [string, number, (b: Uint8Array) => unknown][] = [
    ["ClientHello", 1, decodeClientHello],
    ["ServerHello", 2, decodeServerHello],
    ["Certificate", 11, decodeCertificate],
    ["CertificateRequest (TLS 1.2)", 13, (b) => decodeCertificateRequest(b, 0x0303)],
    ["CertificateRequest (TLS 1.1)", 13, (b) => decodeCertificateRequest(b, 0x0302)],
    ["ClientKeyExchange (TLS)", 16, (b) => decodeRsaClientKeyExchange(b, 0x0303)],
    ["ClientKeyExchange (SSL 3.0)", 16, (b) => decodeRsaClientKeyExchange(b, 0x0300)],
    ["CertificateVerify (TLS 1.2)", 15, (b) => decodeCertificateVerify(b, 0x0303)],
    ["CertificateVerify (TLS 1.0)", 15, (b) => decodeCertificateVerify(b, 0x0301)],
  ];

  it.each(DECODERS)(
    "%s",
    (name, type, decode) => {
      const seed = seeds.get(type)!;
      // The seeds are TLS 1.2 messages: decoders for other versions may refuse them, mutated or not.
      const seedMustParse = !/TLS 1\.[01]/.test(name);
      expect(survives(() => decode(seed), seedMustParse ? () => false : isAlert)).toBe(true);
      fc.assert(
        fc.property(mutations, (ms) => survives(() => decode(applyMutations(seed, ms, wire.server)), isAlert)),
        opts,
      );
    },
    timeout,
  );

  it("Finished", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => survives(() => decodeFinished(b, 12), isAlert)),
      opts,
    );
  });

  it(
    "extensions block and each extension body",
    () => {
      const hello = decodeClientHello(seeds.get(1)!);
      const block = seeds
        .get(1)!
        .subarray(seeds.get(1)!.length - hello.extensions.reduce((n, e) => n + 4 + e.data.length, 0));
      expect(decodeExtensions(block)).toHaveLength(hello.extensions.length);
      fc.assert(
        fc.property(mutations, (ms) => survives(() => decodeExtensions(applyMutations(block, ms)), isAlert)),
        opts,
      );
      const bodies: [number, (b: Uint8Array) => unknown][] = [
        [0, decodeServerName],
        [0xff01, decodeRenegotiationInfo],
        [13, decodeSignatureAlgorithms],
        [16, decodeAlpn],
      ];
      for (const [type, decode] of bodies) {
        const seed = hello.extensions.find((e) => e.type === type)!.data;
        fc.assert(
          fc.property(mutations, (ms) => survives(() => decode(applyMutations(seed, ms)), isAlert)),
          opts,
        );
      }
    },
    timeout,
  );
});

describe("record layer", () => {
  it(
    "handshake reassembler: any fragmentation of mutated flights, buffer bounded by the cap",
    () => {
      const cap = 4096;
      fc.assert(
        fc.property(mutations, fc.array(fc.nat(), { maxLength: 6 }), (ms, cuts) => {
          const stream = applyMutations(seeds.get(11)!, ms, wire.client);
          const r = new HandshakeReassembler(cap);
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
          let last = 0;
          return survives(() => {
            for (const p of [...points, stream.length]) {
              r.push(stream.subarray(last, p));
              last = p;
              while (r.next());
              expect((r as unknown as { buffer: Uint8Array }).buffer.length).toBeLessThanOrEqual(
                cap + 4 + stream.length,
              );
            }
          }, isAlert);
        }),
        opts,
      );
    },
    timeout,
  );

  it(
    "record reader: mutated wire bytes in random chunks, pending bytes bounded by one record",
    () => {
      fc.assert(
        fc.property(
          mutations,
          fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
          (ms, sizes) => {
            const stream = applyMutations(wire.server, ms, wire.client);
            const reader = new RecordReader();
            return survives(() => {
              for (let at = 0, i = 0; at < stream.length; i++) {
                const n = sizes[i % sizes.length];
                reader.push(stream.subarray(at, at + n));
                at += n;
                while (reader.next());
                expect(reader.pendingBytes).toBeLessThanOrEqual(5 + 16384);
              }
            }, isAlert);
          },
        ),
        opts,
      );
    },
    timeout,
  );
});

describe("X.509, PEM and DER", () => {
  it(
    "Certificate.fromDer on mutated server and CA certificates",
    () => {
      const pki = testPki();
      const ders = [pki.serverCert, pki.caCert, pki.clientCert].map((p) => decodePem(p)[0].der);
      fc.assert(
        fc.property(fc.constantFrom(...ders), mutations, (der, ms) =>
          survives(() => {
            const cert = Certificate.fromDer(applyMutations(der, ms, ders[1]));
            void cert.summary();
          }, isWassl),
        ),
        { numRuns: fuzzRuns(CI * 2) },
      );
    },
    timeout,
  );

  it(
    "private and public key DER decoders",
    () => {
      const pki = testPki();
      const keyDer = decodePem(pki.serverKey)[0].der;
      const spki = Certificate.fromPem(pki.serverCert).subjectPublicKeyInfo;
      fc.assert(
        fc.property(mutations, (ms) => survives(() => decodeRsaPrivateKey(applyMutations(keyDer, ms)), isWassl)),
        opts,
      );
      for (const der of [spki.raw, spki.publicKey]) {
        expect(decodeRsaPublicKey(der).n.length).toBeGreaterThan(0);
        fc.assert(
          fc.property(mutations, (ms) => survives(() => decodeRsaPublicKey(applyMutations(der, ms)), isWassl)),
          opts,
        );
      }
    },
    timeout,
  );

  it(
    "PEM text with mutated characters",
    () => {
      const pem = testPki().serverKey;
      const enc = new TextEncoder();
      const dec = new TextDecoder();
      fc.assert(
        fc.property(mutations, (ms) => {
          const text = dec.decode(applyMutations(enc.encode(pem), ms));
          return survives(() => decodeRsaPrivateKeyPem(text), isWassl) && survives(() => decodePem(text), isWassl);
        }),
        opts,
      );
    },
    timeout,
  );

  it(
    "arbitrary bytes and strings",
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 200 }), (bytes, text) => {
          return (
            survives(() => Certificate.fromDer(bytes), isWassl) &&
            survives(() => decodeRsaPrivateKey(bytes), isWassl) &&
            survives(() => decodePem(`-----BEGIN CERTIFICATE-----\n${text}\n-----END CERTIFICATE-----`), isWassl)
          );
        }),
        opts,
      );
    },
    timeout,
  );
});
