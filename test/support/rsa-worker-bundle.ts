// The RSA pool's worker bundled from TypeScript sources (esbuild, in memory) as a data: URL, for tests
// and benchmarks that run without a compiled dist/.
import { buildSync } from "esbuild";

let cached: URL | undefined;

/** A `data:` URL of tls/workers/rsa-worker.ts bundled with its imports (the WASM core included). */
export function rsaWorkerBundleUrl(): URL {
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [new URL("../../tls/workers/rsa-worker.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  cached = new URL(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
  return cached;
}
