// Size budget: the WASM builds and the minified browser bundles of the package entry points, raw and
// gzipped. Printed by `npm run bench`; `npx tsx scripts/size-report.ts --write` also rewrites
// docs/SIZE.md; test/size/size-budget.test.ts holds the crypto core to SIZE_BUDGET_GZIP.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { type BundleEntry, bundleForBrowser, REPO_ROOT } from "./browser-bundle.js";

/** The crypto core (both WASM builds embedded + the bindings JS), gzipped, must stay within this (bytes). */
export const SIZE_BUDGET_GZIP = 100_000;

/** One measured artifact. */
export interface SizeRow {
  /** What was measured. */
  name: string;
  /** How it was produced. */
  note: string;
  /** Bytes. */
  raw: number;
  /** Bytes after gzip (node:zlib, default level 6). */
  gzip: number;
}

/** Every artifact, and the row the budget applies to. */
export interface SizeReport {
  rows: SizeRow[];
  /** `wassl/crypto` as shipped: bindings JS with both builds embedded (base64), minified. */
  cryptoCore: SizeRow;
  /** The same content as separate files: the two .wasm files plus the bindings JS without them. */
  cryptoCoreAsFiles: { raw: number; gzip: number };
}

/** Minified browser bundles measured (esbuild, ESM, platform browser, ES2022). */
const BUNDLES: { name: string; note: string; entry: BundleEntry; withoutWasm?: boolean }[] = [
  {
    name: "wassl/crypto JS only",
    note: "bindings without the embedded wasm",
    entry: { file: "bindings/index.ts" },
    withoutWasm: true,
  },
  { name: "wassl/crypto", note: "bindings + both builds embedded (base64)", entry: { file: "bindings/index.ts" } },
  {
    name: "browser TLS client",
    note: "`wassl` + `init` + Web Streams adapter",
    entry: {
      contents:
        'export * from "./tls/index.js"; export { init } from "./bindings/index.js"; export * from "./tls/adapters/web-streams.js";',
    },
  },
  {
    name: "wassl/webcrypto",
    note: "SubtleCrypto subset, wasm included",
    entry: { file: "bindings/webcrypto/index.ts" },
  },
  {
    name: "wassl/reclaim",
    note: "@reclaimprotocol/tls backend (wasm comes with `init` from wassl/crypto)",
    entry: { file: "bindings/reclaim.ts" },
  },
];

const measure = (name: string, note: string, bytes: Uint8Array): SizeRow => ({
  name,
  note,
  raw: bytes.length,
  gzip: gzipSync(bytes).length,
});

/** Reads a WASM build (run `npm run build:wasm` first). */
function readWasm(build: "scalar" | "simd"): Uint8Array {
  const file = join(REPO_ROOT, "build", `wassl-${build}.wasm`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:wasm\` first`);
  return readFileSync(file);
}

/** Measures the WASM builds and the bundles. */
export async function measureSizes(): Promise<SizeReport> {
  const rows = [
    measure("wasm scalar", "build/wassl-scalar.wasm", readWasm("scalar")),
    measure("wasm simd", "build/wassl-simd.wasm", readWasm("simd")),
  ];
  for (const b of BUNDLES) {
    rows.push(measure(b.name, b.note, await bundleForBrowser(b.entry, { minify: true, withoutWasm: b.withoutWasm })));
  }
  const row = (name: string) => rows.find((r) => r.name === name) as SizeRow;
  const files = [row("wasm scalar"), row("wasm simd"), row("wassl/crypto JS only")];
  return {
    rows,
    cryptoCore: row("wassl/crypto"),
    cryptoCoreAsFiles: {
      raw: files.reduce((n, r) => n + r.raw, 0),
      gzip: files.reduce((n, r) => n + r.gzip, 0),
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** A Markdown table with padded columns (as the formatter writes them); `right` marks right-aligned columns. */
function markdownTable(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The report as a Markdown table plus the budget line. */
export function formatSizeMarkdown(report: SizeReport): string {
  const table = markdownTable(
    ["artifact", "what", "raw", "gzip"],
    report.rows.map((r) => [r.name, r.note, kb(r.raw), kb(r.gzip)]),
    [false, false, true, true],
  );
  return [
    table,
    "",
    `Crypto core as shipped (\`wassl/crypto\`, both builds embedded): **${kb(report.cryptoCore.gzip)} gzipped** ` +
      `(budget ${kb(SIZE_BUDGET_GZIP)}: ${report.cryptoCore.gzip <= SIZE_BUDGET_GZIP ? "met" : "EXCEEDED"}); ` +
      `as separate files (two .wasm + JS): ${kb(report.cryptoCoreAsFiles.gzip)} gzipped.`,
  ].join("\n");
}

/** Prints the report (the `npm run bench` section). */
export function printSizeReport(report: SizeReport): void {
  console.log("\nsize (esbuild --minify, ESM for browsers; gzip = node:zlib level 6; KB = 1000 bytes)");
  console.table(
    report.rows.map((r) => ({ artifact: r.name, what: r.note, "raw KB": kb(r.raw), "gzip KB": kb(r.gzip) })),
  );
  const met = report.cryptoCore.gzip <= SIZE_BUDGET_GZIP;
  console.log(
    `  budget crypto core ≤ ${kb(SIZE_BUDGET_GZIP)} gzipped: ${kb(report.cryptoCore.gzip)} ${met ? "MET" : "MISSED"}`,
  );
}

/** Rewrites docs/SIZE.md with the measured table. */
function writeSizeDoc(report: SizeReport): void {
  const doc = `# Size

Measured by \`scripts/size-report.ts\` (also printed by \`npm run bench\`; regenerate this page with
\`npx tsx scripts/size-report.ts --write\`). Bundles are built by esbuild from the TypeScript sources (ESM,
platform \`browser\`, ES2022, minified); gzip is node:zlib at its default level; 1 KB = 1000 bytes.

${formatSizeMarkdown(report)}

- Both WASM builds are embedded in \`wassl/crypto\` as base64 so that no bundler or \`fetch\` setup is needed;
  base64 costs about a third more raw and compresses less well than the binary files, which is why the
  shipped core is larger than the sum of the separate files. Only one build is instantiated at run time.
- The TLS engine (\`wassl\`) imports the crypto core; an application that uses the engine ships the core once.
- \`test/size/size-budget.test.ts\` fails when the crypto core as shipped exceeds ${kb(SIZE_BUDGET_GZIP)} gzipped.
`;
  writeFileSync(join(REPO_ROOT, "docs", "SIZE.md"), doc);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await measureSizes();
  printSizeReport(report);
  if (process.argv.includes("--write")) writeSizeDoc(report);
}
