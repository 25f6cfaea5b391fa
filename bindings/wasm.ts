// Loads the embedded WebAssembly module and gives the bindings typed access to it.
//
// The module's memory is fixed (initial = maximum), so the views made here are created once
// and never detach. Each binding module declares the exports it uses as an interface and reads
// them with `wasmExports<T>()`.
import { decodeBase64 } from "./base64.js";
import { WasslError } from "./errors.js";
import { wasmBase64 as scalarBase64 } from "./generated/wasm-scalar.js";
import { wasmBase64 as simdBase64 } from "./generated/wasm-simd.js";
import { fillRandom } from "./random.js";

/** Which compiled build is running. */
export type WasmBuild = "simd" | "scalar";

/** Options for {@link init}. */
export interface InitOptions {
  /** Force a build: `"scalar"` even where SIMD is available (tests, benchmarks), or `"simd"`. */
  build?: WasmBuild;
}

/** The exports every build has (see assembly/io). */
interface CoreExports {
  memory: WebAssembly.Memory;
  ioPtr(): number;
  io2Ptr(): number;
  ioSize(): number;
  wipe(ptr: number, len: number): void;
}

interface LoadedWasm {
  exports: CoreExports & Record<string, unknown>;
  build: WasmBuild;
  heap: Uint8Array;
  io: Uint8Array;
  io2: Uint8Array;
  ioPtr: number;
  io2Ptr: number;
}

let loaded: LoadedWasm | undefined;
let loading: Promise<void> | undefined;
const initHooks: Array<() => void> = [];

function makeImports(getHeap: () => Uint8Array): WebAssembly.Imports {
  return {
    env: {
      randomFill(ptr: number, len: number): void {
        fillRandom(getHeap().subarray(ptr, ptr + len));
      },
    },
  };
}

function supportsSimd(): boolean {
  // Smallest module using a v128 instruction: (func (result v128) v128.const 0).
  const probe = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 11,
  ]);
  return WebAssembly.validate(probe);
}

function chooseBuild(options: InitOptions): WasmBuild {
  if (options.build === "scalar") return "scalar";
  if (options.build === "simd") {
    if (!supportsSimd()) throw new WasslError("ERR_WASSL_NO_SIMD", "this runtime does not support WebAssembly SIMD");
    return "simd";
  }
  return supportsSimd() ? "simd" : "scalar";
}

function install(instance: WebAssembly.Instance, build: WasmBuild): void {
  const exports = instance.exports as unknown as LoadedWasm["exports"];
  const heap = new Uint8Array(exports.memory.buffer);
  const size = exports.ioSize();
  const ioPtr = exports.ioPtr();
  const io2Ptr = exports.io2Ptr();
  loaded = {
    exports,
    build,
    heap,
    io: heap.subarray(ioPtr, ioPtr + size),
    io2: heap.subarray(io2Ptr, io2Ptr + size),
    ioPtr,
    io2Ptr,
  };
  for (const hook of initHooks) hook();
}

/**
 * Instantiates the WebAssembly core. Call once (it is idempotent) before any `wassl/crypto` function.
 * Picks the SIMD build where `WebAssembly.validate` accepts SIMD, else the scalar build.
 * @example
 * import { init, sha256 } from "wassl/crypto";
 * await init();
 * sha256(new TextEncoder().encode("abc"));
 */
export function init(options: InitOptions = {}): Promise<void> {
  if (loaded && (options.build === undefined || options.build === loaded.build)) return Promise.resolve();
  if (loading && options.build === undefined) return loading;
  const build = chooseBuild(options);
  const bytes = decodeBase64(build === "simd" ? simdBase64 : scalarBase64);
  let heapRef: Uint8Array | undefined;
  const imports = makeImports(() => heapRef as Uint8Array);
  loading = WebAssembly.instantiate(bytes, imports).then(({ instance }) => {
    install(instance, build);
    heapRef = loaded?.heap;
    loading = undefined;
  });
  return loading;
}

/**
 * Synchronous {@link init} for Node and workers (browsers' main threads limit synchronous
 * compilation of large modules; use `await init()` there).
 */
export function initSync(options: InitOptions = {}): void {
  if (loaded && (options.build === undefined || options.build === loaded.build)) return;
  const build = chooseBuild(options);
  const bytes = decodeBase64(build === "simd" ? simdBase64 : scalarBase64);
  let heapRef: Uint8Array | undefined;
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(
    module,
    makeImports(() => heapRef as Uint8Array),
  );
  install(instance, build);
  heapRef = loaded?.heap;
}

/** True once {@link init} has completed. */
export function isInitialized(): boolean {
  return loaded !== undefined;
}

/** The build in use (`"simd"` or `"scalar"`); throws before init. */
export function activeBuild(): WasmBuild {
  return requireLoaded().build;
}

function requireLoaded(): LoadedWasm {
  if (!loaded) {
    throw new WasslError(
      "ERR_WASSL_NOT_INITIALIZED",
      "wassl: the WebAssembly core is not initialized; call `await init()` from wassl/crypto first",
    );
  }
  return loaded;
}

/** @internal Typed access to the instance's exports for a binding module. Throws before init. */
export function wasmExports<T>(): T {
  return requireLoaded().exports as unknown as T;
}

/** @internal The whole WASM memory as bytes (never detaches: memory does not grow). */
export function heap(): Uint8Array {
  return requireLoaded().heap;
}

/** @internal The shared I/O region and its address. */
export function ioRegion(): { bytes: Uint8Array; ptr: number; bytes2: Uint8Array; ptr2: number } {
  const w = requireLoaded();
  return { bytes: w.io, ptr: w.ioPtr, bytes2: w.io2, ptr2: w.io2Ptr };
}

/** @internal Registers a function run after every (re)instantiation, e.g. to reset slot pools. */
export function onInit(hook: () => void): void {
  initHooks.push(hook);
  if (loaded) hook();
}

/** @internal Current size of the WASM memory in bytes (tests assert it never grows). */
export function memoryBytes(): number {
  return requireLoaded().exports.memory.buffer.byteLength;
}
