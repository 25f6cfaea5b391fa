// wassl/webcrypto — a SubtleCrypto-shaped subset for runtimes without crypto.subtle (plain-http pages,
// embedded JS engines): digest, importKey/exportKey, HMAC, RSASSA-PKCS1-v1_5, RSA-PSS, AES-CBC, AES-GCM.
export type { AlgorithmInput, KeyAlgorithmName } from "./algorithms.js";
export type { WebCryptoErrorName } from "./errors.js";
export type { Jwk, KeyFormat, KeyUsage, WasslKeyAlgorithm } from "./keys.js";
export { WasslCryptoKey } from "./keys.js";
export type { WasslSubtleCrypto } from "./subtle.js";
export { createSubtleCrypto } from "./subtle.js";
// TODO(lead, when bindings/provider.ts lands): also export the default instance over the WASM provider:
//   export const subtle = createSubtleCrypto(wasmProvider);  (callers `await init()` first)
