// ALPN (RFC 7301): the server picks its first protocol the client offers; no overlap is fatal.
import { describe, expect, it } from "vitest";
import { decodeAlpn, encodeAlpn } from "../../tls/messages/extensions.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, sentAlerts, serverOptions } from "./fixtures.js";

describe("ALPN", () => {
  it("codec round trip and rejection of empty names", () => {
    expect(decodeAlpn(encodeAlpn(["h2", "http/1.1"]))).toEqual(["h2", "http/1.1"]);
    expect(() => decodeAlpn(Uint8Array.of(0, 1, 0))).toThrow(/decode_error/);
  });

  it("server preference wins; both sides report the protocol", async () => {
    const pair = await handshakePair(
      clientOptions({ ALPNProtocols: ["http/1.1", "h2"] }),
      serverOptions({ ALPNProtocols: ["h2", "http/1.1"] }),
    );
    expect(pair.clientLog.handshake?.alpnProtocol).toBe("h2");
    expect(pair.serverLog.handshake?.alpnProtocol).toBe("h2");
  });

  it("no overlap → no_application_protocol; no ALPN on either side → false", async () => {
    const none = await handshakePair(
      clientOptions({ ALPNProtocols: ["h2"] }),
      serverOptions({ ALPNProtocols: ["smtp"] }),
    );
    expect(sentAlerts(none.serverLog)).toEqual(["no_application_protocol"]);
    const off = await handshakePair(clientOptions({ ALPNProtocols: ["h2"] }), serverOptions());
    expect(off.clientLog.handshake?.alpnProtocol).toBe(false);
  });
});
