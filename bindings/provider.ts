// The default CryptoProvider: every operation runs in the WebAssembly core (wassl/crypto).
import type { CryptoProvider } from "../tls/provider.js";
import { cbc, gcm, rc4 } from "./cipher/index.js";
import { equalBytes } from "./equal.js";
import { createHash, hash } from "./hash.js";
import { hmac } from "./hmac.js";
import { prfSsl3, prfTls10, prfTls12 } from "./prf.js";
import { RsaPrivateKey } from "./rsa/private-key.js";
import { RsaPublicKey } from "./rsa/public-key.js";

const RANDOM_CHUNK = 65536; // getRandomValues' per-call limit

/** Cryptographically secure random bytes from the platform (crypto.getRandomValues), any length. */
function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let off = 0; off < length; off += RANDOM_CHUNK) {
    globalThis.crypto.getRandomValues(out.subarray(off, Math.min(length, off + RANDOM_CHUNK)));
  }
  return out;
}

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
