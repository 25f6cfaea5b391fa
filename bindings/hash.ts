// MD5, SHA-1 and SHA-2 (FIPS 180-4, RFC 1321): one-shot functions and incremental contexts.
import type { Hash, HashName } from "../tls/provider.js";
import { WasslError } from "./errors.js";
import {
  absorb,
  contextFinished,
  HASH_ALGORITHMS,
  type HashAlgorithm,
  type HashCore,
  hashCore,
  hashSlots,
} from "./hash-core.js";

/** An incremental hash context in a WASM slot; satisfies the provider's `Hash`. */
export class HashContext implements Hash {
  readonly outputLength: number;
  readonly blockLength: number;
  private slot: number;
  private ptr: number;
  private readonly generation: number;

  /** @internal Use `sha256.create()` (or `createHash(name)`). */
  constructor(
    readonly algorithm: HashAlgorithm,
    copyFrom?: number,
  ) {
    const core = hashCore();
    this.outputLength = algorithm.outputLength;
    this.blockLength = algorithm.blockLength;
    this.generation = core.generation;
    this.slot = hashSlots.acquire(this);
    this.ptr = hashSlots.ptr(this.slot);
    if (copyFrom === undefined) core.ex.hashInit(this.ptr, algorithm.id);
    else core.heap.copyWithin(this.ptr, copyFrom, copyFrom + hashSlots.size);
  }

  private live(): HashCore {
    const core = hashCore();
    if (this.ptr < 0 || core.generation !== this.generation) contextFinished("hash");
    return core;
  }

  /** Absorbs `data`; inputs longer than the I/O region are streamed in chunks. */
  update(data: Uint8Array): this {
    const core = this.live();
    absorb(core, core.ex.hashUpdate, this.ptr, data);
    return this;
  }

  /** Returns the digest and frees the context (only dispose(), a no-op, is valid afterwards). */
  digest(): Uint8Array {
    const core = this.live();
    core.ex.hashFinal(this.ptr);
    const out = core.heap.slice(core.digestPtr, core.digestPtr + this.outputLength);
    this.dispose();
    return out;
  }

  /** An independent copy of the running state (e.g. a transcript hash forked for Finished). */
  clone(): HashContext {
    this.live();
    return new HashContext(this.algorithm, this.ptr);
  }

  /** Wipes the state and returns its slot. Safe to call more than once. */
  dispose(): void {
    if (this.ptr < 0) return;
    if (hashCore().generation === this.generation) hashSlots.release(this.slot, this);
    this.ptr = -1;
  }
}

/** A hash function: call it for a one-shot digest, or `create()` an incremental context. */
export interface HashFunction {
  /** The digest of `data`. */
  (data: Uint8Array): Uint8Array;
  /** Algorithm name as in the provider's `HashName`. */
  readonly hashName: HashName;
  /** Digest size in bytes. */
  readonly outputLength: number;
  /** Block size in bytes. */
  readonly blockLength: number;
  /** A new incremental context. */
  create(): HashContext;
}

/** @internal One-shot digest: inputs that fit the I/O region are padded in place in one call. */
export function digestOf(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array {
  const core = hashCore();
  if (data.length > core.oneshotMax) return new HashContext(algorithm).update(data).digest();
  core.io.set(data);
  core.ex.hashOneshot(algorithm.id, data.length);
  return core.heap.slice(core.digestPtr, core.digestPtr + algorithm.outputLength);
}

function hashFunction(algorithm: HashAlgorithm): HashFunction {
  const fn = (data: Uint8Array): Uint8Array => digestOf(algorithm, data);
  return Object.assign(fn, {
    hashName: algorithm.name,
    outputLength: algorithm.outputLength,
    blockLength: algorithm.blockLength,
    create: () => new HashContext(algorithm),
  });
}

/** MD5 (RFC 1321). Broken for collision resistance; kept for SSL 3.0/TLS 1.0–1.1. @example md5(bytes) */
export const md5: HashFunction = hashFunction(HASH_ALGORITHMS.md5);
/** SHA-1 (FIPS 180-4). Broken for collision resistance; kept for TLS ≤ 1.1 and HMAC-SHA1 suites. */
export const sha1: HashFunction = hashFunction(HASH_ALGORITHMS.sha1);
/** SHA-224 (FIPS 180-4). */
export const sha224: HashFunction = hashFunction(HASH_ALGORITHMS.sha224);
/** SHA-256 (FIPS 180-4). @example sha256(new TextEncoder().encode("abc")); sha256.create().update(a).update(b).digest() */
export const sha256: HashFunction = hashFunction(HASH_ALGORITHMS.sha256);
/** SHA-384 (FIPS 180-4). */
export const sha384: HashFunction = hashFunction(HASH_ALGORITHMS.sha384);
/** SHA-512 (FIPS 180-4). */
export const sha512: HashFunction = hashFunction(HASH_ALGORITHMS.sha512);

const BY_NAME: Readonly<Record<HashName, HashFunction>> = { md5, sha1, sha224, sha256, sha384, sha512 };

/** @internal Resolves a hash function object or a `HashName` to its algorithm; throws for others. */
export function resolveHash(hash: HashFunction | HashName): HashAlgorithm {
  const name = typeof hash === "string" ? hash : hash?.hashName;
  const algorithm = Object.hasOwn(HASH_ALGORITHMS, name) ? HASH_ALGORITHMS[name] : undefined;
  if (!algorithm) throw new WasslError("ERR_WASSL_UNKNOWN_HASH", `wassl: unknown hash ${String(name)}`);
  return algorithm;
}

/** The hash function object for `name`. */
export function hashByName(name: HashName): HashFunction {
  return BY_NAME[resolveHash(name).name];
}

/** One-shot digest of `data` with the hash named `name` (the provider's `hash`). */
export function hash(name: HashName, data: Uint8Array): Uint8Array {
  return digestOf(resolveHash(name), data);
}

/** A new incremental context for the hash named `name` (the provider's `createHash`). */
export function createHash(name: HashName): HashContext {
  return new HashContext(resolveHash(name));
}
