// RFC 7366 encrypt-then-MAC: negotiated for CBC suites when both sides want it, never for AEAD/stream,
// records authenticated before decryption.
import { describe, expect, it } from "vitest";
import { decodeServerHello, encodeServerHello } from "../../tls/messages/hello.js";
import { rewriteFlight } from "../support/records.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, sentAlerts, serverOptions } from "./fixtures.js";

const cbc = (v: "TLSv1" | "TLSv1.1" | "TLSv1.2", extra = {}) => ({
  minVersion: v,
  maxVersion: v,
  ciphers: "AES128-SHA",
  ...extra,
});

describe("encrypt-then-MAC", () => {
  it.each(["TLSv1", "TLSv1.1", "TLSv1.2"] as const)("%s CBC: negotiated by default, data flows", async (v) => {
    const pair = await handshakePair(clientOptions(cbc(v)), serverOptions(cbc(v)));
    expect(pair.clientLog.handshake?.encryptThenMac).toBe(true);
    expect(pair.serverLog.handshake?.encryptThenMac).toBe(true);
    for (const size of [0, 1, 15, 16, 17, 40_000]) {
      const before = pair.received("server").length;
      const payload = new Uint8Array(size).map((_, i) => i);
      await pair.client.write(payload);
      await pair.settle();
      expect(pair.received("server").subarray(before)).toEqual(payload);
    }
  });

  it("off when either side disables it, and never with AEAD", async () => {
    const clientOff = await handshakePair(
      clientOptions(cbc("TLSv1.2", { encryptThenMac: false })),
      serverOptions(cbc("TLSv1.2")),
    );
    expect(clientOff.serverLog.handshake?.encryptThenMac).toBe(false);
    const serverOff = await handshakePair(
      clientOptions(cbc("TLSv1.2")),
      serverOptions(cbc("TLSv1.2", { encryptThenMac: false })),
    );
    expect(serverOff.clientLog.handshake?.encryptThenMac).toBe(false);
    const gcm = await handshakePair(clientOptions(), serverOptions());
    expect(gcm.clientLog.handshake?.encryptThenMac).toBe(false);
  });

  it("a flipped ciphertext bit → bad_record_mac", async () => {
    let armed = false;
    const pair = await handshakePair(clientOptions(cbc("TLSv1.1")), serverOptions(cbc("TLSv1.1")), (from, b) => {
      if (!armed || from !== "client") return b;
      const out = b.slice();
      out[10] ^= 1;
      return out;
    });
    armed = true;
    await pair.client.write(new Uint8Array(64));
    await pair.settle();
    expect(sentAlerts(pair.serverLog)).toEqual(["bad_record_mac"]);
  });

  it("a server answering encrypt_then_mac with an AEAD suite → illegal_parameter", async () => {
    let done = false;
    const addEtm = (from: string, bytes: Uint8Array) => {
      if (from !== "server" || done) return bytes;
      done = true;
      return rewriteFlight(bytes, (msgs) =>
        msgs.map((m) => {
          if (m.type !== 2) return m;
          const hello = decodeServerHello(m.body);
          return {
            type: 2,
            body: encodeServerHello({
              ...hello,
              extensions: [...hello.extensions, { type: 22, data: new Uint8Array(0) }],
            }),
          };
        }),
      );
    };
    const pair = await handshakePair(clientOptions(), serverOptions(), addEtm);
    expect(sentAlerts(pair.clientLog)).toEqual(["illegal_parameter"]);
  });
});
