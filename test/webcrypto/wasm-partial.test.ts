// INTERIM: wassl/webcrypto over the WASM primitives on main (hash, HMAC, RSA; AES still node:crypto).
// Becomes `describeWebCrypto(wasmProvider)` once it exists.
import { it } from "vitest";
import { init } from "../../bindings/index.js";
import { interimBlocker, interimWasmProvider } from "../conformance/interim-wasm-provider.js";
import { describeWebCrypto } from "./suite.js";

await init();
const blocker = interimBlocker();
if (blocker) it.skip(`interim WASM run blocked: ${blocker}`, () => {});
else describeWebCrypto(interimWasmProvider);
