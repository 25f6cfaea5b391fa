// Handshake violations end with the RFC alert and a clean close on both sides; nothing throws.
import { describe, expect, it } from "vitest";
import type { CryptoProvider } from "../../tls/index.js";
import {
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  encodeServerHello,
} from "../../tls/messages/hello.js";
import { encodeHandshakeFlight, encodeRecord, parseHandshakeFlight, rewriteFlight } from "../support/records.js";
import { createPair, handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, sentAlerts, serverOptions } from "./fixtures.js";

/** A tamper function that rewrites only the first flight sent by `side`. */
function firstFlight(side: "client" | "server", rewrite: (bytes: Uint8Array) => Uint8Array | null) {
  let done = false;
  return (from: "client" | "server", bytes: Uint8Array) => {
    if (from !== side || done) return bytes;
    done = true;
    return rewrite(bytes);
  };
}

type ServerHelloExtensions = ReturnType<typeof decodeServerHello>["extensions"];

/** Rewrites the extensions of the ServerHello in the server's first flight. */
function editServerHelloExtensions(edit: (extensions: ServerHelloExtensions) => ServerHelloExtensions) {
  return firstFlight("server", (bytes) =>
    rewriteFlight(bytes, (msgs) =>
      msgs.map((m) => {
        if (m.type !== 2) return m;
        const hello = decodeServerHello(m.body);
        return { type: 2, body: encodeServerHello({ ...hello, extensions: edit(hello.extensions) }) };
      }),
    ),
  );
}

function corruptingPrf(label: string): CryptoProvider {
  const flip = (out: Uint8Array) => {
    out[0] ^= 1;
    return out;
  };
  return {
    ...provider,
    prfTls12: (h, s, l, seed, n) =>
      l === label ? flip(provider.prfTls12(h, s, l, seed, n)) : provider.prfTls12(h, s, l, seed, n),
    prfTls10: (s, l, seed, n) =>
      l === label ? flip(provider.prfTls10(s, l, seed, n)) : provider.prfTls10(s, l, seed, n),
  };
}

describe("Finished", () => {
  it("a wrong client Finished gets decrypt_error from the server", async () => {
    const pair = await handshakePair(clientOptions({ provider: corruptingPrf("client finished") }), serverOptions());
    expect(sentAlerts(pair.serverLog)).toEqual(["decrypt_error"]);
    expect(pair.serverLog.close?.reason).toBe("alert_sent");
    expect(pair.clientLog.close?.reason).toBe("alert_received");
    expect(pair.clientLog.close?.error?.code).toBe("ERR_TLS_ALERT_RECEIVED");
    expect(pair.serverLog.handshake).toBeUndefined();
  });

  it("a wrong server Finished gets decrypt_error from the client (TLS 1.0 PRF)", async () => {
    const pair = await handshakePair(
      clientOptions({ provider: corruptingPrf("server finished"), minVersion: "TLSv1", maxVersion: "TLSv1" }),
      serverOptions({ minVersion: "TLSv1" }),
    );
    expect(sentAlerts(pair.clientLog)).toEqual(["decrypt_error"]);
    expect(pair.clientLog.handshake).toBeUndefined();
  });
});

describe("version negotiation", () => {
  it("server refuses a client below its minimum with protocol_version", async () => {
    const pair = await handshakePair(clientOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.1" }), serverOptions());
    expect(sentAlerts(pair.serverLog)).toEqual(["protocol_version"]);
    expect(pair.clientLog.close?.reason).toBe("alert_received");
  });

  it("client refuses a server version below its minimum with protocol_version", async () => {
    const pair = await handshakePair(
      clientOptions({ minVersion: "TLSv1.2" }),
      serverOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.1" }),
    );
    expect(sentAlerts(pair.clientLog)).toEqual(["protocol_version"]);
  });

  it("negotiates the highest common version", async () => {
    const pair = await handshakePair(
      clientOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.2" }),
      serverOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.1" }),
    );
    expect(pair.clientLog.handshake?.version).toBe("TLSv1.1");
  });

  it("detects a ClientHello version rolled back in flight (RFC 8446 §4.1.3 sentinel)", async () => {
    const rollback = firstFlight("client", (bytes) =>
      rewriteFlight(bytes, ([hello]) => [
        { type: 1, body: encodeClientHello({ ...decodeClientHello(hello.body), version: 0x0302 }) },
      ]),
    );
    const pair = await handshakePair(
      clientOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.2" }),
      serverOptions({ minVersion: "TLSv1", maxVersion: "TLSv1.2" }),
      rollback,
    );
    expect(sentAlerts(pair.clientLog)).toEqual(["illegal_parameter"]);
  });

  it("a premaster carrying the wrong version fails at Finished, not before (no Bleichenbacher oracle)", async () => {
    const rolledBack: CryptoProvider = {
      ...provider,
      importRsaPublicKey(key) {
        const real = provider.importRsaPublicKey(key);
        const wrapped = Object.create(real);
        wrapped.encryptPkcs1v15 = (pt: Uint8Array) =>
          real.encryptPkcs1v15(Uint8Array.of(0x03, 0x01, ...pt.subarray(2)));
        return wrapped;
      },
    };
    const pair = await handshakePair(clientOptions({ provider: rolledBack }), serverOptions());
    const sent = sentAlerts(pair.serverLog);
    expect(sent).toHaveLength(1);
    expect(["bad_record_mac", "decrypt_error"]).toContain(sent[0]);
    expect(pair.serverLog.trace).toContain("ChangeCipherSpec received");
  });
});

describe("suites and extensions", () => {
  it("no suite in common → handshake_failure", async () => {
    const pair = await handshakePair(
      clientOptions({ ciphers: "AES128-GCM-SHA256" }),
      serverOptions({ ciphers: "AES256-GCM-SHA384" }),
    );
    expect(sentAlerts(pair.serverLog)).toEqual(["handshake_failure"]);
  });

  it("server preference by default, client preference with honorCipherOrder: false", async () => {
    const c = clientOptions({ ciphers: "AES256-GCM-SHA384:AES128-GCM-SHA256" });
    const s = { ciphers: "TLS_RSA_WITH_AES_128_GCM_SHA256:TLS_RSA_WITH_AES_256_GCM_SHA384" };
    expect((await handshakePair(c, serverOptions(s))).serverLog.handshake?.cipherSuite.openssl).toBe(
      "AES128-GCM-SHA256",
    );
    const clientPref = await handshakePair(c, serverOptions({ ...s, honorCipherOrder: false }));
    expect(clientPref.serverLog.handshake?.cipherSuite.openssl).toBe("AES256-GCM-SHA384");
  });

  it("legacy suites need legacy: true", () => {
    expect(() => createPair(clientOptions({ ciphers: "RC4-SHA" }), serverOptions())).toThrow(/no usable cipher/);
  });

  it("extended master secret only when both offer it", async () => {
    const off = await handshakePair(clientOptions({ extendedMasterSecret: false }), serverOptions());
    expect(off.clientLog.handshake?.extendedMasterSecret).toBe(false);
    expect(off.serverLog.handshake?.extendedMasterSecret).toBe(false);
    const serverOff = await handshakePair(clientOptions(), serverOptions({ extendedMasterSecret: false }));
    expect(serverOff.clientLog.handshake?.extendedMasterSecret).toBe(false);
  });

  it("SNI reaches the server", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    expect(pair.serverLog.handshake?.servername).toBe("localhost");
  });

  it.each([
    [0x0302, ["inappropriate_fallback"]],
    [0x0303, []],
  ])("TLS_FALLBACK_SCSV with client_version %s → %j", async (clientVersion, alerts) => {
    const { TlsServer } = await import("../../tls/index.js");
    const server = new TlsServer(serverOptions({ minVersion: "TLSv1" }));
    const body = encodeClientHello({
      version: clientVersion,
      random: new Uint8Array(32),
      sessionId: new Uint8Array(0),
      cipherSuites: [0x2f, 0x5600],
      compressionMethods: [0],
      extensions: [],
    });
    const log: string[] = [];
    server.on("alert", (a) => log.push(a.name));
    await server.receive(encodeHandshakeFlight([{ type: 1, body }], 0x0301));
    expect(log).toEqual(alerts);
  });

  it("server accepts the SCSV instead of renegotiation_info and answers with an empty one", async () => {
    const { TlsServer } = await import("../../tls/index.js");
    const hello = (suites: number[]) =>
      encodeHandshakeFlight(
        [
          {
            type: 1,
            body: encodeClientHello({
              version: 0x0303,
              random: new Uint8Array(32),
              sessionId: new Uint8Array(0),
              cipherSuites: suites,
              compressionMethods: [0],
              extensions: [],
            }),
          },
        ],
        0x0301,
      );
    for (const [suites, expectRi] of [
      [[0x9c, 0x00ff], true],
      [[0x9c], false],
    ] as const) {
      const server = new TlsServer(serverOptions());
      await server.receive(hello([...suites]));
      const [serverHello] = parseHandshakeFlight(server.takeOutput());
      const ri = decodeServerHello(serverHello.body).extensions.find((e) => e.type === 0xff01);
      expect(ri?.data).toEqual(expectRi ? Uint8Array.of(0) : undefined);
    }
  });

  it("client refuses a server without RFC 5746 support (handshake_failure), unless legacy", async () => {
    const dropRi = () => editServerHelloExtensions((extensions) => extensions.filter((e) => e.type !== 0xff01));
    const strict = await handshakePair(clientOptions(), serverOptions(), dropRi());
    expect(sentAlerts(strict.clientLog)).toEqual(["handshake_failure"]);
    const legacy = await handshakePair(clientOptions({ legacy: true }), serverOptions(), dropRi());
    expect(legacy.clientLog.trace).toContain("ClientHello sent");
    expect(sentAlerts(legacy.clientLog)).not.toContain("handshake_failure");
  });

  it("client refuses an unsolicited extension with unsupported_extension", async () => {
    const addEtm = editServerHelloExtensions((extensions) => [...extensions, { type: 16, data: new Uint8Array(0) }]);
    const pair = await handshakePair(clientOptions(), serverOptions(), addEtm);
    expect(sentAlerts(pair.clientLog)).toEqual(["unsupported_extension"]);
  });
});

describe("unexpected messages", () => {
  it("ServerKeyExchange in an RSA suite → unexpected_message (FREAK)", async () => {
    const ske = firstFlight("server", (bytes) =>
      rewriteFlight(bytes, (msgs) => [...msgs.slice(0, 2), { type: 12, body: new Uint8Array(10) }, ...msgs.slice(2)]),
    );
    const pair = await handshakePair(clientOptions(), serverOptions(), ske);
    expect(sentAlerts(pair.clientLog)).toEqual(["unexpected_message"]);
  });

  it.each([
    ["application data first", encodeRecord(23, 0x0301, Uint8Array.of(1))],
    ["Finished first", encodeRecord(22, 0x0301, Uint8Array.of(20, 0, 0, 12, ...new Uint8Array(12)))],
    ["ChangeCipherSpec first", encodeRecord(20, 0x0301, Uint8Array.of(1))],
    ["unknown content type", encodeRecord(99, 0x0301, Uint8Array.of(1))],
    ["empty handshake record", encodeRecord(22, 0x0301, new Uint8Array(0))],
  ])("%s → unexpected_message", async (_name, bytes) => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(bytes);
    expect(sentAlerts(pair.serverLog)).toEqual(["unexpected_message"]);
    expect(pair.server.status).toBe("closed");
  });

  it("a ChangeCipherSpec inside a fragmented handshake message → unexpected_message", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(22, 0x0301, Uint8Array.of(1, 0, 0, 40, 3, 3)));
    await pair.server.receive(encodeRecord(20, 0x0301, Uint8Array.of(1)));
    expect(sentAlerts(pair.serverLog)).toEqual(["unexpected_message"]);
  });

  it("a handshake message above the size cap → illegal_parameter", async () => {
    const pair = createPair(clientOptions(), serverOptions({ maxHandshakeMessageSize: 1000 }));
    await pair.server.receive(encodeRecord(22, 0x0301, Uint8Array.of(1, 0, 0x10, 0)));
    expect(sentAlerts(pair.serverLog)).toEqual(["illegal_parameter"]);
  });

  it("garbage that is not TLS → protocol_version or unexpected_message, never an exception", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(new TextEncoder().encode("GET / HTTP/1.1\r\n\r\n"));
    expect(pair.server.status).toBe("closed");
    expect(pair.serverLog.close?.error?.code).toBe("ERR_TLS_ALERT_SENT");
  });
});

describe("HelloRequest and key-exchange robustness", () => {
  it("a HelloRequest during the handshake is ignored by the client (not hashed)", async () => {
    const inject = firstFlight("server", (bytes) =>
      rewriteFlight(bytes, (msgs) => [{ type: 0, body: new Uint8Array(0) }, ...msgs]),
    );
    const pair = await handshakePair(clientOptions(), serverOptions(), inject);
    expect(pair.clientLog.handshake).toBeDefined();
    expect(pair.clientLog.trace).toContain("HelloRequest ignored during the handshake");
  });

  it("a ClientKeyExchange the key cannot decrypt still gets no alert before Finished", async () => {
    const wrongLength: CryptoProvider = {
      ...provider,
      importRsaPublicKey(key) {
        const real = provider.importRsaPublicKey(key);
        const wrapped = Object.create(real);
        wrapped.encryptPkcs1v15 = (pt: Uint8Array) => real.encryptPkcs1v15(pt).subarray(1);
        return wrapped;
      },
    };
    const pair = await handshakePair(clientOptions({ provider: wrongLength }), serverOptions());
    expect(pair.serverLog.trace).toContain("ChangeCipherSpec received");
    expect(["bad_record_mac", "decrypt_error"]).toContain(sentAlerts(pair.serverLog)[0]);
  });
});
