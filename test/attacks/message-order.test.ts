// Message skipping, reordering and injection in every handshake state, both roles (SMACK 2015,
// CVE-2014-0224 early CCS), unexpected content types, duplicated extensions, truncated and oversized
// messages, SSLv2-style hellos. Every case ends with the RFC alert and a clean close (`close` event)
// on the receiving side; nothing hangs (each run is bounded by a timeout).
import { describe, expect, it } from "vitest";
import { concatBytes } from "../../bindings/bytes.js";
import {
  decodeClientHello,
  decodeServerHello,
  encodeClientHello,
  encodeServerHello,
} from "../../tls/messages/hello.js";
import { alertsSent, runTapped, type Side, type TapRun, type TapUnit } from "../support/record-tap.js";
import { encodeRecord } from "../support/records.js";
import { clientOptions, serverOptions } from "../tls/fixtures.js";

/** Full handshakes without the optional NewSessionTicket, so the units below are the whole flight list. */
const NO_TICKETS = { sessionTickets: false } as const;

/** The units each side sends in a full handshake, with the state of the receiver that accepts each. */
const RECEIVER_STATES: Record<Side, string[]> = {
  client: ["ExpectClientHello", "ExpectClientKeyExchange", "ExpectChangeCipherSpec", "ExpectFinished"],
  server: [
    "ExpectServerHello",
    "ExpectCertificate",
    "ExpectServerHelloDone",
    "ExpectChangeCipherSpec",
    "ExpectFinished",
  ],
};

function handshakeRecord(type: number, body: Uint8Array, version = 0x0303): Uint8Array {
  return encodeRecord(
    22,
    version,
    concatBytes(Uint8Array.of(type, body.length >> 16, (body.length >> 8) & 0xff, body.length & 0xff), body),
  );
}

/** Injected payloads and the alert each must cause, depending on whether the receiver already decrypts. */
const PAYLOADS: { name: string; bytes: Uint8Array; plaintextAlert: string; encryptedAlert: string }[] = [
  {
    name: "ChangeCipherSpec",
    bytes: encodeRecord(20, 0x0303, Uint8Array.of(1)),
    plaintextAlert: "unexpected_message",
    encryptedAlert: "bad_record_mac",
  },
  {
    name: "application data",
    bytes: encodeRecord(23, 0x0303, Uint8Array.of(1, 2, 3)),
    plaintextAlert: "unexpected_message",
    encryptedAlert: "bad_record_mac",
  },
  {
    name: "1-byte alert record",
    bytes: encodeRecord(21, 0x0303, Uint8Array.of(2)),
    plaintextAlert: "decode_error",
    encryptedAlert: "bad_record_mac",
  },
  {
    name: "heartbeat content type (24)",
    bytes: encodeRecord(24, 0x0303, Uint8Array.of(1, 0, 16)),
    plaintextAlert: "unexpected_message",
    encryptedAlert: "unexpected_message",
  },
  {
    name: "CertificateVerify (never expected here)",
    bytes: handshakeRecord(15, new Uint8Array(4)),
    plaintextAlert: "unexpected_message",
    encryptedAlert: "bad_record_mac",
  },
  {
    name: "plaintext Finished",
    bytes: handshakeRecord(20, new Uint8Array(12)),
    plaintextAlert: "unexpected_message",
    encryptedAlert: "bad_record_mac",
  },
];

interface Injection {
  /** Receiver state when the injection happened. */
  state?: string;
  run: TapRun;
}

/** Runs a handshake and, just before `from`'s unit number `at`, delivers `bytes` to the other side. */
async function injectBefore(from: Side, at: number, bytes: Uint8Array): Promise<Injection> {
  let state: string | undefined;
  const run = await runTapped(clientOptions(NO_TICKETS), serverOptions(), (unit, receiver) => {
    if (unit.from !== from || unit.index !== at) return [unit.bytes];
    state = receiver.stateName;
    return [bytes, unit.bytes];
  });
  return { state, run };
}

function receiverLog(run: TapRun, from: Side) {
  return from === "client" ? run.serverLog : run.clientLog;
}

describe.each(["client", "server"] as const)("injection into every state of the %s's peer", (from) => {
  const receiver = from === "client" ? "server" : "client";
  const states = RECEIVER_STATES[from];
  const cases = states.flatMap((state, at) =>
    PAYLOADS.filter((p) => !(p.name === "ChangeCipherSpec" && state === "ExpectChangeCipherSpec")).map((p) => ({
      ...p,
      state,
      at,
      expected: state === "ExpectFinished" ? p.encryptedAlert : p.plaintextAlert,
    })),
  );

  it.each(cases)(`${receiver} in $state: $name → $expected`, async ({ at, bytes, state, expected }) => {
    const { state: seen, run } = await injectBefore(from, at, bytes);
    expect(seen).toBe(state);
    const log = receiverLog(run, from);
    expect(alertsSent(log)).toEqual([expected]);
    expect(log.close?.reason).toBe("alert_sent");
    expect(log.handshake).toBeUndefined();
    // The sender learns of it: the alert, or — when the receiver is a client that has not seen the
    // ServerHello — a protocol_version answer to the alert's 0x0301 record version.
    expect((receiver === "server" ? run.clientLog : run.serverLog).close).toBeDefined();
  });

  it.each(PAYLOADS)(`${receiver} in Connected: $name → $encryptedAlert`, async ({ bytes, encryptedAlert }) => {
    const run = await runTapped(clientOptions(NO_TICKETS), serverOptions());
    await run.inject(receiver, bytes);
    const log = receiver === "server" ? run.serverLog : run.clientLog;
    expect(log.handshake).toBeDefined();
    expect(alertsSent(log)).toEqual([encryptedAlert]);
    expect(log.close?.reason).toBe("alert_sent");
  });
});

/** Runs a handshake where `edit` rewrites the unit stream of one side. */
async function rewrite(edit: (unit: TapUnit, held: TapUnit[]) => Uint8Array[] | null) {
  const held: TapUnit[] = [];
  return runTapped(clientOptions(NO_TICKETS), serverOptions(), (unit) => edit(unit, held));
}

describe("skipping and reordering (named attacks)", () => {
  it("server: missing ClientKeyExchange (CCS right after ClientHello) → unexpected_message", async () => {
    const run = await rewrite((u) => (u.from === "client" && u.handshakeType === 16 ? null : [u.bytes]));
    expect(alertsSent(run.serverLog)).toEqual(["unexpected_message"]);
  });

  it("server: early CCS injection before ClientKeyExchange (CVE-2014-0224) → unexpected_message", async () => {
    const { run, state } = await injectBefore("client", 1, encodeRecord(20, 0x0303, Uint8Array.of(1)));
    expect(state).toBe("ExpectClientKeyExchange");
    expect(alertsSent(run.serverLog)).toEqual(["unexpected_message"]);
  });

  it("client: early CCS injection after ServerHello (CVE-2014-0224) → unexpected_message", async () => {
    const { run, state } = await injectBefore("server", 1, encodeRecord(20, 0x0303, Uint8Array.of(1)));
    expect(state).toBe("ExpectCertificate");
    expect(alertsSent(run.clientLog)).toEqual(["unexpected_message"]);
  });

  it("server: plaintext Finished before the client's CCS → unexpected_message", async () => {
    const { run, state } = await injectBefore("client", 2, handshakeRecord(20, new Uint8Array(12)));
    expect(state).toBe("ExpectChangeCipherSpec");
    expect(alertsSent(run.serverLog)).toEqual(["unexpected_message"]);
  });

  it.each(["client", "server"] as const)(
    "%s's encrypted Finished delivered before its CCS → fatal alert, no handshake",
    async (from) => {
      const run = await rewrite((u, held) => {
        if (u.from !== from) return [u.bytes];
        if (u.type === 20) {
          held.push(u);
          return null;
        }
        if (u.encrypted && u.type === 22) return [u.bytes, ...held.map((h) => h.bytes)];
        return [u.bytes];
      });
      const log = receiverLog(run, from);
      expect(log.handshake).toBeUndefined();
      expect(log.close?.reason).toBe("alert_sent");
      expect(["unexpected_message", "illegal_parameter", "decode_error"]).toContain(alertsSent(log)[0]);
    },
  );

  it("client: missing server Certificate → unexpected_message", async () => {
    const run = await rewrite((u) => (u.from === "server" && u.handshakeType === 11 ? null : [u.bytes]));
    expect(alertsSent(run.clientLog)).toEqual(["unexpected_message"]);
  });

  it("client: ServerHelloDone before Certificate → unexpected_message", async () => {
    const run = await rewrite((u, held) => {
      if (u.from !== "server") return [u.bytes];
      if (u.handshakeType === 11) {
        held.push(u);
        return null;
      }
      if (u.handshakeType === 14) return [u.bytes, ...held.map((h) => h.bytes)];
      return [u.bytes];
    });
    expect(alertsSent(run.clientLog)).toEqual(["unexpected_message"]);
  });

  it("client: missing ServerHelloDone → the client waits (no alert, no hang)", async () => {
    const run = await rewrite((u) => (u.from === "server" && u.handshakeType === 14 ? null : [u.bytes]));
    expect(run.client.status).toBe("handshaking");
    expect(run.client.stateName).toBe("ExpectServerHelloDone");
    expect(run.clientLog.alerts).toEqual([]);
  });

  it.each([
    // The replayed ClientHello still carries the 0x0301 record version: the record layer refuses it first.
    ["ClientHello", "client", 1, "protocol_version"],
    ["ServerHello", "server", 2, "unexpected_message"],
    ["Certificate", "server", 11, "unexpected_message"],
    ["ClientKeyExchange", "client", 16, "unexpected_message"],
  ] as const)("replayed %s → %s", async (_name, from, type, alert) => {
    const run = await rewrite((u) => (u.from === from && u.handshakeType === type ? [u.bytes, u.bytes] : [u.bytes]));
    expect(alertsSent(receiverLog(run, from))).toEqual([alert]);
  });

  it.each(["client", "server"] as const)("%s's ChangeCipherSpec with a wrong body → decode_error", async (from) => {
    const run = await rewrite((u) =>
      u.from === from && u.type === 20 ? [encodeRecord(20, u.version, Uint8Array.of(2))] : [u.bytes],
    );
    expect(alertsSent(receiverLog(run, from))).toEqual(["decode_error"]);
  });
});

/** Rewrites one handshake message's body (keeping the record framing consistent). */
function editMessage(from: Side, type: number, edit: (body: Uint8Array) => Uint8Array) {
  return rewrite((u) => {
    if (u.from !== from || u.handshakeType !== type) return [u.bytes];
    const body = u.bytes.subarray(9);
    return [handshakeRecord(type, edit(body), u.version)];
  });
}

describe("truncated and oversized messages", () => {
  const MESSAGES = [
    ["ClientHello", "client", 1],
    ["ServerHello", "server", 2],
    ["Certificate", "server", 11],
    ["ClientKeyExchange", "client", 16],
  ] as const;

  it.each(MESSAGES)("%s truncated by one byte → decode_error", async (_name, from, type) => {
    const run = await editMessage(from, type, (body) => body.subarray(0, body.length - 1));
    expect(alertsSent(receiverLog(run, from))).toEqual(["decode_error"]);
  });

  it.each([...MESSAGES, ["ServerHelloDone", "server", 14] as const])(
    "%s with a trailing byte → decode_error",
    async (_name, from, type) => {
      const run = await editMessage(from, type, (body) => concatBytes(body, Uint8Array.of(0)));
      expect(alertsSent(receiverLog(run, from))).toEqual(["decode_error"]);
    },
  );

  it.each(["client", "server"] as const)(
    "%s: a handshake message longer than the cap → illegal_parameter, nothing buffered",
    async (from) => {
      const { run } = await injectBefore(from, 0, encodeRecord(22, 0x0303, Uint8Array.of(1, 0x10, 0, 0)));
      expect(alertsSent(receiverLog(run, from))).toEqual(["illegal_parameter"]);
    },
  );

  it.each(["client", "server"] as const)("%s: a plaintext record above 2^14 → record_overflow", async (from) => {
    const { run } = await injectBefore(from, 0, encodeRecord(22, 0x0303, new Uint8Array(16385)));
    expect(alertsSent(receiverLog(run, from))).toEqual(["record_overflow"]);
  });
});

describe("duplicated extensions (RFC 5246 §7.4.1.4)", () => {
  it("server: ClientHello with server_name twice → decode_error", async () => {
    const run = await editMessage("client", 1, (body) => {
      const hello = decodeClientHello(body);
      const sni = hello.extensions.find((e) => e.type === 0)!;
      return encodeClientHello({ ...hello, extensions: [...hello.extensions, sni] });
    });
    expect(alertsSent(run.serverLog)).toEqual(["decode_error"]);
  });

  it("client: ServerHello with renegotiation_info twice → decode_error", async () => {
    const run = await editMessage("server", 2, (body) => {
      const hello = decodeServerHello(body);
      const ri = hello.extensions.find((e) => e.type === 0xff01)!;
      return encodeServerHello({ ...hello, extensions: [...hello.extensions, ri] });
    });
    expect(alertsSent(run.clientLog)).toEqual(["decode_error"]);
  });
});

describe("SSLv2-style and non-TLS hellos", () => {
  /** An SSLv2-compatible CLIENT-HELLO (RFC 5246 Appendix E.2) offering TLS 1.0 with AES128-SHA. */
  const sslv2Hello = Uint8Array.of(
    0x80,
    0x1b,
    0x01,
    0x03,
    0x01,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    0x00,
    0x2f,
    ...new Uint8Array(16).fill(0x5a),
  );

  it("server refuses an SSLv2-compatible ClientHello with unexpected_message (RFC 6176)", async () => {
    const { run, state } = await injectBefore("client", 0, sslv2Hello);
    expect(state).toBe("ExpectClientHello");
    expect(alertsSent(run.serverLog)).toEqual(["unexpected_message"]);
  });

  it("server refuses a record with SSL 2.0 version bytes → protocol_version", async () => {
    const { run } = await injectBefore("client", 0, encodeRecord(22, 0x0200, new Uint8Array(4)));
    expect(alertsSent(run.serverLog)).toEqual(["protocol_version"]);
  });

  it("client refuses an SSLv2 SERVER-HELLO-shaped answer", async () => {
    const { run } = await injectBefore("server", 0, Uint8Array.of(0x80, 0x2e, 0x04, 0x00, 0x01, 0x00, 0x02));
    expect(alertsSent(run.clientLog)).toEqual(["unexpected_message"]);
  });
});
