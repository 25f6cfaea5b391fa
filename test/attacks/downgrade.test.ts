// Downgrade and cross-protocol attacks: version rollback (ClientHello version lowered in flight,
// premaster version), FREAK (export RSA), SLOTH (MD5 signatures in TLS 1.2), the renegotiation attack
// (Ray–Dispensa 2009, RFC 5746) and the triple handshake (Bhargavan et al. 2014, RFC 7627). Features
// that the engine does not have yet are listed as `test.todo` naming what is missing.
import { beforeAll, describe, expect, it } from "vitest";
import { concatBytes } from "../../bindings/bytes.js";
import { init } from "../../bindings/wasm.js";
import { CIPHER_SUITES, type CryptoProvider, resolveCipherSuites } from "../../tls/index.js";
import { decodeCertificateRequest, encodeCertificateRequest } from "../../tls/messages/certificate.js";
import {
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  encodeServerHello,
} from "../../tls/messages/hello.js";
import { type CapturedKeys, forgeCbcRecord, keyCapturingProvider } from "../support/cbc-forge.js";
import { testPki } from "../support/certs.js";
import { alertsSent, runTapped, type Side, type TapUnit } from "../support/record-tap.js";
import { encodeRecord } from "../support/records.js";
import { clientOptions, PROVIDERS, serverKeyFor, serverOptions } from "../tls/fixtures.js";

function handshakeRecord(type: number, body: Uint8Array, version: number): Uint8Array {
  return encodeRecord(
    22,
    version,
    concatBytes(Uint8Array.of(type, body.length >> 16, (body.length >> 8) & 0xff, body.length & 0xff), body),
  );
}

/** A hook rewriting the body of one handshake message type sent by `from`. */
function editing(from: Side, type: number, edit: (body: Uint8Array) => Uint8Array) {
  return (u: TapUnit) =>
    u.from === from && u.handshakeType === type
      ? [handshakeRecord(type, edit(u.bytes.subarray(9)), u.version)]
      : [u.bytes];
}

const WIDE = { minVersion: "TLSv1", maxVersion: "TLSv1.2" } as const;

describe("version rollback", () => {
  it("ClientHello version lowered in flight → client detects the downgrade sentinel (illegal_parameter)", async () => {
    const run = await runTapped(
      clientOptions(WIDE),
      serverOptions(WIDE),
      editing("client", 1, (b) => encodeClientHello({ ...decodeClientHello(b), version: 0x0301 })),
    );
    expect(alertsSent(run.clientLog)).toEqual(["illegal_parameter"]);
    expect(run.clientLog.handshake).toBeUndefined();
  });

  it("ClientHello offering only SSL 3.0 → server protocol_version", async () => {
    const run = await runTapped(
      clientOptions(),
      serverOptions(WIDE),
      editing("client", 1, (b) => encodeClientHello({ ...decodeClientHello(b), version: 0x0300 })),
    );
    expect(alertsSent(run.serverLog)).toEqual(["protocol_version"]);
  });

  it.each([
    ["SSL 3.0", 0x0300],
    ["above the offer (0x0304)", 0x0304],
  ])("ServerHello choosing %s → client protocol_version", async (_name, version) => {
    const run = await runTapped(
      clientOptions(),
      serverOptions(),
      editing("server", 2, (b) => encodeServerHello({ ...decodeServerHello(b), version })),
    );
    expect(alertsSent(run.clientLog)).toEqual(["protocol_version"]);
  });

  describe.each(PROVIDERS)("premaster version ($name provider)", ({ provider }) => {
    beforeAll(() => init());
    it.each([0x0301, 0x0302, 0x0300])(
      "premaster carrying %i instead of the offered 0x0303 → bad_record_mac after Finished, nothing earlier",
      async (version) => {
        const rolledBack: CryptoProvider = {
          ...provider,
          importRsaPublicKey(key) {
            const real = provider.importRsaPublicKey(key);
            const wrapped = Object.create(real);
            wrapped.encryptPkcs1v15 = (pt: Uint8Array) =>
              real.encryptPkcs1v15(Uint8Array.of(version >> 8, version & 0xff, ...pt.subarray(2)));
            return wrapped;
          },
        };
        let stateAtFinished: string | undefined;
        const run = await runTapped(
          clientOptions({ provider: rolledBack }),
          serverOptions({ provider, key: serverKeyFor(provider) }),
          (u, receiver) => {
            if (u.from === "client" && u.encrypted) stateAtFinished = receiver.stateName;
            return [u.bytes];
          },
        );
        expect(stateAtFinished).toBe("ExpectFinished");
        expect(alertsSent(run.serverLog)).toEqual(["bad_record_mac"]);
      },
    );
  });

  it("TLS_FALLBACK_SCSV in a ClientHello below the server's best version → inappropriate_fallback (RFC 7507)", async () => {
    const run = await runTapped(
      clientOptions(WIDE),
      serverOptions(WIDE),
      editing("client", 1, (b) => {
        const hello = decodeClientHello(b);
        return encodeClientHello({ ...hello, version: 0x0302, cipherSuites: [...hello.cipherSuites, 0x5600] });
      }),
    );
    expect(alertsSent(run.serverLog)).toEqual(["inappropriate_fallback"]);
  });

  it("a client retrying with fallbackSCSV below the server's best version is refused (inappropriate_fallback)", async () => {
    const run = await runTapped(
      clientOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.1", fallbackSCSV: true }),
      serverOptions(WIDE),
    );
    expect(alertsSent(run.serverLog)).toEqual(["inappropriate_fallback"]);
    expect(run.clientLog.close?.reason).toBe("alert_received");
  });

  it("TLS_FALLBACK_SCSV at the server's best version is ignored (the handshake completes)", async () => {
    const run = await runTapped(
      clientOptions(WIDE),
      serverOptions(WIDE),
      editing("client", 1, (b) => {
        const hello = decodeClientHello(b);
        return encodeClientHello({ ...hello, cipherSuites: [...hello.cipherSuites, 0x5600] });
      }),
    );
    // The server completes; the client's Finished check fails only because its ClientHello was edited.
    expect(alertsSent(run.serverLog)).not.toContain("inappropriate_fallback");
    expect(run.server.stateName).not.toBe("ExpectClientHello");
  });
});

describe("FREAK (export RSA)", () => {
  it("a ServerKeyExchange in an RSA suite → client unexpected_message", async () => {
    const run = await runTapped(clientOptions(), serverOptions(), (u) =>
      u.from === "server" && u.handshakeType === 14
        ? [handshakeRecord(12, new Uint8Array(40).fill(1), u.version), u.bytes]
        : [u.bytes],
    );
    expect(alertsSent(run.clientLog)).toEqual(["unexpected_message"]);
  });

  it("a ServerHello choosing an export suite (EXP-RC4-MD5) → client illegal_parameter", async () => {
    const run = await runTapped(
      clientOptions(),
      serverOptions(),
      editing("server", 2, (b) => encodeServerHello({ ...decodeServerHello(b), cipherSuite: 0x0003 })),
    );
    expect(alertsSent(run.clientLog)).toEqual(["illegal_parameter"]);
    // The server learns why (the client's alert still carries the hello record version).
    expect(run.serverLog.alerts.filter((a) => a.direction === "received").map((a) => a.name)).toEqual([
      "illegal_parameter",
    ]);
  });

  it("export suites exist only behind legacy: never offered by default, refused without legacy", async () => {
    const exportSuites = CIPHER_SUITES.filter((suite) => /EXPORT/.test(suite.name));
    expect(exportSuites.length).toBeGreaterThan(0);
    expect(exportSuites.every((suite) => suite.legacy)).toBe(true);
    expect(resolveCipherSuites(undefined, false).filter((suite) => /EXPORT/.test(suite.name))).toEqual([]);
    expect(resolveCipherSuites(undefined, true).filter((suite) => /EXPORT/.test(suite.name))).toEqual([]);
    await expect(runTapped(clientOptions({ ciphers: "EXP-RC4-MD5" }), serverOptions())).rejects.toMatchObject({
      code: "ERR_TLS_NO_CIPHERS",
    });
  });
});

describe("SLOTH (MD5 signatures in TLS 1.2)", () => {
  const pki = testPki();
  const withClientCert = () => clientOptions({ cert: pki.clientCert, key: pki.clientKey });
  const requesting = () => serverOptions({ requestCert: true, ca: pki.caCert });

  it("control: client authentication completes with SHA-256", async () => {
    const run = await runTapped(withClientCert(), requesting());
    expect(run.serverLog.handshake?.authorized).toBe(true);
  });

  it("server: a CertificateVerify with rsa_pkcs1_md5 (0x0101) → illegal_parameter", async () => {
    const run = await runTapped(
      withClientCert(),
      requesting(),
      editing("client", 15, (b) => concatBytes(Uint8Array.of(0x01, 0x01), b.subarray(2))),
    );
    expect(alertsSent(run.serverLog)).toEqual(["illegal_parameter"]);
  });

  it("client: a CertificateRequest allowing only MD5 → handshake_failure (never signs with MD5)", async () => {
    const run = await runTapped(
      withClientCert(),
      requesting(),
      editing("server", 13, (b) =>
        encodeCertificateRequest({ ...decodeCertificateRequest(b, 0x0303), signatureAlgorithms: [0x0101] }, 0x0303),
      ),
    );
    expect(alertsSent(run.clientLog)).toEqual(["handshake_failure"]);
  });
});

/** `extensions` with renegotiation_info carrying a non-empty renegotiated_connection of `length` bytes. */
function withRenegotiatedConnection<E extends { type: number; data: Uint8Array }>(extensions: E[], length: number) {
  return extensions.map((e) =>
    e.type === 0xff01 ? { type: 0xff01, data: Uint8Array.of(length, ...new Uint8Array(length).fill(9)) } : e,
  );
}

describe("renegotiation attack (RFC 5746)", () => {
  it("server: non-empty renegotiation_info in the initial ClientHello → handshake_failure", async () => {
    const run = await runTapped(
      clientOptions(),
      serverOptions(),
      editing("client", 1, (b) => {
        const hello = decodeClientHello(b);
        return encodeClientHello({ ...hello, extensions: withRenegotiatedConnection(hello.extensions, 12) });
      }),
    );
    expect(alertsSent(run.serverLog)).toEqual(["handshake_failure"]);
  });

  it("client: non-empty renegotiation_info in the initial ServerHello → handshake_failure", async () => {
    const run = await runTapped(
      clientOptions(),
      serverOptions(),
      editing("server", 2, (b) => {
        const hello = decodeServerHello(b);
        return encodeServerHello({ ...hello, extensions: withRenegotiatedConnection(hello.extensions, 24) });
      }),
    );
    expect(alertsSent(run.clientLog)).toEqual(["handshake_failure"]);
  });

  it("client: a ServerHello without renegotiation_info → handshake_failure (no legacy renegotiation by default)", async () => {
    const run = await runTapped(
      clientOptions(),
      serverOptions(),
      editing("server", 2, (b) => {
        const hello = decodeServerHello(b);
        return encodeServerHello({ ...hello, extensions: hello.extensions.filter((e) => e.type !== 0xff01) });
      }),
    );
    expect(alertsSent(run.clientLog)).toEqual(["handshake_failure"]);
  });

  it.each([
    ["server", "a ClientHello", 1],
    ["client", "a HelloRequest", 0],
  ] as const)(
    "%s: %s after the handshake is declined with no_renegotiation under renegotiation: 'never' and the connection stays open",
    async (to, _name, type) => {
      const keys: CapturedKeys = { macKeys: [], encKeys: [] };
      const run = await runTapped(
        clientOptions({
          provider: keyCapturingProvider(clientOptions().provider!, keys),
          ciphers: "AES128-SHA",
          encryptThenMac: false,
          renegotiation: "never",
        }),
        serverOptions({ ciphers: "AES128-SHA", renegotiation: "never" }),
      );
      const body = type === 1 ? decodeFirstClientHello(run.sent("client")) : new Uint8Array(0);
      const message = concatBytes(Uint8Array.of(type, 0, body.length >> 8, body.length & 0xff), body);
      const dir = to === "server" ? 0 : 1;
      let pad = 0;
      while ((message.length + 20 + pad + 1) % 16 !== 0) pad++;
      await run.inject(
        to,
        forgeCbcRecord({
          macKey: keys.macKeys[dir],
          encKey: keys.encKeys[dir],
          seq: 1,
          type: 22,
          content: message,
          padLength: pad,
        }),
      );
      const log = to === "server" ? run.serverLog : run.clientLog;
      expect(log.alerts.filter((a) => a.direction === "sent").map((a) => `${a.level} ${a.name}`)).toEqual([
        "warning no_renegotiation",
      ]);
      expect((to === "server" ? run.server : run.client).status).toBe("open");
    },
  );

  it("server (renegotiation allowed): the replayed initial ClientHello (empty renegotiation_info) → handshake_failure", async () => {
    const keys: CapturedKeys = { macKeys: [], encKeys: [] };
    const run = await runTapped(
      clientOptions({
        provider: keyCapturingProvider(clientOptions().provider!, keys),
        ciphers: "AES128-SHA",
        encryptThenMac: false,
      }),
      serverOptions({ ciphers: "AES128-SHA" }),
    );
    const body = decodeFirstClientHello(run.sent("client"));
    const message = concatBytes(Uint8Array.of(1, 0, body.length >> 8, body.length & 0xff), body);
    let pad = 0;
    while ((message.length + 20 + pad + 1) % 16 !== 0) pad++;
    await run.inject(
      "server",
      forgeCbcRecord({
        macKey: keys.macKeys[0],
        encKey: keys.encKeys[0],
        seq: 1,
        type: 22,
        content: message,
        padLength: pad,
      }),
    );
    expect(alertsSent(run.serverLog)).toEqual(["handshake_failure"]);
  });
  // A wrong renegotiation_info, the SCSV in a renegotiation ClientHello and a changed server certificate
  // are covered in test/tls/renegotiation.test.ts; EMS mismatch on resumption in test/tls/resumption.test.ts.
});

describe("triple handshake (RFC 7627)", () => {
  it("extended master secret is negotiated by default on both sides", async () => {
    const run = await runTapped(clientOptions(), serverOptions());
    expect(run.clientLog.handshake?.extendedMasterSecret).toBe(true);
    expect(run.serverLog.handshake?.extendedMasterSecret).toBe(true);
  });

  // Resumption with a different EMS status (RFC 7627 §5.3) and a server certificate change on
  // renegotiation: test/tls/resumption.test.ts, test/tls/renegotiation.test.ts and the OpenSSL interop.
});

/** The ClientHello body from a client's first flight. */
function decodeFirstClientHello(bytes: Uint8Array): Uint8Array {
  const length = (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
  return bytes.slice(9, 9 + length);
}
