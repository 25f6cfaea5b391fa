// Typed access to the hash/HMAC/PRF exports of the WASM core (assembly/hash), cached once per
// instantiation so that the per-call path is a property read and a function call.
import type { HashName } from "../tls/provider.js";
import { WasslError } from "./errors.js";
import { streamIn } from "./io.js";
import { SlotPool } from "./slots.js";
import { heap, ioRegion, onInit, wasmExports } from "./wasm.js";

/** The exports of assembly/hash/index.ts used by the bindings. */
export interface HashExports {
  hashSlotBase(): number;
  hashSlotCount(): number;
  hashSlotSize(): number;
  hmacSlotBase(): number;
  hmacSlotCount(): number;
  hmacSlotSize(): number;
  hashDigestPtr(): number;
  hashOneshotMax(): number;
  hashInit(state: number, alg: number): void;
  hashUpdate(state: number, ptr: number, len: number): void;
  hashFinal(state: number): void;
  hashOneshot(alg: number, len: number): void;
  hmacInit(ctx: number, alg: number, key: number, keyLen: number): void;
  hmacUpdate(ctx: number, ptr: number, len: number): void;
  hmacFinal(ctx: number): void;
  hmacOneshot(alg: number, key: number, keyLen: number, ptr: number, len: number): void;
  prfTls12(
    alg: number,
    secret: number,
    secretLen: number,
    seed: number,
    seedLen: number,
    out: number,
    outLen: number,
  ): void;
  prfTls10(secret: number, secretLen: number, seed: number, seedLen: number, out: number, outLen: number): void;
  prfSsl3(secret: number, secretLen: number, seed: number, seedLen: number, out: number, outLen: number): void;
  hkdfExpand(
    alg: number,
    prk: number,
    prkLen: number,
    info: number,
    infoLen: number,
    out: number,
    outLen: number,
  ): void;
}

/** Algorithm id (as in assembly/hash/state.ts) and sizes of each hash. */
export interface HashAlgorithm {
  readonly name: HashName;
  readonly id: number;
  readonly outputLength: number;
  readonly blockLength: number;
}

/** The hash algorithms, by name. */
export const HASH_ALGORITHMS: Readonly<Record<HashName, HashAlgorithm>> = {
  md5: { name: "md5", id: 0, outputLength: 16, blockLength: 64 },
  sha1: { name: "sha1", id: 1, outputLength: 20, blockLength: 64 },
  sha224: { name: "sha224", id: 2, outputLength: 28, blockLength: 64 },
  sha256: { name: "sha256", id: 3, outputLength: 32, blockLength: 64 },
  sha384: { name: "sha384", id: 4, outputLength: 48, blockLength: 128 },
  sha512: { name: "sha512", id: 5, outputLength: 64, blockLength: 128 },
};

/** Everything the hash bindings need from one instantiation, gathered once. */
export interface HashCore {
  readonly ex: HashExports;
  /** The whole WASM memory. */
  readonly heap: Uint8Array;
  /** The I/O regions and their addresses. */
  readonly io: Uint8Array;
  readonly ioPtr: number;
  readonly io2: Uint8Array;
  readonly io2Ptr: number;
  /** Where digests and tags are written. */
  readonly digestPtr: number;
  /** Longest input for the one-shot hash. */
  readonly oneshotMax: number;
  /** Increments on every instantiation; contexts from an earlier one are dead. */
  readonly generation: number;
}

let current: HashCore | undefined;
let generation = 0;

onInit(() => {
  const ex = wasmExports<HashExports>();
  const io = ioRegion();
  generation++;
  current = {
    ex,
    heap: heap(),
    io: io.bytes,
    ioPtr: io.ptr,
    io2: io.bytes2,
    io2Ptr: io.ptr2,
    digestPtr: ex.hashDigestPtr(),
    oneshotMax: ex.hashOneshotMax(),
    generation,
  };
});

/** @internal The current instantiation's hash core; throws the not-initialized error before init. */
export function hashCore(): HashCore {
  return current ?? wasmExports<never>();
}

/** @internal Slots for incremental hash contexts. */
export const hashSlots = new SlotPool("hash", () => {
  const ex = wasmExports<HashExports>();
  return { base: ex.hashSlotBase(), count: ex.hashSlotCount(), size: ex.hashSlotSize() };
});

/** @internal Slots for keyed HMAC contexts. */
export const hmacSlots = new SlotPool("hmac", () => {
  const ex = wasmExports<HashExports>();
  return { base: ex.hmacSlotBase(), count: ex.hmacSlotCount(), size: ex.hmacSlotSize() };
});

/** @internal Throws the error for a context used after digest() or dispose(). */
export function contextFinished(kind: string): never {
  throw new WasslError("ERR_WASSL_CONTEXT_FINISHED", `wassl: this ${kind} context was finished or disposed`);
}

/** @internal Throws when inputs do not fit the fixed I/O regions. */
export function inputTooLarge(what: string, limit: number): never {
  throw new WasslError("ERR_WASSL_INPUT_TOO_LARGE", `wassl: ${what} exceeds ${limit} bytes`);
}

/**
 * Feeds `data` to a WASM absorb export `update(state, dataPtr, len)` through the I/O region: one copy and
 * call for inputs that fit, chunks for longer ones.
 */
export function absorb(
  core: HashCore,
  update: (state: number, ptr: number, len: number) => void,
  state: number,
  data: Uint8Array,
): void {
  if (data.length <= core.io.length) {
    core.io.set(data);
    update(state, core.ioPtr, data.length);
  } else {
    streamIn(data, (p, n) => update(state, p, n));
  }
}
