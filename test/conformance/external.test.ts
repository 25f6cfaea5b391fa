// Runs the conformance suite against a third-party provider module named by the environment:
//   WASSL_CONFORMANCE_PROVIDER=./path/to/my-provider.ts npx vitest run test/conformance/external.test.ts
// The module exports `provider` (a CryptoProvider), optionally `unsupported` (capability → reason) and
// optionally `ready` (a promise, e.g. a WASM init). See docs/PROVIDER.md.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { it } from "vitest";
import type { CryptoProvider } from "../../tls/provider.js";
import type { ConformanceOptions } from "./suite.js";
import { runProviderConformance } from "./suite.js";

/** What a provider module passed through WASSL_CONFORMANCE_PROVIDER exports. */
interface ProviderModule {
  provider: CryptoProvider;
  unsupported?: ConformanceOptions["unsupported"];
  ready?: Promise<unknown>;
}

const modulePath = process.env.WASSL_CONFORMANCE_PROVIDER;
if (modulePath) {
  const mod = (await import(pathToFileURL(resolve(modulePath)).href)) as ProviderModule;
  await mod.ready;
  runProviderConformance(mod.provider, { unsupported: mod.unsupported });
} else {
  it.skip("third-party provider: set WASSL_CONFORMANCE_PROVIDER=<module> to run the suite on it", () => {});
}
