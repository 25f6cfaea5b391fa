// A worker_threads pool for RSA private-key operations: the server's premaster
// decryption and CertificateVerify/ServerKeyExchange signatures run on all cores, so a Node server's
// full-handshake rate scales with them. Node only (not exported from the browser-safe entry).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { WasslError } from "../../bindings/errors.js";
import { wasmProvider } from "../../bindings/provider.js";
import type {
  CryptoProvider,
  HashName,
  ProviderRsaPrivateKey,
  ProviderRsaPublicKey,
  RsaPrivateComponents,
  SignatureHash,
} from "../provider.js";
import type { RsaWorkerReply, RsaWorkerRequest, RsaWorkerStartup } from "./rsa-protocol.js";

/** Options of {@link RsaWorkerPool.create}. */
export interface RsaWorkerPoolOptions {
  /** Worker threads (default: the number of cores). */
  size?: number;
  /** Provider for the public half kept on this thread (default: the WASM provider; needs `init()`). */
  provider?: CryptoProvider;
  /**
   * The worker module (default: the compiled `rsa-worker.js` next to this file). Running from the
   * TypeScript sources, pass a bundle of `rsa-worker.ts` (tests use a `data:` URL built with esbuild).
   */
  workerUrl?: URL;
}

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

/** A request waiting for a worker, with its promise's callbacks. */
interface Queued extends Pending {
  request: RsaWorkerRequest;
}

/**
 * Operations posted to one worker at a time: the one it runs and the next, so that it never waits
 * for this thread between two operations, while the rest wait in the pool's queue for whichever
 * worker is free first (a worker the OS descheduled holds up at most this many).
 */
const WORKER_DEPTH = 2;

interface PoolWorker {
  worker: Worker;
  inFlight: number;
}

/**
 * RSA private operations of one key on a pool of worker threads, each with its own WASM core and copy
 * of the key. `privateKey` is a {@link ProviderRsaPrivateKey} whose operations return Promises (the
 * engine awaits them); pass it as the server's `key` option (or in a secure context).
 * @example
 * await init();
 * const pool = await RsaWorkerPool.create(decodeRsaPrivateKeyPem(keyPem));
 * const context = createSecureContext({ cert, key: pool.privateKey });
 * // … new TlsServer({ secureContext: context }) per connection …
 * await pool.close();
 */
export class RsaWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private closed = false;
  /** The pooled key, for the `key` option. */
  readonly privateKey: ProviderRsaPrivateKey;

  private constructor(
    components: RsaPrivateComponents,
    size: number,
    private readonly publicKey: ProviderRsaPublicKey,
    workerUrl: URL,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl, { workerData: components });
      worker.unref();
      const entry = { worker, inFlight: 0 };
      worker.on("message", (reply: RsaWorkerReply | RsaWorkerStartup) => this.onReply(entry, reply));
      worker.on("error", (error) => this.failAll(error));
      this.workers.push(entry);
    }
    this.privateKey = {
      bits: publicKey.bits,
      publicKey,
      decryptTlsPremaster: (ciphertext, clientVersion) =>
        this.submit({ id: 0, op: "premaster", input: new Uint8Array(ciphertext), clientVersion }),
      signPkcs1v15: (hash: SignatureHash, digest) =>
        this.submit({ id: 0, op: "pkcs1", input: new Uint8Array(digest), hash }),
      signPss: (hash: HashName, digest) => this.submit({ id: 0, op: "pss", input: new Uint8Array(digest), hash }),
    };
  }

  /**
   * Starts `size` workers with the key and resolves once every one has loaded it and passed the
   * startup self-test (one checked signature, which also warms the WASM code up). Rejects (and stops
   * the workers) when a worker cannot start, e.g. with `ERR_WASSL_RSA_FAULT` for inconsistent key
   * components.
   */
  static async create(components: RsaPrivateComponents, options: RsaWorkerPoolOptions = {}): Promise<RsaWorkerPool> {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new WasslError("ERR_WASSL_POOL_SIZE", "pool size must be ≥ 1");
    const provider = options.provider ?? wasmProvider;
    const publicKey = provider.importRsaPublicKey({ n: components.n, e: components.e });
    const workerUrl = options.workerUrl ?? new URL("./rsa-worker.js", import.meta.url);
    const pool = new RsaWorkerPool(components, size, publicKey, workerUrl);
    await Promise.all(
      pool.workers.map(
        ({ worker }) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: RsaWorkerStartup) => {
              if (m === "ready") {
                worker.off("message", onMessage);
                worker.off("error", reject);
                resolve();
              } else if (typeof m === "object" && "startupError" in m) {
                reject(new WasslError(m.startupError.code, m.startupError.message));
              }
            };
            worker.on("message", onMessage);
            worker.once("error", reject);
            worker.once("exit", (code) => reject(new WasslError("ERR_WASSL_RSA_WORKER", `worker exited (${code})`)));
          }),
      ),
    ).catch(async (error) => {
      await pool.close();
      throw error;
    });
    return pool;
  }

  /** Worker threads in the pool. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Operations waiting for a free worker (each worker holds at most two: the one it runs and the
   * next). A server can watch it to shed load before handshakes queue up.
   */
  get queued(): number {
    return this.queue.length;
  }

  /** Stops the workers (each wipes its key first); pending operations reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failAll(new WasslError("ERR_WASSL_POOL_CLOSED", "RSA worker pool closed"));
    await Promise.all(
      this.workers.map(async ({ worker }) => {
        worker.postMessage("dispose");
        await worker.terminate();
      }),
    );
    this.publicKey.dispose?.();
  }

  private submit(request: RsaWorkerRequest): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new WasslError("ERR_WASSL_POOL_CLOSED", "RSA worker pool closed"));
    return new Promise<Uint8Array>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Hands queued operations to workers below WORKER_DEPTH (least busy first); the rest wait. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let target: PoolWorker | undefined;
      for (const w of this.workers) {
        if (w.inFlight < WORKER_DEPTH && (!target || w.inFlight < target.inFlight)) target = w;
      }
      if (!target) break;
      const { request, resolve, reject } = this.queue.shift() as Queued;
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      target.inFlight++;
      target.worker.ref();
      target.worker.postMessage({ ...request, id }, [request.input.buffer as ArrayBuffer]);
    }
  }

  private onReply(entry: PoolWorker, reply: RsaWorkerReply | RsaWorkerStartup): void {
    if (reply === "ready" || "startupError" in reply) return;
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (--entry.inFlight === 0) entry.worker.unref();
    if (reply.error) waiting.reject(new WasslError(reply.error.code, reply.error.message));
    else waiting.resolve(reply.result as Uint8Array);
    this.dispatch();
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    for (const { reject } of this.queue.splice(0)) reject(error);
    for (const w of this.workers) {
      w.inFlight = 0;
      w.worker.unref();
    }
  }
}
