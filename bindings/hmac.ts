// HMAC (RFC 2104) over every hash: one-shot and keyed reusable contexts.
import type { HashName, Hmac } from "../tls/provider.js";
import { digestOf, type HashFunction, resolveHash } from "./hash.js";
import { absorb, contextFinished, type HashAlgorithm, type HashCore, hashCore, hmacSlots } from "./hash-core.js";

/**
 * Copies the HMAC key into the second I/O region, hashing it first when longer than a block
 * (RFC 2104 §2, which the WASM side would do too), and returns its length there.
 */
function stageKey(core: HashCore, algorithm: HashAlgorithm, key: Uint8Array): number {
  const staged = key.length > algorithm.blockLength ? digestOf(algorithm, key) : key;
  core.io2.set(staged);
  return staged.length;
}

/** A keyed HMAC context in a WASM slot; `digest()` returns the tag and re-arms the key. */
export class HmacContext implements Hmac {
  readonly outputLength: number;
  private slot: number;
  private ptr: number;
  private readonly generation: number;

  /** @internal Use `hmac.create(hash, key)`. */
  constructor(
    readonly algorithm: HashAlgorithm,
    key: Uint8Array,
  ) {
    const core = hashCore();
    this.outputLength = algorithm.outputLength;
    this.generation = core.generation;
    this.slot = hmacSlots.acquire(this);
    this.ptr = hmacSlots.ptr(this.slot);
    const keyLen = stageKey(core, algorithm, key);
    core.ex.hmacInit(this.ptr, algorithm.id, core.io2Ptr, keyLen);
    core.io2.fill(0, 0, keyLen);
  }

  private live(): HashCore {
    const core = hashCore();
    if (this.ptr < 0 || core.generation !== this.generation) contextFinished("hmac");
    return core;
  }

  /** Absorbs message bytes; inputs longer than the I/O region are streamed in chunks. */
  update(data: Uint8Array): this {
    const core = this.live();
    absorb(core, core.ex.hmacUpdate, this.ptr, data);
    return this;
  }

  /** Returns the tag of the message so far and resets to the keyed state for the next message. */
  digest(): Uint8Array {
    const core = this.live();
    core.ex.hmacFinal(this.ptr);
    return core.heap.slice(core.digestPtr, core.digestPtr + this.outputLength);
  }

  /** Wipes the keyed state and returns its slot. Safe to call more than once. */
  dispose(): void {
    if (this.ptr < 0) return;
    if (hashCore().generation === this.generation) hmacSlots.release(this.slot, this);
    this.ptr = -1;
  }
}

/** One-shot HMAC: the tag of `data` under `key`. */
function hmacOneshot(hash: HashFunction | HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  const algorithm = resolveHash(hash);
  const core = hashCore();
  if (data.length > core.io.length) {
    const ctx = new HmacContext(algorithm, key);
    try {
      return ctx.update(data).digest();
    } finally {
      ctx.dispose();
    }
  }
  const keyLen = stageKey(core, algorithm, key);
  core.io.set(data);
  core.ex.hmacOneshot(algorithm.id, core.io2Ptr, keyLen, core.ioPtr, data.length);
  core.io2.fill(0, 0, keyLen);
  return core.heap.slice(core.digestPtr, core.digestPtr + algorithm.outputLength);
}

/** The `hmac` function with its `create` method. */
export interface HmacFunction {
  /** The HMAC tag of `data` under `key` (RFC 2104). @example hmac(sha256, key, data) */
  (hash: HashFunction | HashName, key: Uint8Array, data: Uint8Array): Uint8Array;
  /** A keyed context reusable for many messages without re-keying. @example hmac.create("sha256", key) */
  create(hash: HashFunction | HashName, key: Uint8Array): HmacContext;
}

/**
 * HMAC (RFC 2104) over any hash, given as a hash function (`sha256`) or a name (`"sha256"`).
 * @example
 * const tag = hmac(sha256, key, message);
 * const mac = hmac.create(sha1, macKey); mac.update(header).update(body).digest();
 */
export const hmac: HmacFunction = Object.assign(hmacOneshot, {
  create: (hash: HashFunction | HashName, key: Uint8Array) => new HmacContext(resolveHash(hash), key),
});
