// Mutated handshake flights never crash the engine: each ends in a protocol alert (never
// internal_error), or is still waiting for more bytes, and `receive()` always resolves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TlsClient, TlsServer } from "../../tls/index.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, serverOptions } from "./fixtures.js";

async function recordFlights() {
  const flights: { from: string; bytes: Uint8Array }[] = [];
  await handshakePair(clientOptions(), serverOptions(), (from, bytes) => {
    flights.push({ from, bytes });
    return bytes;
  });
  return flights;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);

function mutate(bytes: Uint8Array, m: { kind: string; at: number; bit?: number; value?: number }): Uint8Array {
  const at = m.at % bytes.length;
  if (m.kind === "truncate") return bytes.slice(0, at);
  const out = bytes.slice();
  out[at] = m.kind === "flip" ? out[at] ^ (1 << (m.bit ?? 0)) : (m.value ?? 0);
  return out;
}

describe("mutated flights", () => {
  it("server: mutated ClientHello", async () => {
    const [clientHello] = await recordFlights();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const server = new TlsServer(serverOptions());
        const bytes = ms.reduce((b, m) => mutate(b, m), clientHello.bytes);
        await server.receive(bytes);
        expect(server.error?.code ?? "none").not.toBe("ERR_TLS_INTERNAL");
      }),
      { numRuns: 300 },
    );
  });

  it("client: mutated server flight", async () => {
    const [, serverFlight] = await recordFlights();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const client = new TlsClient(clientOptions());
        await client.start();
        client.takeOutput();
        const bytes = ms.reduce((b, m) => mutate(b, m), serverFlight.bytes);
        await client.receive(bytes);
        expect(client.error?.code ?? "none").not.toBe("ERR_TLS_INTERNAL");
      }),
      { numRuns: 300 },
    );
  });
});
