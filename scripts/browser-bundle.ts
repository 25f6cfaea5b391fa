// Bundles wassl's TypeScript sources for browsers with esbuild (ESM, no Node built-ins, no polyfills):
// used by the real-browser test (test/browser/) and the size report (scripts/size-report.ts).
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

/** The repository root (this file lives in scripts/). */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** What to bundle: a source file, or module text (resolved from the repository root). */
export type BundleEntry = { file: string } | { contents: string };

/** Bundling options. */
export interface BrowserBundleOptions {
  /** Minify (the size report measures minified bundles). Default `false`. */
  minify?: boolean;
  /** Replace the embedded wasm (bindings/generated) with empty strings, to measure the JS alone. */
  withoutWasm?: boolean;
}

/** esbuild plugin: the generated wasm modules become `export const wasmBase64 = ""`. */
const stubEmbeddedWasm: Plugin = {
  name: "stub-embedded-wasm",
  setup(b) {
    b.onResolve({ filter: /generated\/wasm-(scalar|simd)\.js$/ }, (args) => ({
      path: args.path,
      namespace: "wasm-stub",
    }));
    b.onLoad({ filter: /.*/, namespace: "wasm-stub" }, () => ({
      contents: 'export const wasmBase64 = "";',
      loader: "js",
    }));
  },
};

/**
 * One ESM file for browsers (platform `browser`, target ES2022): fails if anything reached needs a
 * Node built-in. Returns the bundle's bytes.
 */
export async function bundleForBrowser(entry: BundleEntry, options: BrowserBundleOptions = {}): Promise<Uint8Array> {
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: REPO_ROOT, loader: "ts", sourcefile: "entry.ts" } }),
    absWorkingDir: REPO_ROOT,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: options.minify ?? false,
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: options.withoutWasm ? [stubEmbeddedWasm] : [],
  });
  return result.outputFiles[0].contents;
}
