// Endurance of the sans-I/O engine on the WASM provider: many in-memory handshakes leave the JS heap
// and WASM memory flat and every WASM slot pool back at its baseline. Measured in a child process run
// with --expose-gc (scripts/endurance.ts); `npm run endurance` runs 100,000 handshakes.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { rsaKeyPool } from "../../bindings/rsa/key-slot.js";
import { init } from "../../bindings/wasm.js";
import type { EnduranceReport } from "../../scripts/endurance.js";
import { testPki } from "../support/certs.js";
import { runTapped } from "../support/record-tap.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const HANDSHAKES = Number(process.env.ENDURANCE_HANDSHAKES ?? 300);

describe("in-memory endurance (WASM provider)", () => {
  it(`${HANDSHAKES} handshakes: heap and WASM memory flat, slots back to baseline after every batch`, () => {
    const out = execFileSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", join(root, "scripts", "endurance.ts"), String(HANDSHAKES), "--json"],
      { cwd: root, encoding: "utf8", maxBuffer: 16 << 20 },
    );
    const report = JSON.parse(out.trim().split("\n").pop()!) as EnduranceReport;
    const { baseline, samples } = report;
    console.log(
      `endurance: ${report.handshakes} handshakes in ${report.seconds.toFixed(1)} s; heap after gc (MiB): baseline ${(baseline.heapUsed / 1048576).toFixed(2)}, samples ${samples.map((s) => (s.heapUsed / 1048576).toFixed(2)).join(" ")}`,
    );
    expect(samples).toHaveLength(10);
    for (const s of samples) {
      // Slots are counted right after the connections closed, before any GC: explicit disposal only.
      expect(s.slots).toEqual(baseline.slots);
      expect(s.wasmMemory).toBe(baseline.wasmMemory);
    }
    // Flat heap: no growth between the first and the last tenth beyond noise (1 MiB), whatever the count.
    const first = samples[0].heapUsed;
    const last = samples[samples.length - 1].heapUsed;
    expect(last - first).toBeLessThan(1 << 20);
    expect(last - baseline.heapUsed).toBeLessThan(2 << 20);
  }, 600_000);
});

describe("slot leak regression", () => {
  beforeAll(() => init());

  it("a client on the default WASM provider frees the server's RSA key slot without waiting for GC", async () => {
    const pki = testPki();
    const before = rsaKeyPool.inUse();
    const run = await runTapped(
      { ca: pki.caCert, servername: "localhost" },
      { cert: pki.serverCert, key: pki.serverKey },
    );
    expect(run.clientLog.handshake).toBeDefined();
    await run.client.close();
    await run.settle();
    expect(run.server.status).toBe("closed");
    // Server key (parsed per connection), the server's public key on the client, the CA key used for
    // the chain signature: all released when the connections closed.
    expect(rsaKeyPool.inUse()).toBe(before);
  });
});
