// The contract between bench/run.ts and the suite files in bench/suites/.

/** One implementation measured in a group, e.g. "wassl", "node:crypto", "hash-wasm". */
export interface BenchCase {
  /** Implementation name; "wassl" marks ours (and "wassl-scalar" our scalar build). */
  name: string;
  /** One operation. May be async. */
  fn: () => unknown;
  /** Runs before this case is measured (warm-up and run), e.g. to switch to the scalar build. */
  setup?: () => unknown;
  /** Runs after this case is measured, e.g. to switch back to the default build. */
  teardown?: () => unknown;
}

/** A ratio the issue tracker asks for: wassl ops/s ÷ `vs` ops/s must reach `min`. */
export interface BenchTarget {
  /** The peer's case name. */
  vs: string;
  /** Minimum ratio. */
  min: number;
  /** Our case name, when not "wassl". */
  ours?: string;
}

/** Implementations of the same operation on the same input, measured side by side. */
export interface BenchGroup {
  /** Stable id, e.g. "sha256 16KiB", used by the filter (`npm run bench -- sha256`). */
  id: string;
  /** Bytes processed per operation, for MB/s. */
  bytesPerOp?: number;
  cases: BenchCase[];
  targets?: BenchTarget[];
}

/** A suite file's default export. */
export type BenchSuite = () => Promise<BenchGroup[]> | BenchGroup[];
