// Record layer: CBC padding/MAC (one alert, constant-time helpers), size limits, versions, sequence
// numbers, fragmentation and coalescing, the TLS 1.0 1/n−1 split.
import * as crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatBytes } from "../../bindings/bytes.js";
import { checkCbcPadding, extractMacConstantTime } from "../../tls/record/cbc-padding.js";
import { CbcProtection } from "../../tls/record/cbc-protection.js";
import { recordHeaderForMac } from "../../tls/record/protection.js";
import { RecordReader } from "../../tls/record/record-reader.js";
import { SequenceNumber } from "../../tls/record/sequence-number.js";
import { StreamProtection } from "../../tls/record/stream-protection.js";
import { alertOf } from "../support/alert-of.js";
import { encodeRecord, parseRecords, rewriteFlight } from "../support/records.js";
import { createPair, handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, sentAlerts, serverOptions } from "./fixtures.js";

describe("CBC constant-time helpers", () => {
  it("checkCbcPadding agrees with a naive check", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 21, maxLength: 300 }), fc.integer({ min: 0, max: 255 }), (bytes, pad) => {
        const plain = bytes.slice();
        // Half the time make the padding valid.
        if (pad % 2 === 0 && pad + 21 <= plain.length) plain.fill(pad, plain.length - pad - 1);
        const n = plain.length;
        const p = plain[n - 1];
        let naive = p + 1 + 20 <= n;
        for (let i = 0; naive && i <= p; i++) naive = plain[n - 1 - i] === p;
        const { paddingLength, goodMask } = checkCbcPadding(plain, 20);
        expect(goodMask !== 0).toBe(naive);
        expect(paddingLength).toBe(naive ? p : 0);
      }),
    );
  });

  it("extractMacConstantTime equals a plain slice", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 300, maxLength: 400 }),
        fc.integer({ min: 0, max: 255 }),
        (plain, back) => {
          const start = plain.length - 20 - 1 - back;
          expect(extractMacConstantTime(plain, start, 20)).toEqual(plain.slice(start, start + 20));
        },
      ),
    );
  });
});

describe("CBC record protection (TLS 1.1, AES-128, HMAC-SHA1)", () => {
  const key = crypto.randomBytes(16);
  const macKey = crypto.randomBytes(20);
  const shape = { blockLength: 64, lengthFieldBytes: 8 };
  const opener = () =>
    new CbcProtection(
      provider.createCbc("aes", key, new Uint8Array(16)),
      provider.createHmac("sha1", macKey),
      0x0302,
      shape,
      (n) => provider.randomBytes(n),
      (a, b) => provider.constantTimeEqual(a, b),
    );
  /** Encrypts content ‖ mac ‖ padding as given, with a random explicit IV. */
  function forge(content: Uint8Array, mac: Uint8Array, padding: Uint8Array): Uint8Array {
    const iv = crypto.randomBytes(16);
    const c = crypto.createCipheriv("aes-128-cbc", key, iv).setAutoPadding(false);
    return concatBytes(iv, c.update(concatBytes(content, mac, padding)), c.final());
  }
  const content = new TextEncoder().encode("attack at dawn!!"); // 16 bytes
  const goodMac = () => {
    const h = crypto.createHmac("sha1", macKey);
    h.update(recordHeaderForMac(new SequenceNumber(), 23, 0x0302, content.length));
    return h.update(content).digest();
  };

  it("opens a well-formed record, with minimal or long padding", () => {
    for (const padLen of [11, 27, 251]) {
      const rec = forge(content, goodMac(), new Uint8Array(padLen + 1).fill(padLen));
      expect(opener().open(23, 0x0302, new SequenceNumber(), rec)).toEqual(content);
    }
  });

  it.each([
    [
      "bad MAC, good padding",
      () =>
        forge(
          content,
          goodMac().map((b, i) => (i === 0 ? b ^ 1 : b)),
          new Uint8Array(12).fill(11),
        ),
    ],
    [
      "good MAC, bad padding byte",
      () => forge(content, goodMac(), Uint8Array.of(11, 11, 11, 10, 11, 11, 11, 11, 11, 11, 11, 11)),
    ],
    ["good MAC, padding length too long", () => forge(content, goodMac(), new Uint8Array(12).fill(200))],
    ["length not a block multiple", () => forge(content, goodMac(), new Uint8Array(12).fill(11)).subarray(0, 60)],
    ["shorter than a MAC", () => forge(new Uint8Array(0), new Uint8Array(0), new Uint8Array(16).fill(15))],
  ])("%s → bad_record_mac", (_name, make) => {
    expect(alertOf(() => opener().open(23, 0x0302, new SequenceNumber(), make()))).toBe("bad_record_mac");
  });
});

describe("record limits", () => {
  it("plaintext record longer than 2^14 → record_overflow", async () => {
    const pair = createPair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(22, 0x0301, new Uint8Array(16385)));
    expect(sentAlerts(pair.serverLog)).toEqual(["record_overflow"]);
  });

  it("ciphertext record longer than 2^14 + 2048 → record_overflow", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(23, 0x0303, new Uint8Array(16384 + 2049)));
    expect(sentAlerts(pair.serverLog)).toEqual(["record_overflow"]);
  });

  it("decrypted plaintext longer than 2^14 → record_overflow", () => {
    const macKey = new Uint8Array(20).fill(3);
    const sealer = new StreamProtection(provider.createHmac("sha1", macKey), undefined, provider.constantTimeEqual);
    const reader = new RecordReader();
    reader.changeProtection(
      new StreamProtection(provider.createHmac("sha1", macKey), undefined, provider.constantTimeEqual),
    );
    reader.push(encodeRecord(23, 0x0303, sealer.seal(23, 0x0303, new SequenceNumber(), new Uint8Array(16385))));
    expect(alertOf(() => reader.next())).toBe("record_overflow");
  });

  it("a record version other than the negotiated one → protocol_version", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    await pair.server.receive(encodeRecord(23, 0x0301, new Uint8Array(40)));
    expect(sentAlerts(pair.serverLog)).toEqual(["protocol_version"]);
  });

  it("sequence numbers refuse to wrap", () => {
    const seq = new SequenceNumber();
    seq.set(0xffffffff, 0xfffffffe);
    seq.increment();
    expect(seq.bytes()).toEqual(new Uint8Array(8).fill(0xff));
    expect(alertOf(() => seq.increment())).toBe("internal_error");
  });
});

describe("tampering after the handshake", () => {
  it.each([
    ["AES128-GCM-SHA256", "TLSv1.2"],
    ["AES128-SHA256", "TLSv1.2"],
    ["AES128-SHA", "TLSv1.1"],
    ["AES128-SHA", "TLSv1"],
    ["DES-CBC3-SHA", "TLSv1.2"],
    ["NULL-SHA", "TLSv1.2"],
  ] as const)("a flipped bit in %s over %s → bad_record_mac", async (ciphers, version) => {
    let armed = false;
    const flip = (from: string, bytes: Uint8Array) => {
      if (!armed || from !== "client") return bytes;
      const out = bytes.slice();
      out[out.length - 1] ^= 0x01;
      return out;
    };
    const o = { ciphers, minVersion: version, maxVersion: version, legacy: true };
    const pair = await handshakePair(clientOptions(o), serverOptions(o), flip);
    armed = true;
    await pair.client.write(new Uint8Array(100).fill(1));
    await pair.settle();
    expect(sentAlerts(pair.serverLog)).toEqual(["bad_record_mac"]);
    // Only records before the tampered one are delivered (TLS 1.0 sends 1 byte first: the 1/n−1 split).
    expect(pair.received("server").length).toBe(version === "TLSv1" ? 1 : 0);
    expect(pair.clientLog.close?.reason).toBe("alert_received");
  });
});

describe("fragmentation and coalescing", () => {
  it("the server's first flight is coalesced into one record", async () => {
    const flights: Uint8Array[] = [];
    await handshakePair(clientOptions(), serverOptions(), (from, b) => {
      if (from === "server") flights.push(b);
      return b;
    });
    expect(parseRecords(flights[0]).map((r) => r.type)).toEqual([22]);
  });

  it("handshake messages fragmented over 7-byte records are reassembled", async () => {
    let done = false;
    const fragment = (from: string, b: Uint8Array) => {
      if (from !== "server" || done) return b;
      done = true;
      return rewriteFlight(b, (m) => m, 7);
    };
    const pair = await handshakePair(clientOptions(), serverOptions(), fragment);
    expect(pair.clientLog.handshake?.authorized).toBe(true);
  });

  it("a whole session delivered one byte at a time", async () => {
    const bytewise = (_from: string, b: Uint8Array) => Array.from(b, (x) => Uint8Array.of(x));
    const o = { minVersion: "TLSv1", maxVersion: "TLSv1", ciphers: "AES128-SHA" } as const;
    const pair = await handshakePair(clientOptions(o), serverOptions(o), bytewise);
    expect(pair.clientLog.handshake?.version).toBe("TLSv1");
    await pair.client.write(new Uint8Array(3000).fill(5));
    await pair.client.close();
    await pair.settle();
    expect(pair.received("server")).toEqual(new Uint8Array(3000).fill(5));
    expect(pair.serverLog.close?.reason).toBe("close_notify");
  });

  it("TLS 1.0 CBC splits application data 1/n−1; TLS 1.1 does not", async () => {
    for (const [version, expected] of [
      ["TLSv1", 2],
      ["TLSv1.1", 1],
    ] as const) {
      let armed = false;
      const records: number[] = [];
      const o = { minVersion: version, maxVersion: version, ciphers: "AES128-SHA" } as const;
      const pair = await handshakePair(clientOptions(o), serverOptions(o), (from, b) => {
        if (armed && from === "client") records.push(parseRecords(b).length);
        return b;
      });
      armed = true;
      await pair.client.write(new Uint8Array(100).fill(7));
      await pair.settle();
      expect(records).toEqual([expected]);
      expect(pair.received("server")).toEqual(new Uint8Array(100).fill(7));
    }
  });
});
