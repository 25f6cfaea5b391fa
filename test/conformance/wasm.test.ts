// The conformance suite against the default WASM provider (both builds are covered by running the
// suite on the build `init()` selects; the wasm-core tests pin each build).
import { init } from "../../bindings/index.js";
import { wasmProvider } from "../../bindings/provider.js";
import { runProviderConformance } from "./suite.js";

await init();
runProviderConformance(wasmProvider);
