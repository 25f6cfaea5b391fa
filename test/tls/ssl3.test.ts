// SSL 3.0 (RFC 6101), self-interop for every suite allowed in SSL 3.0 on both providers, plus its rules:
// only with legacy, no extensions but renegotiation_info, 36-byte Finished, client auth, padding checks.
import { beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/wasm.js";
import { decodeServerHello } from "../../tls/messages/hello.js";
import { ssl3PaddingCheck } from "../../tls/record/ssl3-cbc-padding.js";
import { CIPHER_SUITES } from "../../tls/suites.js";
import { SSL3 } from "../../tls/versions.js";
import { testPki } from "../support/certs.js";
import { parseHandshakeFlight, parseRecords } from "../support/records.js";
import { createPair, handshakePair } from "../support/tls-pair.js";
import { clientOptions, PROVIDERS, sentAlerts, serverKeyFor, serverOptions } from "./fixtures.js";

beforeAll(() => init());

const pki = testPki();
const ssl3 = { minVersion: "SSLv3", maxVersion: "SSLv3", legacy: true } as const;
const SSL3_SUITES = CIPHER_SUITES.filter((s) => s.minVersion === SSL3);
const CASES = PROVIDERS.flatMap(({ name, provider, ciphers }) =>
  SSL3_SUITES.filter((s) => ciphers.includes(s.cipher)).map((suite) => ({ name, provider, suite: suite.name })),
);

describe("SSL 3.0", () => {
  it.each(CASES)("$name: $suite handshake and data both ways", async ({ provider, suite }) => {
    const pair = await handshakePair(
      clientOptions({ ...ssl3, provider, ciphers: suite }),
      serverOptions({ ...ssl3, provider, ciphers: suite, key: serverKeyFor(provider) }),
    );
    expect(pair.clientLog.handshake?.version).toBe("SSLv3");
    expect(pair.serverLog.handshake?.cipherSuite.name).toBe(suite);
    const data = new Uint8Array(40_000).map((_, i) => (i * 7) & 0xff);
    await pair.client.write(data);
    await pair.server.write(data.subarray(0, 1000));
    await pair.settle();
    expect(pair.received("server")).toEqual(data);
    expect(pair.received("client")).toEqual(data.subarray(0, 1000));
    await pair.client.close();
    await pair.settle();
    expect(pair.clientLog.close?.reason).toBe("close_notify");
  });

  it("is refused without legacy", () => {
    expect(() => createPair(clientOptions({ minVersion: "SSLv3" }), serverOptions())).toThrow(/legacy/);
  });

  it("a TLS-capable client negotiates SSL 3.0 with an SSL 3.0-only server; no extension but renegotiation_info", async () => {
    const serverHellos: number[][] = [];
    const pair = await handshakePair(
      clientOptions({ minVersion: "SSLv3", legacy: true, ALPNProtocols: ["h"], ciphers: "DES-CBC3-SHA" }),
      serverOptions({ ...ssl3, ALPNProtocols: ["h"] }),
      (from, b) => {
        if (from === "server" && serverHellos.length === 0) {
          serverHellos.push(decodeServerHello(parseHandshakeFlight(b)[0].body).extensions.map((e) => e.type));
        }
        return b;
      },
    );
    expect(pair.clientLog.handshake?.version).toBe("SSLv3");
    expect(serverHellos[0]).toEqual([0xff01]);
    expect(pair.clientLog.handshake?.extendedMasterSecret).toBe(false);
    expect(pair.clientLog.handshake?.secureRenegotiation).toBe(true);
  });

  it("an SSL 3.0-only ClientHello has no extensions and signals RFC 5746 with the SCSV", async () => {
    let hello: Uint8Array | undefined;
    const pair = await handshakePair(clientOptions(ssl3), serverOptions(ssl3), (from, b) => {
      hello ??= from === "client" ? b : undefined;
      return b;
    });
    const [record] = parseRecords(hello!);
    // The body ends with compression methods (01 00): no extensions block.
    expect([...record.fragment.subarray(-2)]).toEqual([1, 0]);
    expect(pair.serverLog.handshake?.secureRenegotiation).toBe(true);
  });

  it("Finished verify_data is 36 bytes", async () => {
    const pair = await handshakePair(clientOptions(ssl3), serverOptions(ssl3));
    const internals = pair.client as unknown as {
      context: { clientVerifyData: Uint8Array; serverVerifyData: Uint8Array };
    };
    expect(internals.context.clientVerifyData).toHaveLength(36);
    expect(internals.context.serverVerifyData).toHaveLength(36);
  });

  it.each([
    ["with a certificate", true],
    ["without (empty Certificate, lax server)", false],
  ])("client authentication %s", async (_, withCert) => {
    const pair = await handshakePair(
      clientOptions({ ...ssl3, ...(withCert && { cert: pki.clientCert, key: pki.clientKey }) }),
      serverOptions({ ...ssl3, requestCert: true, ca: pki.caCert, rejectUnauthorized: withCert }),
    );
    expect(pair.serverLog.handshake?.authorized).toBe(withCert);
    if (withCert) expect(pair.serverLog.trace).toContain("client signature verified");
    else {
      // RFC 6101 §5.6.6: a no_certificate warning instead of an empty Certificate message.
      expect(pair.clientLog.trace).toContain("no_certificate alert sent");
      expect(pair.serverLog.alerts.map((a) => `${a.direction} ${a.level} ${a.name}`)).toContain(
        "received warning no_certificate",
      );
      expect(pair.serverLog.handshake?.authorizationError).toBe("PEER_DID_NOT_RETURN_A_CERTIFICATE");
    }
  });

  it("a server requiring a certificate refuses an SSL 3.0 client's no_certificate (handshake_failure)", async () => {
    const pair = await handshakePair(
      clientOptions(ssl3),
      serverOptions({ ...ssl3, requestCert: true, ca: pki.caCert }),
    );
    expect(sentAlerts(pair.serverLog)).toEqual(["handshake_failure"]);
  });

  it.each([
    ["random padding bytes, length 7 (< 8)", 7, true],
    ["padding length 0", 0, true],
    ["padding length 8 (= block size) is refused", 8, false],
    ["padding longer than the record is refused", 60, false],
  ] as const)("CBC padding rule: %s", (_, padLength, good) => {
    const check = ssl3PaddingCheck(8);
    const plain = new Uint8Array(48).map((_, i) => (i * 37 + 11) & 0xff); // arbitrary padding content
    plain[plain.length - 1] = padLength;
    const { paddingLength, goodMask } = check(plain, 20);
    expect(goodMask).toBe(good ? -1 : 0);
    expect(paddingLength).toBe(good ? padLength : 0);
  });

  it("a tampered record → bad_record_mac", async () => {
    const pair = await handshakePair(clientOptions(ssl3), serverOptions(ssl3));
    const tampered = createPair(clientOptions(ssl3), serverOptions(ssl3), (from, b) => {
      const records = parseRecords(b);
      if (from === "client" && records.some((r) => r.type === 23)) b[b.length - 1] ^= 1;
      return b;
    });
    await tampered.client.start();
    await tampered.settle();
    await tampered.client.write(new Uint8Array(100));
    await tampered.settle();
    expect(sentAlerts(tampered.serverLog)).toEqual(["bad_record_mac"]);
    expect(pair.serverLog.alerts).toEqual([]);
  });
});
