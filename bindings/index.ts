// wassl/crypto — the typed API over the WebAssembly core.

export type { GcmCipher } from "./cipher/index.js";
export { CbcContext, cbc, EcbContext, ecb, GCM_TAG_LENGTH, GcmAead, gcm, Rc4Context, rc4 } from "./cipher/index.js";
export { WasslError } from "./errors.js";
export type { InitOptions, WasmBuild } from "./wasm.js";
export { activeBuild, init, initSync, isInitialized } from "./wasm.js";
