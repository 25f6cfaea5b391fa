// Endurance run (issue 8): many in-memory handshakes through the sans-I/O engine on the WASM provider,
// measuring the JS heap (after global.gc), WASM memory and the WASM slot pools at checkpoints.
// Run with `node --expose-gc --import tsx scripts/endurance.ts [handshakes] [--json]`
// (`npm run endurance` runs 100,000; the test in test/endurance runs a CI-sized count).
import { cipherSlots } from "../bindings/cipher/core.js";
import { hashSlots, hmacSlots } from "../bindings/hash-core.js";
import { rsaKeyPool } from "../bindings/rsa/key-slot.js";
import { heap, init } from "../bindings/wasm.js";
import { testPki } from "../test/support/certs.js";
import { createSecureContext, TlsClient, TlsServer } from "../tls/index.js";

/** One measurement. */
export interface EnduranceSample {
  handshakes: number;
  /** process.memoryUsage().heapUsed after gc(), bytes. */
  heapUsed: number;
  /** WASM linear memory size, bytes (fixed by design: it must never change). */
  wasmMemory: number;
  /** Slots in use per pool right after the connections were closed (before any GC). */
  slots: Record<string, number>;
}

/** The report printed with `--json`. */
export interface EnduranceReport {
  handshakes: number;
  seconds: number;
  baseline: EnduranceSample;
  samples: EnduranceSample[];
}

const gc = (globalThis as { gc?: () => void }).gc;

function slotsInUse(): Record<string, number> {
  return { rsa: rsaKeyPool.inUse(), hash: hashSlots.inUse(), hmac: hmacSlots.inUse(), cipher: cipherSlots.inUse() };
}

async function settleGc(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function sample(handshakes: number, slots: Record<string, number>): Promise<EnduranceSample> {
  await settleGc();
  return { handshakes, heapUsed: process.memoryUsage().heapUsed, wasmMemory: heap().buffer.byteLength, slots };
}

/** One full handshake, a round trip of application data, and an orderly close, all in memory. */
async function oneSession(
  clientContext: ReturnType<typeof createSecureContext>,
  serverContext: ReturnType<typeof createSecureContext>,
): Promise<void> {
  const client = new TlsClient({ secureContext: clientContext, servername: "localhost" });
  const server = new TlsServer({ secureContext: serverContext });
  const pending: Promise<void>[] = [];
  client.on("send", (b) => pending.push(server.receive(b)));
  server.on("send", (b) => pending.push(client.receive(b)));
  let echoed = 0;
  server.on("data", (d) => pending.push(server.write(d)));
  client.on("data", (d) => {
    echoed += d.length;
  });
  pending.push(client.start());
  pending.push(client.write(new Uint8Array(100).fill(7)));
  while (pending.length > 0) await pending.shift();
  if (echoed !== 100)
    throw new Error(
      `echo lost: ${echoed} of 100 bytes (${client.error?.message ?? server.error?.message ?? client.status})`,
    );
  pending.push(client.close());
  while (pending.length > 0) await pending.shift();
  if (client.status !== "closed" || server.status !== "closed") throw new Error("close did not complete");
}

/** Runs `total` sessions and samples ten times. */
export async function runEndurance(total: number, log: (line: string) => void = () => {}): Promise<EnduranceReport> {
  await init();
  const pki = testPki();
  const serverContext = createSecureContext({ cert: pki.serverCert, key: pki.serverKey });
  const clientContext = createSecureContext({ ca: pki.caCert });
  for (let i = 0; i < 50; i++) await oneSession(clientContext, serverContext); // warm-up (JIT, caches)
  const baseline = await sample(0, slotsInUse());
  const samples: EnduranceSample[] = [];
  const step = Math.max(1, Math.floor(total / 10));
  const start = performance.now();
  for (let done = 0; done < total; ) {
    const batch = Math.min(step, total - done);
    for (let i = 0; i < batch; i++) await oneSession(clientContext, serverContext);
    done += batch;
    const s = await sample(done, slotsInUse());
    samples.push(s);
    log(
      `${done} handshakes: heap ${(s.heapUsed / 1048576).toFixed(1)} MiB, wasm ${s.wasmMemory / 1048576} MiB, slots ${JSON.stringify(s.slots)}`,
    );
  }
  return { handshakes: total, seconds: (performance.now() - start) / 1000, baseline, samples };
}

const isMain = process.argv[1]?.endsWith("endurance.ts");
if (isMain) {
  if (!gc) {
    console.error("run with node --expose-gc (the heap is measured after gc())");
    process.exit(2);
  }
  const total = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const json = process.argv.includes("--json");
  const report = await runEndurance(total, json ? undefined : console.log);
  if (json) console.log(JSON.stringify(report));
  else {
    const first = report.samples[0];
    const last = report.samples[report.samples.length - 1];
    console.log(
      `${total} handshakes in ${report.seconds.toFixed(1)} s (${(total / report.seconds).toFixed(0)}/s); heap baseline ${(report.baseline.heapUsed / 1048576).toFixed(1)} MiB, first sample ${(first.heapUsed / 1048576).toFixed(1)} MiB, last ${(last.heapUsed / 1048576).toFixed(1)} MiB`,
    );
  }
}
