// Constant-time trace harness: runs WASM exports under binaryen instrumentation and fingerprints the
// sequence of memory addresses and control-flow events they produce (GUIDE §5).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import binaryen from "binaryen";

/** Which compiled build to instrument. */
export type TracedBuild = "simd" | "scalar";

/** Which module to trace: the shipped core (`wassl`) or the test-only leaky/CT examples (`cttest`). */
export type TracedModule = "wassl" | "cttest";

/** Fingerprint of one traced run. Two runs are "trace-identical" when their digests are equal. */
export interface CtTrace {
  /** Hex digest over every recorded event (kind, site id, address or branch direction), in order. */
  digest: string;
  /** Total number of recorded events. */
  count: number;
  /** Memory loads recorded (address and width). */
  loads: number;
  /** Memory stores recorded (address and width). */
  stores: number;
  /** Control-flow events: function entries, loop iterations, returns (log-execution) and the direction
   *  taken at every `if`, `br_if`, `br_table` and `select` (recorded by this harness). */
  branches: number;
}

/** An instrumented instance of the wassl module. */
export interface TracedWasm {
  /** Which build this is. */
  readonly build: TracedBuild;
  /** The instance's exports (same names as the normal build). */
  // biome-ignore lint/suspicious/noExplicitAny: test helper over an untyped export table
  readonly exports: Record<string, any>;
  /** The instance's whole memory (fixed size, never detaches). */
  readonly heap: Uint8Array;
  /** Runs `fn` (which calls `exports` and may read or write `heap`) and returns its trace. */
  trace(fn: () => void): CtTrace;
  /** Replaces `env.randomFill`: `null` restores crypto.getRandomValues, a function fills deterministically. */
  setRandomFill(fill: ((out: Uint8Array) => void) | null): void;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const compiled = new Map<string, WebAssembly.Module>();

const KIND_LOAD = 1;
const KIND_STORE = 2;
const KIND_EXEC = 3;
const KIND_BRANCH = 4;

/** Incremental two-lane 32-bit hash of the event stream (bounded memory however long the run). */
class EventHasher {
  h1 = 0x811c9dc5;
  h2 = 0x9e3779b9;
  count = 0;
  loads = 0;
  stores = 0;
  branches = 0;

  reset(): void {
    this.h1 = 0x811c9dc5;
    this.h2 = 0x9e3779b9;
    this.count = 0;
    this.loads = 0;
    this.stores = 0;
    this.branches = 0;
  }

  push(kind: number, a: number, b: number): void {
    this.count++;
    let h1 = this.h1;
    let h2 = this.h2;
    for (const v of [kind, a, b]) {
      h1 = Math.imul(h1 ^ v, 0x01000193);
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ v;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  result(): CtTrace {
    const hex = (x: number) => (x >>> 0).toString(16).padStart(8, "0");
    return {
      digest: `${hex(this.h1)}${hex(this.h2)}-${this.count}`,
      count: this.count,
      loads: this.loads,
      stores: this.stores,
      branches: this.branches,
    };
  }
}

/** Condition accessors of binaryen's JS API that its typings do not declare. */
interface ConditionAccess {
  getCondition(expr: number): number;
  setCondition(expr: number, cond: number): void;
}
const conditions = binaryen as unknown as Record<"If" | "Break" | "Switch" | "Select", ConditionAccess>;

/** Wraps the condition of every if / br_if / br_table / select in `env.ct_branch(site, cond) → cond`. */
function instrumentBranches(mod: binaryen.Module): void {
  mod.addFunctionImport(
    "ct_branch",
    "env",
    "ct_branch",
    binaryen.createType([binaryen.i32, binaryen.i32]),
    binaryen.i32,
  );
  let site = 0;
  const wrap = (cond: number): number => mod.call("ct_branch", [mod.i32.const(site++), cond], binaryen.i32);
  const visit = (expr: number): void => {
    if (!expr) return;
    const keys = childKeys(binaryen.getExpressionId(expr));
    if (keys.length === 0) return; // leaves (getExpressionInfo also throws on some, e.g. unreachable)
    // biome-ignore lint/suspicious/noExplicitAny: binaryen's expression info is a tagged union
    const info = binaryen.getExpressionInfo(expr) as any;
    switch (info.id) {
      case binaryen.IfId:
        conditions.If.setCondition(expr, wrap(info.condition));
        break;
      case binaryen.BreakId:
        if (info.condition) conditions.Break.setCondition(expr, wrap(info.condition));
        break;
      case binaryen.SwitchId:
        conditions.Switch.setCondition(expr, wrap(info.condition));
        break;
      case binaryen.SelectId:
        conditions.Select.setCondition(expr, wrap(info.condition));
        break;
    }
    for (const key of keys) {
      const v = info[key];
      if (Array.isArray(v)) for (const c of v) visit(c);
      else if (key === "condition") visit(unwrapped(info.id, expr));
      else visit(v);
    }
  };
  for (let i = 0; i < mod.getNumFunctions(); i++) {
    const fn = binaryen.getFunctionInfo(mod.getFunctionByIndex(i));
    if (fn.body) visit(fn.body);
  }
}

/** The (already wrapped) condition's inner operand, so recursion does not revisit the wrapper call. */
function unwrapped(id: number, expr: number): number {
  let cond = 0;
  if (id === binaryen.IfId) cond = conditions.If.getCondition(expr);
  else if (id === binaryen.BreakId) cond = conditions.Break.getCondition(expr);
  else if (id === binaryen.SwitchId) cond = conditions.Switch.getCondition(expr);
  else if (id === binaryen.SelectId) cond = conditions.Select.getCondition(expr);
  if (!cond) return 0;
  // biome-ignore lint/suspicious/noExplicitAny: see instrumentBranches
  const info = binaryen.getExpressionInfo(cond) as any;
  return info.id === binaryen.CallId && info.target === "ct_branch" ? info.operands[1] : cond;
}

/** Names of the fields holding child expressions, per expression kind (leaf kinds have none). */
function childKeys(id: number): readonly string[] {
  const b = binaryen;
  const table: Array<[number, string[]]> = [
    [b.BlockId, ["children"]],
    [b.IfId, ["condition", "ifTrue", "ifFalse"]],
    [b.LoopId, ["body"]],
    [b.BreakId, ["condition", "value"]],
    [b.SwitchId, ["condition", "value"]],
    [b.CallId, ["operands"]],
    [b.CallIndirectId, ["target", "operands"]],
    [b.LocalSetId, ["value"]],
    [b.GlobalSetId, ["value"]],
    [b.LoadId, ["ptr"]],
    [b.StoreId, ["ptr", "value"]],
    [b.UnaryId, ["value"]],
    [b.BinaryId, ["left", "right"]],
    [b.SelectId, ["ifTrue", "ifFalse", "condition"]],
    [b.DropId, ["value"]],
    [b.ReturnId, ["value"]],
    [b.MemoryGrowId, ["delta"]],
    [b.MemoryCopyId, ["dest", "source", "size"]],
    [b.MemoryFillId, ["dest", "value", "size"]],
    [b.SIMDExtractId, ["vec"]],
    [b.SIMDReplaceId, ["vec", "value"]],
    [b.SIMDShuffleId, ["left", "right"]],
    [b.SIMDTernaryId, ["a", "b", "c"]],
    [b.SIMDShiftId, ["vec", "shift"]],
    [b.SIMDLoadId, ["ptr"]],
    [b.SIMDLoadStoreLaneId, ["ptr", "vec"]],
  ];
  for (const [k, keys] of table) if (k === id) return keys;
  return [];
}

function instrumentedModule(build: TracedBuild, module: TracedModule): WebAssembly.Module {
  const name = `${module}-${build}`;
  const cached = compiled.get(name);
  if (cached) return cached;
  const file = join(root, "build", `${name}.wasm`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:wasm\` first`);
  const mod = binaryen.readBinary(readFileSync(file));
  const F = binaryen.Features;
  mod.setFeatures(
    F.MVP | F.MutableGlobals | F.SignExt | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SIMD128,
  );
  instrumentBranches(mod);
  mod.runPasses(["instrument-memory", "log-execution"]);
  if (!mod.validate()) throw new Error("instrumented module does not validate");
  const bytes = mod.emitBinary();
  mod.dispose();
  const wasm = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
  compiled.set(name, wasm);
  return wasm;
}

/**
 * Loads the built wasm (`build/{wassl,cttest}-{simd,scalar}.wasm`, from `npm run build:wasm`) instrumented for
 * constant-time checks, and returns a handle whose `trace(fn)` fingerprints what `fn` did.
 *
 * Instrumentation (binaryen JS API, cached per build):
 * - every `if` / `br_if` / `br_table` / `select` condition is wrapped by this harness so the branch
 *   direction (or table index, or select choice) is recorded per site;
 * - binaryen's `instrument-memory` pass reports the address and width of every load and store
 *   (values are not recorded: they are allowed to depend on secrets);
 * - binaryen's `log-execution` pass reports function entries, loop iterations and returns.
 *
 * Events are hashed incrementally (`digest`) and counted, so memory stays bounded on long runs.
 * Usage: run the same export twice with different secrets of the same public shape (lengths, slot
 * numbers) and `expect(a.digest).toBe(b.digest)`. `select` choices are recorded too, so a CT test fails
 * on a secret-dependent `select`; write masks with arithmetic, not `select`, in secret code.
 * @example
 * const t = await loadTraced("simd");
 * t.heap.set(key, ptr);
 * const { digest } = t.trace(() => t.exports.aesEncryptBlock(slot, ptr));
 */
export async function loadTraced(build: TracedBuild, module: TracedModule = "wassl"): Promise<TracedWasm> {
  const hasher = new EventHasher();
  let recording = false;
  let heapView = new Uint8Array(0);
  let fill: ((out: Uint8Array) => void) | null = null;
  const env = {
    randomFill(ptr: number, len: number): void {
      const out = heapView.subarray(ptr, ptr + len);
      if (fill) fill(out);
      else for (let o = 0; o < len; o += 65536) crypto.getRandomValues(out.subarray(o, Math.min(len, o + 65536)));
    },
    memory_grow_pre: (delta: number) => delta,
    memory_grow_post: (_id: number, prev: number) => prev,
    load_ptr(_id: number, bytes: number, offset: number, ptr: number): number {
      if (recording) {
        hasher.loads++;
        hasher.push(KIND_LOAD, bytes, (ptr + offset) | 0);
      }
      return ptr;
    },
    store_ptr(_id: number, bytes: number, offset: number, ptr: number): number {
      if (recording) {
        hasher.stores++;
        hasher.push(KIND_STORE, bytes, (ptr + offset) | 0);
      }
      return ptr;
    },
    log_execution(id: number): void {
      if (recording) {
        hasher.branches++;
        hasher.push(KIND_EXEC, id, 0);
      }
    },
    ct_branch(site: number, cond: number): number {
      if (recording) {
        hasher.branches++;
        hasher.push(KIND_BRANCH, site, cond);
      }
      return cond;
    },
    load_val_i32: (_id: number, v: number) => v,
    load_val_i64: (_id: number, v: bigint) => v,
    load_val_f32: (_id: number, v: number) => v,
    load_val_f64: (_id: number, v: number) => v,
    store_val_i32: (_id: number, v: number) => v,
    store_val_i64: (_id: number, v: bigint) => v,
    store_val_f32: (_id: number, v: number) => v,
    store_val_f64: (_id: number, v: number) => v,
  };
  const instance = await WebAssembly.instantiate(instrumentedModule(build, module), { env });
  // biome-ignore lint/suspicious/noExplicitAny: see TracedWasm.exports
  const exports = instance.exports as Record<string, any>;
  heapView = new Uint8Array((exports.memory as WebAssembly.Memory).buffer);
  return {
    build,
    exports,
    heap: heapView,
    trace(fn: () => void): CtTrace {
      hasher.reset();
      recording = true;
      try {
        fn();
      } finally {
        recording = false;
      }
      return hasher.result();
    },
    setRandomFill(f) {
      fill = f;
    },
  };
}
