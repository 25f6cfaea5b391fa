// wassl/crypto — the typed API over the WebAssembly core.

export { WasslError } from "./errors.js";
export { RsaPrivateKey } from "./rsa/private-key.js";
export { RsaPublicKey } from "./rsa/public-key.js";
export type { InitOptions, WasmBuild } from "./wasm.js";
export { activeBuild, init, initSync, isInitialized } from "./wasm.js";
