// `npm run bench [-- <filter>]`: loads every bench/suites/*.ts, measures each group's cases with
// tinybench (best of 3 interleaved rounds, ~300 ms of measuring per case), prints a table per group
// (ops/s, MB/s, ratio of "wassl" to each peer, targets met or missed) and merges the results into
// bench/results.json (groups not run this time keep their earlier results and dates).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench, type TimestampProvider } from "tinybench";
import { measureSizes, printSizeReport } from "../scripts/size-report.js";
import { machineInfo } from "./machine.js";
import type { BenchClock, BenchResults, CaseResult, GroupResult, TargetResult } from "./results.js";
import type { BenchCase, BenchGroup, BenchSuite } from "./types.js";

const here = dirname(fileURLToPath(import.meta.url));
const suitesDir = join(here, "suites");
const resultsFile = join(here, "results.json");

/** Measuring time per case in milliseconds (override with BENCH_TIME_MS). */
const CASE_TIME_MS = Number(process.env.BENCH_TIME_MS ?? 300);
/**
 * The clock samples are timed with: "cpu" (default) counts this process's CPU time, so that other
 * processes competing for the cores (a shared CI or dev machine) do not distort the ratios; "wall"
 * (BENCH_CLOCK=wall) is elapsed time.
 */
const CLOCK: BenchClock = process.env.BENCH_CLOCK === "wall" ? "wall" : "cpu";

const cpuClock: TimestampProvider = {
  name: "process.cpuUsage",
  fn: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
  fromMs: (ms) => ms,
  toMs: (value) => Number(value),
};

/** Interleaved rounds per group; each case's best round is reported. */
const ROUNDS = 3;
/** A timed sample should last at least this long, so timer overhead stays negligible. */
const SAMPLE_TARGET_MS = 0.05;

/** How many operations one timed sample runs: enough to make a sample last SAMPLE_TARGET_MS. */
function calibrate(fn: () => unknown): number {
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < 5 || runs < 3) {
    fn();
    runs++;
  }
  const perOp = (performance.now() - start) / runs;
  return Math.max(1, Math.ceil(SAMPLE_TARGET_MS / perOp));
}

/** Measures one round of a case: ops/s, relative margin of error, sample count, batch size. */
async function measureRound(c: BenchCase, timeMs: number, minIterations = 64, clock = CLOCK): Promise<CaseResult> {
  await c.setup?.();
  try {
    const probe = c.fn();
    const isAsync = probe instanceof Promise;
    if (isAsync) await probe;
    const batch = isAsync ? 1 : calibrate(c.fn);
    const fn = c.fn;
    const task = isAsync
      ? fn
      : () => {
          for (let i = 0; i < batch; i++) fn();
        };
    const bench = new Bench({
      time: timeMs,
      warmupTime: 30,
      iterations: minIterations,
      warmupIterations: Math.min(16, minIterations),
      ...(clock === "cpu" ? { timestampProvider: cpuClock } : {}),
    });
    bench.add(c.name, task);
    await bench.run();
    const result = bench.tasks[0].result;
    if (result.state !== "completed") throw new Error(`case ${c.name} did not complete: ${result.state}`);
    return {
      name: c.name,
      opsPerSec: (1000 / result.period) * batch,
      rme: result.latency.rme,
      samples: result.latency.samplesCount,
      batch,
    };
  } finally {
    await c.teardown?.();
  }
}

/**
 * Measures a group's cases in ROUNDS interleaved rounds (case 1, case 2, …, case 1, case 2, …) and
 * keeps each case's best round, so a burst of load from other processes does not skew the ratios.
 */
async function measureGroup(group: BenchGroup): Promise<CaseResult[]> {
  const best = new Map<string, CaseResult>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of group.cases) {
      const r = await measureRound(c, CASE_TIME_MS / ROUNDS, group.minIterations, group.clock);
      const previous = best.get(c.name);
      if (!previous || r.opsPerSec > previous.opsPerSec) best.set(c.name, r);
    }
  }
  return group.cases.map((c) => {
    const r = best.get(c.name) as CaseResult;
    return group.bytesPerOp ? { ...r, mbPerSec: (r.opsPerSec * group.bytesPerOp) / 1e6 } : r;
  });
}

function checkTargets(group: BenchGroup, cases: CaseResult[]): TargetResult[] {
  const ops = new Map(cases.map((c) => [c.name, c.opsPerSec]));
  return (group.targets ?? []).map((t) => {
    const ours = t.ours ?? "wassl";
    const a = ops.get(ours);
    const b = ops.get(t.vs);
    const ratio = a !== undefined && b !== undefined ? a / b : null;
    return { ours, vs: t.vs, min: t.min, ratio, met: ratio !== null && ratio >= t.min };
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

function printGroup(g: GroupResult): void {
  const wassl = g.cases.find((c) => c.name === "wassl");
  console.log(`\n${g.id}${g.bytesPerOp ? ` (${fmt(g.bytesPerOp)} B/op)` : ""}${g.clock ? ` [${g.clock} clock]` : ""}`);
  const rows = g.cases.map((c) => ({
    case: c.name,
    "ops/s": fmt(c.opsPerSec),
    "MB/s": c.mbPerSec === undefined ? "" : fmt(c.mbPerSec, 1),
    "±%": fmt(c.rme, 1),
    "wassl ÷ this": wassl ? `${(wassl.opsPerSec / c.opsPerSec).toFixed(2)}×` : "",
  }));
  console.table(rows);
  for (const t of g.targets) {
    const ratio = t.ratio === null ? "n/a" : `${t.ratio.toFixed(2)}×`;
    console.log(`  target ${t.ours} ≥ ${t.min}× ${t.vs}: ${ratio} ${t.met ? "MET" : "MISSED"}`);
  }
}

async function loadSuites(): Promise<{ name: string; suite: BenchSuite }[]> {
  const files = readdirSync(suitesDir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const suites = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(suitesDir, file)).href)) as { default: BenchSuite };
    suites.push({ name: basename(file, ".ts"), suite: mod.default });
  }
  return suites;
}

function readPrevious(): BenchResults | undefined {
  if (!existsSync(resultsFile)) return undefined;
  try {
    return JSON.parse(readFileSync(resultsFile, "utf8")) as BenchResults;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const filter = process.argv.slice(2).join(" ").toLowerCase();
  const machine = machineInfo();
  const date = new Date().toISOString();
  console.log(`wassl bench — ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ${date}, ${CLOCK} clock`);
  if (filter) console.log(`groups whose id contains "${filter}"`);
  const withSizes = !filter || "size".includes(filter);
  if (withSizes) printSizeReport(await measureSizes());
  const measured: GroupResult[] = [];
  for (const { name, suite } of await loadSuites()) {
    const groups = (await suite()).filter((g) => g.id.toLowerCase().includes(filter));
    for (const group of groups) {
      const cases = await measureGroup(group);
      const result: GroupResult = {
        id: group.id,
        suite: name,
        bytesPerOp: group.bytesPerOp,
        date,
        cases,
        targets: checkTargets(group, cases),
        ...(group.clock && group.clock !== CLOCK ? { clock: group.clock } : {}),
      };
      printGroup(result);
      measured.push(result);
    }
  }
  if (measured.length === 0) {
    if (!withSizes) console.log("no group matched");
    return;
  }
  const ids = new Set(measured.map((g) => g.id));
  const kept = (readPrevious()?.groups ?? []).filter((g) => !ids.has(g.id));
  const results: BenchResults = { machine, date, clock: CLOCK, groups: [...kept, ...measured] };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const targets = measured.flatMap((g) => g.targets);
  const missed = targets.filter((t) => !t.met).length;
  console.log(`\n${targets.length - missed}/${targets.length} targets met; results in bench/results.json`);
}

await main();
// Suites may leave handles behind (worker threads, loopback servers, sockets in teardown): the run is over.
process.exit(0);
