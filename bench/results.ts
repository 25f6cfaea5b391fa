// The shape of bench/results.json, shared by bench/run.ts (writer) and scripts/bench-report.ts (reader).
import type { MachineInfo } from "./machine.js";

/** One measured case of a group. */
export interface CaseResult {
  name: string;
  /** Operations per second. */
  opsPerSec: number;
  /** Megabytes (10^6 bytes) per second, when the group declares bytesPerOp. */
  mbPerSec?: number;
  /** Relative margin of error of the mean latency, in percent. */
  rme: number;
  /** Number of timed samples (each a batch of `batch` operations). */
  samples: number;
  /** Operations per timed sample. */
  batch: number;
}

/** A target check: ours ÷ peer ops/s against the required minimum. */
export interface TargetResult {
  ours: string;
  vs: string;
  min: number;
  /** Measured ratio, or null when a case is missing. */
  ratio: number | null;
  met: boolean;
}

/** One group's results. */
export interface GroupResult {
  id: string;
  suite: string;
  bytesPerOp?: number;
  date: string;
  cases: CaseResult[];
  targets: TargetResult[];
}

/** bench/results.json. Groups from earlier runs are kept unless re-measured (each has its own date). */
export interface BenchResults {
  machine: MachineInfo;
  date: string;
  groups: GroupResult[];
}
