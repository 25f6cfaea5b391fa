// The worker side of RsaWorkerPool: loads the WASM core and the private key once, checks the key with
// one signature (which also warms the WASM code up before the first handshake), then answers
// private-key operations posted by the pool (one at a time, in order).
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { init } from "../../bindings/index.js";
import { RsaPrivateKey } from "../../bindings/rsa/private-key.js";
import type { HashName, RsaPrivateComponents, SignatureHash } from "../provider.js";
import type { RsaWorkerReply, RsaWorkerRequest, RsaWorkerStartup } from "./rsa-protocol.js";

const port = parentPort;
if (!port) throw new Error("rsa-worker must run in a worker thread");

/** The code and message of an error, for posting to the pool. */
function describe(error: unknown, fallbackCode: string): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === "string" ? e.code : fallbackCode,
    message: String(e?.message ?? error),
  };
}

/**
 * Imports the key and runs the startup self-test: one PKCS#1 v1.5 signature of a fixed digest. The
 * private operation checks its result against the public half, so inconsistent components (p, q, dp,
 * dq, qinv not matching n and e) fail here with ERR_WASSL_RSA_FAULT instead of in a handshake.
 */
function loadCheckedKey(components: RsaPrivateComponents): RsaPrivateKey {
  const key = RsaPrivateKey.fromComponents(components);
  try {
    key.signDigestPkcs1v15("sha256", new Uint8Array(32).fill(0x5a));
    return key;
  } catch (error) {
    key.dispose();
    throw error;
  }
}

/** Loads and checks the key, or tells the pool why it could not and returns undefined. */
async function start(messages: MessagePort): Promise<RsaPrivateKey | undefined> {
  try {
    await init();
    return loadCheckedKey(workerData as RsaPrivateComponents);
  } catch (error) {
    const failed: RsaWorkerStartup = { startupError: describe(error, "ERR_WASSL_RSA_WORKER") };
    messages.postMessage(failed);
    messages.close();
    return undefined;
  }
}

function runRsaRequest(key: RsaPrivateKey, request: RsaWorkerRequest): Uint8Array {
  switch (request.op) {
    case "premaster":
      return key.decryptTlsPremaster(request.input, request.clientVersion);
    case "pkcs1":
      return key.signDigestPkcs1v15(request.hash as SignatureHash, request.input);
    case "pss":
      return key.signDigestPss(request.hash as HashName, request.input);
  }
}

/** Answers the pool's requests until it sends "dispose". */
function serve(messages: MessagePort, key: RsaPrivateKey): void {
  messages.on("message", (request: RsaWorkerRequest | "dispose") => {
    if (request === "dispose") {
      key.dispose();
      messages.close();
      return;
    }
    try {
      const result = runRsaRequest(key, request);
      const reply: RsaWorkerReply = { id: request.id, result };
      messages.postMessage(reply, [result.buffer as ArrayBuffer]);
    } catch (error) {
      const reply: RsaWorkerReply = { id: request.id, error: describe(error, "ERR_WASSL_RSA_WORKER") };
      messages.postMessage(reply);
    }
  });
  const ready: RsaWorkerStartup = "ready";
  messages.postMessage(ready);
}

const key = await start(port);
if (key) serve(port, key);
