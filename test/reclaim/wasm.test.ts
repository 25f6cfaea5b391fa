// reclaim's client through the wassl backend over the WASM provider: the counters show our WASM code
// hashed, MACed, encrypted and verified.
import { init } from "../../bindings/index.js";
import { wasmProvider } from "../../bindings/provider.js";
import { describeReclaimBackend } from "./suite.js";

await init();
describeReclaimBackend(wasmProvider);
