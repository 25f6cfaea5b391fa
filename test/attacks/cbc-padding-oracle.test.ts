// CBC padding oracle (Vaudenay 2002, POODLE-TLS) and Lucky13 (AlFardan–Paterson 2013): a record with
// bad padding and a record with a bad MAC must be indistinguishable (same alert, same bytes on the
// wire); every legal padding (up to 255 bytes) is accepted; zero-length records and records at the
// size limits are handled. Records are forged under the live connection's keys, both directions.
import { beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/wasm.js";
import type { TlsClientOptions } from "../../tls/index.js";
import {
  type CapturedKeys,
  contentLengthFor,
  forgeCbcRecord,
  keyCapturingProvider,
  minimalPadding,
} from "../support/cbc-forge.js";
import { alertsSent, runTapped, type Side, type TapRun } from "../support/record-tap.js";
import { encodeRecord } from "../support/records.js";
import { clientOptions, PROVIDERS, serverOptions } from "../tls/fixtures.js";

/** MAC-then-encrypt (RFC 5246, where Vaudenay/Lucky13 live) and encrypt-then-MAC (RFC 7366, the default). */
const MODES = [
  { name: "MAC-then-encrypt", etm: false },
  { name: "encrypt-then-MAC", etm: true },
] as const;

const VERSIONS = [
  { name: "TLSv1.2", code: 0x0303 },
  { name: "TLSv1.1", code: 0x0302 },
] as const;

const SETUPS = MODES.flatMap((mode) =>
  VERSIONS.map((v) => ({ ...v, etm: mode.etm, label: `${v.name}, ${mode.name}` })),
);
type Setup = (typeof SETUPS)[number];

interface Session {
  run: TapRun;
  /** Forges a record the `to` side will read, at its next read sequence number `seq`. */
  forge(
    to: Side,
    spec: {
      content: Uint8Array;
      padLength: number;
      badPadding?: boolean;
      badMac?: boolean;
      type?: number;
      seq?: number;
    },
  ): Uint8Array;
}

async function connect(
  provider: (typeof PROVIDERS)[number]["provider"],
  version: Setup,
  extra: Partial<TlsClientOptions> = {},
): Promise<Session> {
  const keys: CapturedKeys = { macKeys: [], encKeys: [] };
  const run = await runTapped(
    clientOptions({
      provider: keyCapturingProvider(provider, keys),
      ciphers: "AES128-SHA",
      minVersion: version.name,
      maxVersion: version.name,
      encryptThenMac: version.etm,
      ...extra,
    }),
    serverOptions({ provider, ciphers: "AES128-SHA", minVersion: "TLSv1" }),
    undefined,
    undefined,
    extra.maxFragmentLength,
  );
  expect(run.clientLog.handshake?.cipherSuite.openssl).toBe("AES128-SHA");
  expect(run.clientLog.handshake?.encryptThenMac ?? false).toBe(version.etm);
  return {
    run,
    forge(to, spec) {
      // The reader of `to` uses the keys of the other side's write direction.
      const dir = to === "server" ? 0 : 1;
      return forgeCbcRecord({
        macKey: keys.macKeys[dir],
        encKey: keys.encKeys[dir],
        seq: spec.seq ?? 1, // both sides have read exactly one protected record (Finished)
        version: version.code,
        etm: version.etm,
        ...spec,
      });
    },
  };
}

/** What the receiver did with a forged record: alerts it sent, sizes of its records, close reason, data. */
function observe(run: TapRun, to: Side, wireBefore: number) {
  const log = to === "server" ? run.serverLog : run.clientLog;
  return {
    alerts: alertsSent(log),
    recordSizes: log.wire.slice(wireBefore).map((b) => b.length),
    close: log.close?.reason,
    data: log.data.length,
  };
}

async function deliver(session: Session, to: Side, record: Uint8Array) {
  const log = to === "server" ? session.run.serverLog : session.run.clientLog;
  const before = log.wire.length;
  await session.run.inject(to, record);
  return observe(session.run, to, before);
}

describe.each(PROVIDERS)("CBC padding oracle / Lucky13 ($name provider)", ({ provider }) => {
  beforeAll(() => init());

  describe.each(SETUPS)("$label", (version) => {
    describe.each(["server", "client"] as const)("read by the %s", (to) => {
      it("control: a well-formed forged record is accepted", async () => {
        const s = await connect(provider, version);
        const r = await deliver(
          s,
          to,
          s.forge(to, { content: new Uint8Array(contentLengthFor(0, 5, version.etm)), padLength: 0 }),
        );
        expect(r).toMatchObject({ alerts: [], data: 1 });
      });

      it("legal 255-byte padding is accepted", async () => {
        const s = await connect(provider, version);
        const content = new Uint8Array(contentLengthFor(255, 1, version.etm)).fill(0x61);
        const r = await deliver(s, to, s.forge(to, { content, padLength: 255 }));
        expect(r).toMatchObject({ alerts: [], data: 1 });
        const log = to === "server" ? s.run.serverLog : s.run.clientLog;
        expect(log.data[0]).toEqual(content);
      });

      it("bad padding and bad MAC give the same alert and the same bytes (no padding oracle)", async () => {
        const outcomes: Record<string, unknown> = {};
        const cases = {
          "bad padding, good MAC": { padLength: 15, badPadding: true },
          "good padding, bad MAC": { padLength: 15, badMac: true },
          "bad padding, bad MAC": { padLength: 15, badPadding: true, badMac: true },
          "long bad padding (255), good MAC": { padLength: 255, badPadding: true },
          "long good padding (255), bad MAC": { padLength: 255, badMac: true },
        };
        for (const [name, spec] of Object.entries(cases)) {
          const s = await connect(provider, version);
          outcomes[name] = await deliver(
            s,
            to,
            s.forge(to, { content: new Uint8Array(contentLengthFor(spec.padLength, 40, version.etm)), ...spec }),
          );
        }
        for (const outcome of Object.values(outcomes)) {
          expect(outcome).toEqual(outcomes["good padding, bad MAC"]);
        }
        expect(outcomes["good padding, bad MAC"]).toMatchObject({
          alerts: ["bad_record_mac"],
          close: "alert_sent",
          data: 0,
        });
      });

      it("a padding length byte larger than the record → bad_record_mac", async () => {
        const s = await connect(provider, version);
        const valid = s.forge(to, { content: new Uint8Array(contentLengthFor(0, 11, version.etm)), padLength: 0 });
        // CBC malleability: flipping the previous ciphertext block turns the last plaintext byte
        // (the padding length) from 0 into 200, more than the 32-byte record holds.
        const tampered = valid.slice();
        tampered[tampered.length - 17] ^= 200;
        const r = await deliver(s, to, tampered);
        expect(r).toMatchObject({ alerts: ["bad_record_mac"], close: "alert_sent" });
      });

      it("a zero-length application data record is accepted and the next record still verifies", async () => {
        const s = await connect(provider, version);
        const empty = await deliver(
          s,
          to,
          s.forge(to, { content: new Uint8Array(0), padLength: minimalPadding(0, version.etm), seq: 1 }),
        );
        expect(empty).toMatchObject({ alerts: [], data: 0 });
        const next = await deliver(
          s,
          to,
          s.forge(to, { content: new Uint8Array(contentLengthFor(0, 3, version.etm)), padLength: 0, seq: 2 }),
        );
        expect(next).toMatchObject({ alerts: [], data: 1 });
      });

      it("a zero-length handshake record → unexpected_message", async () => {
        const s = await connect(provider, version);
        const r = await deliver(
          s,
          to,
          s.forge(to, { type: 22, content: new Uint8Array(0), padLength: minimalPadding(0, version.etm) }),
        );
        expect(r.alerts).toEqual(["unexpected_message"]);
      });

      it("plaintext of exactly 2^14 bytes is accepted; 2^14 + 1 → record_overflow", async () => {
        const s = await connect(provider, version);
        const max = 16384;
        const ok = await deliver(
          s,
          to,
          s.forge(to, { content: new Uint8Array(max), padLength: minimalPadding(max, version.etm) }),
        );
        expect(ok).toMatchObject({ alerts: [], data: 1 });
        const s2 = await connect(provider, version);
        const over = await deliver(
          s2,
          to,
          s2.forge(to, { content: new Uint8Array(max + 1), padLength: minimalPadding(max + 1, version.etm) }),
        );
        expect(over.alerts).toEqual(["record_overflow"]);
      });

      it("ciphertext above 2^14 + 2048 → record_overflow before the body arrives", async () => {
        const s = await connect(provider, version);
        const header = encodeRecord(23, version.code, new Uint8Array(0)).slice(0, 5);
        header[3] = (16384 + 2049) >> 8;
        header[4] = (16384 + 2049) & 0xff;
        const r = await deliver(s, to, header);
        expect(r.alerts).toEqual(["record_overflow"]);
      });

      it.each([
        ["shorter than one block", 15],
        ["not a whole number of blocks", 16 + 20 + 3],
        ["only the IV", 16],
        ["IV and one block (no room for the MAC)", 32],
      ])("a ciphertext %s → bad_record_mac", async (_name, length) => {
        const s = await connect(provider, version);
        const r = await deliver(s, to, encodeRecord(23, version.code, new Uint8Array(length).fill(7)));
        expect(r).toMatchObject({ alerts: ["bad_record_mac"], close: "alert_sent" });
      });
    });
  });
});

describe("records above a negotiated max_fragment_length (RFC 6066 §4)", () => {
  const setup = SETUPS[0];
  it.each(["server", "client"] as const)("read by the %s: 512 bytes accepted, 513 → record_overflow", async (to) => {
    const ok = await connect(PROVIDERS[0].provider, setup, { maxFragmentLength: 512 });
    expect(ok.run.clientLog.handshake?.maxFragmentLength).toBe(512);
    const accepted = await deliver(
      ok,
      to,
      ok.forge(to, { content: new Uint8Array(512), padLength: minimalPadding(512) }),
    );
    expect(accepted).toMatchObject({ alerts: [], data: 1 });
    const over = await connect(PROVIDERS[0].provider, setup, { maxFragmentLength: 512 });
    const refused = await deliver(
      over,
      to,
      over.forge(to, { content: new Uint8Array(513), padLength: minimalPadding(513) }),
    );
    expect(refused.alerts).toEqual(["record_overflow"]);
  });
});
