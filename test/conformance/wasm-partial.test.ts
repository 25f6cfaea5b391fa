// INTERIM: the conformance suite over the WASM primitives on main (see interim-wasm-provider.ts).
// Becomes `runProviderConformance(wasmProvider)` once bindings/provider.ts lands.
import { it } from "vitest";
import { init } from "../../bindings/index.js";
import { interimBlocker, interimUnsupported, interimWasmProvider } from "./interim-wasm-provider.js";
import { runProviderConformance } from "./suite.js";

await init();
const blocker = interimBlocker();
if (blocker) it.skip(`interim WASM run blocked: ${blocker}`, () => {});
else runProviderConformance(interimWasmProvider, { unsupported: interimUnsupported });
