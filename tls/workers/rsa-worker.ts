// The worker side of RsaWorkerPool: loads the WASM core and the private key once, then answers
// private-key operations posted by the pool (one at a time, in order).
import { parentPort, workerData } from "node:worker_threads";
import { init } from "../../bindings/index.js";
import { RsaPrivateKey } from "../../bindings/rsa/private-key.js";
import type { HashName, RsaPrivateComponents, SignatureHash } from "../provider.js";
import type { RsaWorkerReply, RsaWorkerRequest } from "./rsa-protocol.js";

const port = parentPort;
if (!port) throw new Error("rsa-worker must run in a worker thread");

await init();
const key = RsaPrivateKey.fromComponents(workerData as RsaPrivateComponents);

function run(request: RsaWorkerRequest): Uint8Array {
  switch (request.op) {
    case "premaster":
      return key.decryptTlsPremaster(request.input, request.clientVersion);
    case "pkcs1":
      return key.signDigestPkcs1v15(request.hash as SignatureHash, request.input);
    case "pss":
      return key.signDigestPss(request.hash as HashName, request.input);
  }
}

port.on("message", (request: RsaWorkerRequest | "dispose") => {
  if (request === "dispose") {
    key.dispose();
    port.close();
    return;
  }
  let reply: RsaWorkerReply;
  try {
    const result = run(request);
    reply = { id: request.id, result };
    port.postMessage(reply, [result.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    reply = { id: request.id, error: { code: e.code ?? "ERR_WASSL_RSA_WORKER", message: String(e.message ?? error) } };
    port.postMessage(reply);
  }
});
port.postMessage("ready");
