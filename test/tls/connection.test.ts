// Connection API behaviour: certificate policy, alerts and close, early writes, async keys, output polling.
import { describe, expect, it } from "vitest";
import { createSecureContext, TlsClient, TlsServer } from "../../tls/index.js";
import { testPki } from "../support/certs.js";
import { encodeRecord } from "../support/records.js";
import { createPair, handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, sentAlerts, serverOptions } from "./fixtures.js";

const DAY = 86_400_000;

describe("server certificate validation (client)", () => {
  it.each([
    ["unknown CA", { ca: undefined }, "unknown_ca", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"],
    ["hostname mismatch", { servername: "example.com" }, "bad_certificate", "HOSTNAME_MISMATCH"],
    ["expired", { now: new Date(Date.now() + 1000 * DAY) }, "certificate_expired", "CERT_HAS_EXPIRED"],
  ] as const)("%s → %s, or authorized=false with rejectUnauthorized: false", async (_n, extra, alert, code) => {
    const strict = await handshakePair(clientOptions(extra), serverOptions());
    expect(sentAlerts(strict.clientLog)).toEqual([alert]);
    expect(strict.clientLog.close?.error?.message).toContain(code);
    const lax = await handshakePair(clientOptions({ ...extra, rejectUnauthorized: false }), serverOptions());
    expect(lax.clientLog.handshake?.authorized).toBe(false);
    expect(lax.clientLog.handshake?.authorizationError).toBe(code);
  });

  it("IP literal servername is verified against the IP SAN and not sent as SNI", async () => {
    const pair = await handshakePair(clientOptions({ servername: "127.0.0.1" }), serverOptions());
    expect(pair.clientLog.handshake?.authorized).toBe(true);
    expect(pair.serverLog.handshake?.servername).toBeUndefined();
  });

  it("a 512-bit server key → insufficient_security, accepted only with legacy", async () => {
    const pki = testPki();
    const weak = { cert: pki.weakServerCert, key: pki.weakServerKey, legacy: true };
    const strict = await handshakePair(clientOptions(), serverOptions(weak));
    expect(sentAlerts(strict.clientLog)).toEqual(["insufficient_security"]);
    const legacy = await handshakePair(clientOptions({ legacy: true }), serverOptions(weak));
    expect(legacy.clientLog.handshake?.authorized).toBe(true);
  });

  it("a custom verifier replaces chain validation", async () => {
    const pair = await handshakePair(
      clientOptions({
        ca: undefined,
        verifyPeerCertificate: () => ({ ok: false, code: "PINNED_KEY_MISMATCH", message: "pin" }),
      }),
      serverOptions(),
    );
    expect(sentAlerts(pair.clientLog)).toEqual(["bad_certificate"]);
  });

  it("peer certificates are reported as DER, leaf first", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    const leaf = pair.clientLog.handshake?.peerCertificates[0];
    expect(Buffer.from(leaf!).toString("base64")).toBe(
      testPki()
        .serverCert.replace(/-----[^-]+-----/g, "")
        .replace(/\s+/g, ""),
    );
  });
});

describe("alerts and close", () => {
  it("close() sends close_notify; the peer answers; both emit close once", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    let closes = 0;
    pair.server.on("close", () => closes++);
    await pair.server.close();
    await pair.settle();
    expect(closes).toBe(1);
    expect(pair.client.status).toBe("closed");
    expect(pair.clientLog.alerts.map((a) => `${a.direction}:${a.name}`)).toEqual([
      "received:close_notify",
      "sent:close_notify",
    ]);
    await expect(pair.server.write(Uint8Array.of(1))).rejects.toThrow(/write after close/);
  });

  it("a warning alert after the handshake is reported and the connection stays open", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    // The client says user_canceled (warning) — forge it through the client's own record layer.
    (pair.client as unknown as { sendAlert(l: string, n: string): void }).sendAlert("warning", "user_canceled");
    await pair.client.write(Uint8Array.of(9));
    await pair.settle();
    expect(pair.serverLog.alerts.map((a) => a.name)).toEqual(["user_canceled"]);
    expect(pair.server.status).toBe("open");
    expect(pair.received("server")).toEqual(Uint8Array.of(9));
  });

  it("a HelloRequest is declined with a no_renegotiation warning (renegotiation: issue 6)", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    const server = pair.server as unknown as { writer: { write(t: number, d: Uint8Array): void } };
    server.writer.write(22, Uint8Array.of(0, 0, 0, 0));
    await pair.server.write(Uint8Array.of(1));
    await pair.settle();
    expect(sentAlerts(pair.clientLog)).toEqual(["no_renegotiation"]);
    expect(pair.client.status).toBe("open");
    expect(pair.received("client")).toEqual(Uint8Array.of(1));
  });

  it("destroy() closes without an alert", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    pair.client.destroy();
    expect(pair.clientLog.close?.reason).toBe("destroyed");
    expect(sentAlerts(pair.clientLog)).toEqual([]);
    await pair.client.receive(encodeRecord(23, 0x0303, new Uint8Array(30)));
    expect(pair.clientLog.alerts).toEqual([]);
  });
});

describe("API contract", () => {
  it("writes before the handshake completes are sent right after it", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    const early = pair.client.write(new TextEncoder().encode("early"));
    await pair.client.start();
    await early;
    await pair.settle();
    expect(new TextDecoder().decode(pair.received("server"))).toBe("early");
  });

  it("without a send listener, output is collected by takeOutput()", async () => {
    const client = new TlsClient(clientOptions());
    const server = new TlsServer(serverOptions());
    await client.start();
    for (let i = 0; i < 4 && client.status === "handshaking"; i++) {
      await server.receive(client.takeOutput());
      await client.receive(server.takeOutput());
    }
    await server.receive(client.takeOutput());
    expect(client.status).toBe("open");
    expect(server.status).toBe("open");
    expect(client.session?.cipherSuite.name).toBe("TLS_RSA_WITH_AES_128_GCM_SHA256");
    expect(client.stateName).toBe("Connected");
  });

  it("receive() never rejects, even for garbage after a failure", async () => {
    const server = new TlsServer(serverOptions());
    await expect(server.receive(new Uint8Array(10).fill(0xff))).resolves.toBeUndefined();
    await expect(server.receive(new Uint8Array(10).fill(0xff))).resolves.toBeUndefined();
    expect(server.error?.code).toBe("ERR_TLS_ALERT_SENT");
  });

  it("a secure context is parsed once and shared by connections", async () => {
    const secureContext = createSecureContext(serverOptions());
    for (let i = 0; i < 2; i++) {
      const pair = await handshakePair(clientOptions(), { secureContext });
      expect(pair.serverLog.handshake?.version).toBe("TLSv1.2");
    }
    expect(() => new TlsServer({ secureContext: createSecureContext({ provider }) })).toThrow(/cert and key/);
  });

  it("options are validated up front", () => {
    expect(() => new TlsServer({ provider })).toThrow(/cert and key/);
    expect(() => new TlsClient({ provider, minVersion: "TLSv1.2", maxVersion: "TLSv1" })).toThrow(/minVersion/);
    expect(() => new TlsClient({ provider, minVersion: "SSLv3" })).toThrow(/legacy/);
    expect(() => new TlsClient({ provider, ciphers: "NOPE" })).toThrow(/cipher/);
  });

  it("trace reports the seed's steps in order", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    expect(pair.clientLog.trace).toEqual([
      "ClientHello sent",
      "ServerHello received",
      "hello negotiated",
      "Certificate received",
      "peer certificate checked",
      "ServerHelloDone received",
      "ClientKeyExchange sent",
      "pre-master secret encrypted",
      "master secret computed",
      "session keys derived",
      "ChangeCipherSpec sent",
      "Finished sent",
      "ChangeCipherSpec received",
      "Finished received",
      "handshake complete",
    ]);
  });
});

describe("alerts during the handshake", () => {
  it("a warning alert is reported and ignored; endless warnings are refused", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(21, 0x0301, Uint8Array.of(1, 112)));
    expect(pair.server.status).toBe("handshaking");
    for (let i = 0; i < 16; i++) await pair.server.receive(encodeRecord(21, 0x0301, Uint8Array.of(1, 90)));
    expect(sentAlerts(pair.serverLog)).toEqual(["unexpected_message"]);
  });

  it("close_notify before the handshake completed closes with ERR_TLS_CLOSED_DURING_HANDSHAKE", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(21, 0x0301, Uint8Array.of(1, 0)));
    expect(pair.serverLog.close?.reason).toBe("close_notify");
    expect(pair.serverLog.close?.error?.code).toBe("ERR_TLS_CLOSED_DURING_HANDSHAKE");
  });

  it.each([
    ["3-byte alert", Uint8Array.of(2, 40, 0), "decode_error"],
    ["unknown level", Uint8Array.of(3, 40), "illegal_parameter"],
  ])("%s → %s", async (_n, body, alert) => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(21, 0x0301, body));
    expect(sentAlerts(pair.serverLog)).toEqual([alert]);
  });
});

describe("Node Buffers", () => {
  it("receive() and write() copy Buffers (whose slice() is a view) before queueing", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    const data = Buffer.from("original");
    const written = pair.client.write(data);
    data.fill(0x41);
    await written;
    await pair.settle();
    expect(new TextDecoder().decode(pair.received("server"))).toBe("original");
  });
});

describe("close during the handshake", () => {
  it("close() right after write() waits for the handshake, delivers the data, then closes", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    const start = pair.client.start();
    const written = pair.client.write(new TextEncoder().encode("request"));
    const closed = pair.client.close();
    await expect(pair.client.write(Uint8Array.of(1))).rejects.toThrow(/write after close/);
    await Promise.all([start, written, closed]);
    await pair.settle();
    expect(new TextDecoder().decode(pair.received("server"))).toBe("request");
    expect(pair.serverLog.close?.reason).toBe("close_notify");
    expect(pair.serverLog.close?.error).toBeUndefined();
  });

  it("handshake bytes before start() → unexpected_message", async () => {
    const client = new TlsClient(clientOptions());
    await client.receive(encodeRecord(22, 0x0303, Uint8Array.of(2, 0, 0, 0)));
    expect(client.error?.code).toBe("ERR_TLS_ALERT_SENT");
    expect(client.error?.alert?.name).toBe("unexpected_message");
  });
});
