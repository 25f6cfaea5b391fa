// A bench worker: loads the WASM core and one RSA key, then answers each message (a count) by running
// that many premaster decryptions of a fixed ciphertext and replying with the count. Plain batched
// messaging, no pool: the "wassl-2-threads" case of bench/suites/scaling.ts.
import { parentPort, workerData } from "node:worker_threads";
import { init, RsaPrivateKey } from "../../bindings/index.js";

const port = parentPort;
if (!port) throw new Error("rsa-batch-worker must run in a worker thread");
await init();
const { pem, input } = workerData as { pem: string; input: Uint8Array };
const key = RsaPrivateKey.fromPem(pem);
port.on("message", (count: number) => {
  for (let i = 0; i < count; i++) key.decryptTlsPremaster(input, 0x0303);
  port.postMessage(count);
});
port.postMessage("ready");
