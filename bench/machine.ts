// Describes the machine a benchmark ran on, for bench/results.json and docs/BENCHMARKS.md.
import { cpus } from "node:os";

/** The machine and runtime of a benchmark run. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  arch: string;
}

/** The current machine. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
  };
}
