// Bleichenbacher 1998 / ROBOT (2017): the server must not reveal anything about a ClientKeyExchange
// except through the Finished check. Every malformed ciphertext (wrong header, no separator, short
// padding, wrong premaster length or version, out-of-range values, wrong sizes) must end exactly like
// a wrong key: bad_record_mac when the client's encrypted Finished arrives, the same bytes on the wire,
// and — when the client stops after ClientKeyExchange — silence (no early alert, no close).
// Client role: the client never decrypts anything, so there is no client-side oracle to test.
import * as crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { concatBytes } from "../../bindings/bytes.js";
import { init } from "../../bindings/wasm.js";
import type { CryptoProvider } from "../../tls/index.js";
import { testPki } from "../support/certs.js";
import { alertsSent, runTapped } from "../support/record-tap.js";
import { clientOptions, PROVIDERS, serverKeyFor, serverOptions } from "../tls/fixtures.js";

const K = 256; // RSA-2048 test key

/** The server's modulus as bytes (k = 256). */
function serverModulus(): Uint8Array {
  const jwk = crypto.createPublicKey(testPki().serverCert).export({ format: "jwk" });
  return new Uint8Array(Buffer.from(jwk.n as string, "base64url"));
}

/** Raw RSA encryption of a k-byte block (no padding applied). */
function rawEncrypt(block: Uint8Array): Uint8Array {
  return new Uint8Array(
    crypto.publicEncrypt(
      { key: crypto.createPublicKey(testPki().serverCert), padding: crypto.constants.RSA_NO_PADDING },
      block,
    ),
  );
}

/** A type-2 block: header, `padLength` non-zero bytes, separator, message (k bytes in all unless told). */
function block(opts: { header?: [number, number]; message: Uint8Array; separator?: boolean; zeroAt?: number }) {
  const out = new Uint8Array(K);
  const [h0, h1] = opts.header ?? [0, 2];
  out[0] = h0;
  out[1] = h1;
  const sepAt = K - opts.message.length - 1;
  for (let i = 2; i < K; i++) out[i] = 1 + (i % 250);
  if (opts.separator !== false) out[sepAt] = 0;
  out.set(opts.message, sepAt + 1);
  if (opts.zeroAt !== undefined) out[opts.zeroAt] = 0;
  return out;
}

function bigToBytes(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The ciphertexts of the ROBOT test list, built from the client's real premaster `pm`. */
function maliciousCiphertexts(pm: Uint8Array): Record<string, Uint8Array> {
  const n = BigInt(`0x${Buffer.from(serverModulus()).toString("hex")}`);
  const valid = rawEncrypt(block({ message: pm }));
  const wrongVersion = pm.slice();
  wrongVersion[0] = 3;
  wrongVersion[1] = 1;
  return {
    "wrong header 00 01": rawEncrypt(block({ header: [0, 1], message: pm })),
    "wrong header 01 02": rawEncrypt(block({ header: [1, 2], message: pm })),
    "no zero separator": rawEncrypt(block({ message: pm, separator: false })),
    "zero in the first 8 padding bytes": rawEncrypt(block({ message: pm, zeroAt: 6 })),
    "premaster of 47 bytes": rawEncrypt(block({ message: pm.subarray(0, 47) })),
    "premaster of 49 bytes": rawEncrypt(block({ message: concatBytes(pm, Uint8Array.of(0x42)) })),
    "wrong version bytes (03 01)": rawEncrypt(block({ message: wrongVersion })),
    "ciphertext 0": new Uint8Array(K),
    "ciphertext 1": bigToBytes(1n, K),
    "ciphertext n-1": bigToBytes(n - 1n, K),
    "ciphertext n": bigToBytes(n, K),
    "ciphertext 2^2048-1 (≥ n)": new Uint8Array(K).fill(0xff),
    "ciphertext too short (k-1 bytes)": valid.subarray(1),
    "ciphertext too long (k+1 bytes)": concatBytes(Uint8Array.of(0), valid),
  };
}

/**
 * A client provider whose RSA encryption returns `pick(premaster)` instead of a proper PKCS#1
 * ciphertext: the client's transcript (and its extended master secret) then covers the very
 * ClientKeyExchange the server receives, so only the premaster decoding decides the outcome.
 */
function hostileClientProvider(base: CryptoProvider, pick: (premaster: Uint8Array) => Uint8Array): CryptoProvider {
  return {
    ...base,
    importRsaPublicKey(components) {
      const real = base.importRsaPublicKey(components);
      const wrapped = Object.create(real);
      wrapped.encryptPkcs1v15 = (pt: Uint8Array) => pick(pt.slice());
      return wrapped;
    },
  };
}

interface Outcome {
  alerts: string[];
  /** Server bytes sent after its first flight, hex. */
  laterWire: string[];
  status: string;
  stateWhenFinishedArrived?: string;
  alertsBeforeFinished: number;
  closedEarly: boolean;
  handshake: boolean;
}

/** Runs a handshake whose ClientKeyExchange carries `pick(premaster)` as the RSA ciphertext. */
async function attack(
  provider: CryptoProvider,
  pick: (premaster: Uint8Array) => Uint8Array,
  withFinished: boolean,
): Promise<Outcome> {
  let stateWhenFinishedArrived: string | undefined;
  let alertsBeforeFinished = -1;
  let closedEarly = false;
  const run = await runTapped(
    clientOptions({ provider: hostileClientProvider(provider, pick) }),
    serverOptions({ provider, key: serverKeyFor(provider) }),
    (unit, receiver) => {
      if (unit.from !== "client") return [unit.bytes];
      if (unit.type === 20) {
        closedEarly = receiver.status === "closed";
        alertsBeforeFinished = receiver.error ? 1 : 0;
        if (!withFinished) return null;
      }
      if (unit.encrypted && unit.type === 22) {
        stateWhenFinishedArrived = receiver.stateName;
        if (!withFinished) return null;
      }
      return [unit.bytes];
    },
  );
  const outcome: Outcome = {
    alerts: alertsSent(run.serverLog),
    laterWire: run.serverLog.wire.slice(1).map((b) => Buffer.from(b).toString("hex")),
    status: run.server.status,
    stateWhenFinishedArrived,
    alertsBeforeFinished,
    closedEarly,
    handshake: run.serverLog.handshake !== undefined,
  };
  run.client.destroy();
  run.server.destroy();
  return outcome;
}

const CASE_NAMES = Object.keys(maliciousCiphertexts(new Uint8Array(48)));

describe.each(PROVIDERS)("Bleichenbacher/ROBOT, server role ($name provider)", ({ provider }) => {
  beforeAll(() => init());

  it("control: an untouched ClientKeyExchange (re-encrypted by hand) completes the handshake", async () => {
    const outcome = await attack(provider, (pm) => rawEncrypt(block({ message: pm })), true);
    expect(outcome.handshake).toBe(true);
    expect(outcome.alerts).toEqual([]);
  });

  it.each(CASE_NAMES)("%s, with CCS/Finished: bad_record_mac after Finished, same bytes", async (name) => {
    const outcome = await attack(provider, (pm) => maliciousCiphertexts(pm)[name], true);
    expect(outcome).toEqual({
      alerts: ["bad_record_mac"],
      laterWire: ["15030300020214"], // one plaintext fatal bad_record_mac alert, nothing else
      status: "closed",
      stateWhenFinishedArrived: "ExpectFinished",
      alertsBeforeFinished: 0,
      closedEarly: false,
      handshake: false,
    });
  });

  it.each(CASE_NAMES)("%s, without CCS/Finished: no alert, no close (same as a valid one)", async (name) => {
    const valid = await attack(provider, (pm) => rawEncrypt(block({ message: pm })), false);
    const outcome = await attack(provider, (pm) => maliciousCiphertexts(pm)[name], false);
    expect(outcome).toEqual(valid);
    expect(outcome).toMatchObject({ alerts: [], laterWire: [], status: "handshaking", closedEarly: false });
  });
});
