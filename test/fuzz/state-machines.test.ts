// Fuzzing both handshake state machines with mutated valid transcripts. Invariants for every input:
// `receive()` resolves (bounded by a timeout: no hang), the connection fails only with a protocol alert
// (never ERR_TLS_INTERNAL, i.e. no uncaught exception inside the engine), `close` is emitted at most
// once, and a connection still waiting for bytes buffers at most one record plus one handshake message.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/wasm.js";
import type { TlsConnection } from "../../tls/index.js";
import { TlsClient, TlsServer } from "../../tls/index.js";
import { runTapped, withTimeout } from "../support/record-tap.js";
import { clientOptions, PROVIDERS, serverKeyFor, serverOptions } from "../tls/fixtures.js";
import { applyMutations, fuzzRuns, fuzzTimeout, mutations } from "./mutate.js";

const MAX_RECORD = 5 + 16384 + 2048;
const MAX_MESSAGE = 4 + 65536;

interface Internals {
  reader: { pendingBytes: number };
  reassembler: { buffer: Uint8Array };
}

/** Checks the invariants on a connection after it processed fuzzed input. */
function checkInvariants(connection: TlsConnection, closes: number): void {
  expect(connection.error?.code ?? "none").not.toBe("ERR_TLS_INTERNAL");
  expect(closes).toBeLessThanOrEqual(1);
  if (connection.status === "closed") {
    expect(closes).toBe(1);
  } else {
    const internals = connection as unknown as Internals;
    expect(internals.reader.pendingBytes).toBeLessThanOrEqual(MAX_RECORD);
    expect(internals.reassembler.buffer.length).toBeLessThanOrEqual(MAX_MESSAGE + 16384);
  }
}

async function feed(connection: TlsConnection, bytes: Uint8Array, sizes: number[]): Promise<number> {
  let closes = 0;
  connection.on("close", () => closes++);
  const pending: Promise<void>[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    pending.push(connection.receive(bytes.subarray(at, at + n)));
    at += n;
  }
  await withTimeout(Promise.all(pending), 5000, "receive()");
  return closes;
}

const CI = 150;
const chunkSizes = fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 4 });

describe.each(PROVIDERS)("state machines under mutated transcripts ($name provider)", ({ provider }) => {
  const wire: { client: Uint8Array; server: Uint8Array } = { client: new Uint8Array(0), server: new Uint8Array(0) };
  const server = () => serverOptions({ provider, key: serverKeyFor(provider) });
  const client = () => clientOptions({ provider });

  beforeAll(async () => {
    await init();
    const run = await runTapped(client(), server());
    expect(run.serverLog.handshake).toBeDefined();
    wire.client = run.sent("client");
    wire.server = run.sent("server");
  });

  it(
    "server fed a mutated client transcript",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutations, chunkSizes, async (ms, sizes) => {
          const connection = new TlsServer(server());
          const closes = await feed(connection, applyMutations(wire.client, ms, wire.server), sizes);
          checkInvariants(connection, closes);
          connection.destroy();
        }),
        { numRuns: fuzzRuns(CI) },
      );
    },
    fuzzTimeout(CI, 30),
  );

  it(
    "client fed a mutated server transcript",
    async () => {
      await fc.assert(
        fc.asyncProperty(mutations, chunkSizes, async (ms, sizes) => {
          const connection = new TlsClient(client());
          await connection.start();
          connection.takeOutput();
          const closes = await feed(connection, applyMutations(wire.server, ms, wire.client), sizes);
          checkInvariants(connection, closes);
          connection.destroy();
        }),
        { numRuns: fuzzRuns(CI) },
      );
    },
    fuzzTimeout(CI, 30),
  );

  it(
    "live handshake with one mutated unit (any flight, either direction, encrypted ones included)",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.nat({ max: 5 }), mutations, async (fromClient, index, ms) => {
          const from = fromClient ? "client" : "server";
          const run = await runTapped(
            client(),
            server(),
            (unit) => (unit.from === from && unit.index === index ? [applyMutations(unit.bytes, ms)] : [unit.bytes]),
            5000,
          );
          for (const [connection, log] of [
            [run.client, run.clientLog],
            [run.server, run.serverLog],
          ] as const) {
            expect(connection.error?.code ?? "none").not.toBe("ERR_TLS_INTERNAL");
            if (log.handshake === undefined && connection.status !== "closed") {
              // Waiting for bytes that never come is allowed; the buffers must still be bounded.
              checkInvariants(connection, 0);
            }
          }
          run.client.destroy();
          run.server.destroy();
        }),
        { numRuns: fuzzRuns(Math.round(CI / 2)) },
      );
    },
    fuzzTimeout(CI, 60),
  );
});
