// INTERIM: reclaim's client through the wassl backend over the WASM primitives on main (hash, HMAC,
// RSA; ciphers still node:crypto). Becomes `describeReclaimBackend(wasmProvider)` once it exists.
import { it } from "vitest";
import { init } from "../../bindings/index.js";
import { interimBlocker, interimWasmProvider } from "../conformance/interim-wasm-provider.js";
import { describeReclaimBackend } from "./suite.js";

await init();
const blocker = interimBlocker();
if (blocker) it.skip(`interim WASM run blocked: ${blocker}`, () => {});
else describeReclaimBackend(interimWasmProvider);
