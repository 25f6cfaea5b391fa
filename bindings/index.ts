// wassl/crypto — the typed API over the WebAssembly core.

export type { HashName } from "../tls/provider.js";
export { equalBytes } from "./equal.js";
export type { GcmCipher } from "./cipher/index.js";
export { CbcContext, cbc, EcbContext, ecb, GCM_TAG_LENGTH, GcmAead, gcm, Rc4Context, rc4 } from "./cipher/index.js";
export { WasslError } from "./errors.js";
export type { HashFunction } from "./hash.js";
export { createHash, HashContext, hash, hashByName, md5, sha1, sha224, sha256, sha384, sha512 } from "./hash.js";
export { hkdfExpand, hkdfExtract } from "./hkdf.js";
export type { HmacFunction } from "./hmac.js";
export { HmacContext, hmac } from "./hmac.js";
export { prfSsl3, prfTls10, prfTls12, SSL3_MAX_OUTPUT } from "./prf.js";
export { RsaPrivateKey } from "./rsa/private-key.js";
export { RsaPublicKey } from "./rsa/public-key.js";
export type { InitOptions, WasmBuild } from "./wasm.js";
export { activeBuild, init, initSync, isInitialized } from "./wasm.js";
