// The default CryptoProvider: every operation runs in the WebAssembly core (wassl/crypto).
import type { CryptoProvider } from "../tls/provider.js";
import { cbc, gcm, rc4 } from "./cipher/index.js";
import { equalBytes } from "./equal.js";
import { createHash, hash } from "./hash.js";
import { hmac } from "./hmac.js";
import { prfSsl3, prfTls10, prfTls12 } from "./prf.js";
import { randomBytes } from "./random.js";
import { RsaPrivateKey } from "./rsa/private-key.js";
import { RsaPublicKey } from "./rsa/public-key.js";

/**
 * The WASM CryptoProvider, the engine's default. Call `await init()` (wassl/crypto) before the first
 * handshake; every method throws `ERR_WASSL_NOT_INITIALIZED` until then.
 * @example
 * import { init } from "wassl/crypto";
 * await init();
 * const client = new TlsClient({ provider: wasmProvider, servername: "example.com", ca });
 */
export const wasmProvider: CryptoProvider = {
  name: "wassl-wasm",
  randomBytes,
  hash,
  createHash,
  createHmac: (name, key) => hmac.create(name, key),
  prfTls12,
  prfTls10,
  prfSsl3,
  createCbc: (cipher, key, iv, options) => cbc(cipher, key, iv, options),
  createGcm: (key) => gcm.create(key),
  createRc4: (key) => rc4(key),
  importRsaPublicKey: (key) => RsaPublicKey.fromComponents(key).asProviderKey(),
  importRsaPrivateKey: (key) => RsaPrivateKey.fromComponents(key).asProviderKey(),
  constantTimeEqual: equalBytes,
};
