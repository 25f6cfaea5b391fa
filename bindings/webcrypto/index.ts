// wassl/webcrypto — a SubtleCrypto-shaped subset for runtimes without crypto.subtle (plain-http pages,
// embedded JS engines): digest, importKey/exportKey, HMAC, RSASSA-PKCS1-v1_5, RSA-PSS, AES-CBC, AES-GCM.
import { wasmProvider } from "../provider.js";
import { createSubtleCrypto } from "./subtle.js";

export { init } from "../wasm.js";
export type { AlgorithmInput, KeyAlgorithmName } from "./algorithms.js";
export type { WebCryptoErrorName } from "./errors.js";
export type { Jwk, KeyFormat, KeyUsage, WasslKeyAlgorithm } from "./keys.js";
export { WasslCryptoKey } from "./keys.js";
export type { WasslSubtleCrypto } from "./subtle.js";
export { createSubtleCrypto };

/**
 * The subset over the default WASM provider. Call `await init()` (re-exported here) once first.
 * @example
 * import { init, subtle } from "wassl/webcrypto";
 * await init();
 * const digest = await subtle.digest("SHA-256", data);
 */
export const subtle = createSubtleCrypto(wasmProvider);
