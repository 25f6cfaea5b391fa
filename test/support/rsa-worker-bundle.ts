// The RSA pool's worker bundled from TypeScript sources (esbuild, in memory) as a data: URL, for tests
// and benchmarks that run without a compiled dist/.
import { buildSync } from "esbuild";

const cached = new Map<string, URL>();

/** A `data:` URL of tls/workers/rsa-worker.ts bundled with its imports (the WASM core included). */
export function rsaWorkerBundleUrl(): URL {
  return workerBundleUrl(new URL("../../tls/workers/rsa-worker.ts", import.meta.url));
}

/** A `data:` URL of the worker module `entry` (a TypeScript file) bundled with its imports. */
export function workerBundleUrl(entry: URL): URL {
  const known = cached.get(entry.href);
  if (known) return known;
  const result = buildSync({
    entryPoints: [entry.pathname],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  const url = new URL(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  cached.set(entry.href, url);
  return url;
}
