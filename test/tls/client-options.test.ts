// Client options of issue 6: TLS_FALLBACK_SCSV (RFC 7507), max_fragment_length (RFC 6066 §4) and the
// client-certificate selection callback.
import { describe, expect, it } from "vitest";
import { decodeClientHello } from "../../tls/messages/hello.js";
import { TLS_FALLBACK_SCSV } from "../../tls/suites.js";
import { testPki } from "../support/certs.js";
import { parseHandshakeFlight, parseRecords } from "../support/records.js";
import { createPair, handshakePair } from "../support/tls-pair.js";
import { clientOptions, sentAlerts, serverOptions } from "./fixtures.js";

const pki = testPki();
const tls11 = { maxVersion: "TLSv1.1" as const, minVersion: "TLSv1" as const };

describe("fallbackSCSV", () => {
  it("is sent last in the suite list only when asked", async () => {
    const hellos: number[][] = [];
    for (const fallbackSCSV of [false, true]) {
      await handshakePair(clientOptions({ fallbackSCSV }), serverOptions(), (from, b) => {
        if (from === "client" && hellos.length < (fallbackSCSV ? 2 : 1)) {
          hellos.push(decodeClientHello(parseHandshakeFlight(b)[0].body).cipherSuites);
        }
        return b;
      });
    }
    expect(hellos[0]).not.toContain(TLS_FALLBACK_SCSV);
    expect(hellos[1].at(-1)).toBe(TLS_FALLBACK_SCSV);
  });

  it.each([
    ["server supports a higher version → inappropriate_fallback", "TLSv1.2", ["inappropriate_fallback"]],
    ["server's best version → the handshake completes", "TLSv1.1", []],
  ] as const)("%s", async (_, serverMax, alerts) => {
    const pair = await handshakePair(
      clientOptions({ ...tls11, fallbackSCSV: true }),
      serverOptions({ minVersion: "TLSv1", maxVersion: serverMax }),
    );
    expect(sentAlerts(pair.serverLog)).toEqual(alerts);
    expect(pair.clientLog.handshake?.version).toBe(alerts.length ? undefined : "TLSv1.1");
  });
});

describe("maxFragmentLength", () => {
  it.each([512, 1024, 2048, 4096] as const)("%i: negotiated, every record after ServerHello fits", async (length) => {
    const sizes: number[] = [];
    const pair = createPair(clientOptions({ maxFragmentLength: length }), serverOptions(), (_from, b) => {
      for (const r of parseRecords(b)) sizes.push(r.fragment.length);
      return b;
    });
    await pair.client.start();
    await pair.settle();
    expect(pair.clientLog.handshake?.maxFragmentLength).toBe(length);
    expect(pair.serverLog.handshake?.maxFragmentLength).toBe(length);
    const data = new Uint8Array(20_000).map((_, i) => i & 0xff);
    await pair.client.write(data);
    await pair.server.write(data);
    await pair.settle();
    expect(pair.received("server")).toEqual(data);
    expect(pair.received("client")).toEqual(data);
    // The ClientHello (first record) is unrestricted; everything else carries ≤ length + MAC/IV/padding.
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(length + 64);
  });

  it("not asked for → not used", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    expect(pair.clientLog.handshake?.maxFragmentLength).toBeUndefined();
  });

  it("rejects a value RFC 6066 does not define", () => {
    expect(() => createPair(clientOptions({ maxFragmentLength: 8192 as 4096 }), serverOptions())).toThrow(
      /maxFragmentLength/,
    );
  });

  it("a server answering another length → illegal_parameter", async () => {
    const pair = await handshakePair(clientOptions({ maxFragmentLength: 512 }), serverOptions(), (from, b) => {
      if (from !== "server") return b;
      // ServerHello's max_fragment_length extension body is 00 01 00 01 <code>: change the code 1 → 2.
      const out = new Uint8Array(b);
      for (let i = 0; i + 4 < out.length; i++) {
        if (out[i] === 0 && out[i + 1] === 1 && out[i + 2] === 0 && out[i + 3] === 1 && out[i + 4] === 1) {
          out[i + 4] = 2;
          break;
        }
      }
      return out;
    });
    expect(sentAlerts(pair.clientLog)).toEqual(["illegal_parameter"]);
  });

  it("a record above the agreed length → record_overflow", async () => {
    const pair = await handshakePair(clientOptions({ maxFragmentLength: 512 }), serverOptions());
    // Lift the server's own limit (its private record writer) to act as a non-conforming peer.
    const writer = (pair.server as unknown as { writer: { maxFragmentLength: number } }).writer;
    writer.maxFragmentLength = 16384;
    await pair.server.write(new Uint8Array(600));
    await pair.settle();
    expect(sentAlerts(pair.clientLog)).toEqual(["record_overflow"]);
  });
});

describe("selectClientCertificate", () => {
  it("receives the request and its answer is used", async () => {
    const seen: { authorities: number; types: readonly number[]; version: string }[] = [];
    const pair = await handshakePair(
      clientOptions({
        selectClientCertificate: async (request) => {
          seen.push({
            authorities: request.authorities.length,
            types: request.certificateTypes,
            version: request.version,
          });
          return { cert: pki.clientCert, key: pki.clientKey };
        },
      }),
      serverOptions({ requestCert: true, ca: pki.caCert }),
    );
    expect(seen).toEqual([{ authorities: 1, types: [1], version: "TLSv1.2" }]);
    expect(pair.serverLog.handshake?.authorized).toBe(true);
  });

  it("null → an empty Certificate even when cert/key are set", async () => {
    const pair = await handshakePair(
      clientOptions({ cert: pki.clientCert, key: pki.clientKey, selectClientCertificate: () => null }),
      serverOptions({ requestCert: true, ca: pki.caCert, rejectUnauthorized: false }),
    );
    expect(pair.serverLog.handshake?.authorizationError).toBe("PEER_DID_NOT_RETURN_A_CERTIFICATE");
  });
});
