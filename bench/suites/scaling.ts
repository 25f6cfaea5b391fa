// Two-core scaling on this machine, the reference for the worker-pool handshake group in tls.ts: the
// same batch of RSA-2048 private operations on one thread and on two worker threads. Ours on the
// RsaWorkerPool (one message per operation, as in a handshake) and on two plain workers given half
// the batch each in one message ("wassl-2-threads"), and node:crypto's likewise: the plain-worker
// figures show what the cores give to work that needs no coordination.
// Timed by the wall clock: CPU time would add up the threads.
import * as crypto from "node:crypto";
import { Worker } from "node:worker_threads";
import { init, RsaPrivateKey } from "../../bindings/index.js";
import { DEMO_SERVER_KEY_PEM } from "../../cli/demo-credentials.js";
import { rsaWorkerBundleUrl, workerBundleUrl } from "../../test/support/rsa-worker-bundle.js";
import { RsaWorkerPool } from "../../tls/workers/rsa-pool.js";
import { decodeRsaPrivateKeyPem } from "../../tls/x509/keys.js";
import type { BenchGroup, BenchSuite } from "../types.js";

/** Private operations per timed batch (in flight at once on the pool). */
const BATCH = 32;
/** The client version passed with the premaster ciphertext. */
const TLS12 = 0x0303;

/** A worker that runs `count` raw node:crypto private operations per message and replies when done. */
const NODE_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const crypto = require("node:crypto");
const key = crypto.createPrivateKey(workerData.pem);
const input = Buffer.from(workerData.input);
const padding = crypto.constants.RSA_NO_PADDING;
parentPort.on("message", (count) => {
  for (let i = 0; i < count; i++) crypto.privateDecrypt({ key, padding }, input);
  parentPort.postMessage(count);
});
parentPort.postMessage("ready");`;

/**
 * Starts two workers from `source` (eval'd CommonJS text or a module URL) that answer a count with
 * that many operations, and returns a function running one batch split across them (once both are
 * ready).
 */
async function twoThreads(source: string | URL, input: Uint8Array): Promise<() => Promise<unknown>> {
  const workers = [0, 1].map(() => {
    const worker = new Worker(source, {
      eval: typeof source === "string",
      workerData: { pem: DEMO_SERVER_KEY_PEM, input },
    });
    worker.unref();
    return worker;
  });
  const reply = (worker: Worker) => new Promise((resolve) => worker.once("message", resolve));
  await Promise.all(workers.map(reply));
  return () =>
    Promise.all(
      workers.map((worker) => {
        const done = reply(worker);
        worker.postMessage(BATCH / 2);
        return done;
      }),
    );
}

/** Runs `op` BATCH times on this thread. */
function inline(op: () => unknown): () => void {
  return () => {
    for (let i = 0; i < BATCH; i++) op();
  };
}

const suite: BenchSuite = async (): Promise<BenchGroup[]> => {
  await init();
  // Below the modulus (its top byte is at least 0x80); not valid PKCS#1, so the premaster decoding
  // takes the implicit-rejection path, which costs the same.
  const input = crypto.randomBytes(256);
  input[0] = 0;
  const ciphertext = new Uint8Array(input);
  const ours = RsaPrivateKey.fromPem(DEMO_SERVER_KEY_PEM);
  const pool = await RsaWorkerPool.create(decodeRsaPrivateKeyPem(DEMO_SERVER_KEY_PEM), {
    size: 2,
    workerUrl: rsaWorkerBundleUrl(),
  });
  const nodeKey = crypto.createPrivateKey(DEMO_SERVER_KEY_PEM);
  const padding = crypto.constants.RSA_NO_PADDING;
  const batch = Array.from({ length: BATCH });
  const pooled = () => Promise.all(batch.map(() => pool.privateKey.decryptTlsPremaster(ciphertext, TLS12)));
  return [
    {
      id: `rsa-2048 private ×${BATCH}: one thread vs two worker threads`,
      clock: "wall",
      minIterations: 8,
      cases: [
        { name: "wassl", fn: inline(() => ours.decryptTlsPremaster(ciphertext, TLS12)) },
        { name: "wassl-pool-2", fn: pooled },
        {
          name: "wassl-2-threads",
          fn: await twoThreads(workerBundleUrl(new URL("../support/rsa-batch-worker.ts", import.meta.url)), ciphertext),
        },
        { name: "node:crypto", fn: inline(() => crypto.privateDecrypt({ key: nodeKey, padding }, input)) },
        { name: "node:crypto-2-threads", fn: await twoThreads(NODE_WORKER, ciphertext) },
      ],
    },
  ];
};

export default suite;
