// The SubtleCrypto-shaped object over a CryptoProvider (W3C WebCrypto §14.3): digest, importKey,
// exportKey, sign/verify (HMAC, RSASSA-PKCS1-v1_5, RSA-PSS) and encrypt/decrypt (AES-CBC with PKCS#7
// padding, AES-GCM). Everything else rejects with NotSupportedError.
import type { CryptoProvider, ProviderRsaPrivateKey, ProviderRsaPublicKey } from "../../tls/provider.js";
import { type AlgorithmInput, DIGESTS, normalize } from "./algorithms.js";
import { arrayBufferOf, bytesOf } from "./bytes.js";
import { toWebCryptoError, webCryptoError } from "./errors.js";
import {
  exportKey,
  importKey,
  type Jwk,
  type KeyFormat,
  type KeyUsage,
  keyHash,
  materialOf,
  type WasslCryptoKey,
} from "./keys.js";

/** The subset of SubtleCrypto that wassl implements; every method returns a promise, like WebCrypto. */
export interface WasslSubtleCrypto {
  digest(algorithm: AlgorithmInput, data: BufferSource): Promise<ArrayBuffer>;
  importKey(
    format: KeyFormat,
    keyData: BufferSource | Jwk,
    algorithm: AlgorithmInput,
    extractable: boolean,
    keyUsages: KeyUsage[],
  ): Promise<WasslCryptoKey>;
  exportKey(format: KeyFormat, key: WasslCryptoKey): Promise<ArrayBuffer | Jwk>;
  sign(algorithm: AlgorithmInput, key: WasslCryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  verify(algorithm: AlgorithmInput, key: WasslCryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean>;
  encrypt(algorithm: AlgorithmInput, key: WasslCryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  decrypt(algorithm: AlgorithmInput, key: WasslCryptoKey, data: BufferSource): Promise<ArrayBuffer>;
}

type Usage = "sign" | "verify" | "encrypt" | "decrypt";

/** Checks that `key` belongs to the operation's algorithm and allows the usage (§14.3.x step "InvalidAccessError"). */
function checkKey(key: WasslCryptoKey, name: string, usage: Usage): void {
  materialOf(key);
  if (key.algorithm.name !== name)
    throw webCryptoError("InvalidAccessError", `key is for ${key.algorithm.name}, not ${name}`);
  if (!key.usages.includes(usage)) throw webCryptoError("InvalidAccessError", `key usages do not include "${usage}"`);
}

/** PKCS#7 padding to the AES block (what WebCrypto's AES-CBC applies, RFC 5652 §6.3). */
function pad(data: Uint8Array): Uint8Array {
  const n = 16 - (data.length % 16);
  const out = new Uint8Array(data.length + n).fill(n);
  out.set(data);
  return out;
}

/** Strips PKCS#7 padding; bad padding is an OperationError, checked without early exit. */
function unpad(data: Uint8Array): Uint8Array {
  const n = data.length ? data[data.length - 1] : 0;
  let bad = n === 0 || n > 16 || data.length < 16 ? 1 : 0;
  for (let i = 1; i <= 16; i++) bad |= i <= n && i <= data.length ? data[data.length - i] ^ n : 0;
  if (bad) throw webCryptoError("OperationError", "AES-CBC decryption failed (bad padding)");
  return data.slice(0, data.length - n);
}

/** Builds a SubtleCrypto-shaped object whose cryptography is done by `provider`. */
export function createSubtleCrypto(provider: CryptoProvider): WasslSubtleCrypto {
  const privateHandles = new WeakMap<WasslCryptoKey, ProviderRsaPrivateKey>();
  const publicHandles = new WeakMap<WasslCryptoKey, ProviderRsaPublicKey>();
  const privateHandle = (key: WasslCryptoKey) => {
    const material = materialOf(key);
    if (material.kind !== "private") throw webCryptoError("InvalidAccessError", "a private key is required");
    const handle = privateHandles.get(key) ?? provider.importRsaPrivateKey(material.rsa);
    privateHandles.set(key, handle);
    return handle;
  };
  const publicHandle = (key: WasslCryptoKey) => {
    const material = materialOf(key);
    if (material.kind !== "public") throw webCryptoError("InvalidAccessError", "a public key is required");
    const handle = publicHandles.get(key) ?? provider.importRsaPublicKey(material.rsa);
    publicHandles.set(key, handle);
    return handle;
  };
  const secret = (key: WasslCryptoKey) => {
    const material = materialOf(key);
    if (material.kind !== "secret") throw webCryptoError("InvalidAccessError", "a secret key is required");
    return material.raw;
  };
  const hmac = (key: WasslCryptoKey, data: Uint8Array) => {
    const mac = provider.createHmac(keyHash(key), secret(key));
    try {
      return mac.update(data).digest();
    } finally {
      mac.dispose();
    }
  };
  /** RSA-PSS saltLength: the provider contract fixes it to the digest length. */
  const checkSalt = (alg: Record<string, unknown>, key: WasslCryptoKey) => {
    const digestLength = provider.hash(keyHash(key), new Uint8Array(0)).length;
    if (alg.saltLength !== digestLength) {
      throw webCryptoError(
        "NotSupportedError",
        `RSA-PSS saltLength must equal the digest length (${digestLength}) in wassl/webcrypto`,
      );
    }
  };
  const signatureAlgorithm = (input: AlgorithmInput, key: WasslCryptoKey, usage: Usage) => {
    const alg = normalize(input, ["HMAC", "RSASSA-PKCS1-v1_5", "RSA-PSS"], usage);
    checkKey(key, alg.name, usage);
    if (alg.name === "RSA-PSS") checkSalt(alg, key);
    return alg.name;
  };
  const gcm = (alg: Record<string, unknown>, key: WasslCryptoKey) => {
    if (alg.tagLength !== undefined && alg.tagLength !== 128) {
      throw webCryptoError("NotSupportedError", "AES-GCM tagLength other than 128 is not supported by wassl/webcrypto");
    }
    const iv = bytesOf(alg.iv, "iv");
    if (iv.length === 0) throw webCryptoError("OperationError", "AES-GCM iv must not be empty");
    const aad = alg.additionalData === undefined ? new Uint8Array(0) : bytesOf(alg.additionalData, "additionalData");
    return { aead: provider.createGcm(secret(key)), iv, aad };
  };
  const cipherAlgorithm = (input: AlgorithmInput, key: WasslCryptoKey, usage: Usage) => {
    const alg = normalize(input, ["AES-CBC", "AES-GCM"], usage);
    checkKey(key, alg.name, usage);
    return alg;
  };
  const cbc = (alg: Record<string, unknown>, key: WasslCryptoKey) => {
    const iv = bytesOf(alg.iv, "iv");
    if (iv.length !== 16) throw webCryptoError("OperationError", "AES-CBC iv must be 16 bytes");
    return provider.createCbc("aes", secret(key), iv);
  };

  return rejectingWithWebCryptoErrors({
    async digest(algorithm, data) {
      const { name } = normalize(algorithm, Object.keys(DIGESTS), "digest");
      return arrayBufferOf(provider.hash(DIGESTS[name], bytesOf(data)));
    },
    async importKey(format, keyData, algorithm, extractable, keyUsages) {
      return importKey(format, keyData, algorithm, extractable, keyUsages);
    },
    async exportKey(format, key) {
      return exportKey(format, key);
    },
    async sign(algorithm, key, data) {
      const name = signatureAlgorithm(algorithm, key, "sign");
      const message = bytesOf(data);
      if (name === "HMAC") return arrayBufferOf(hmac(key, message));
      const digest = provider.hash(keyHash(key), message);
      const handle = privateHandle(key);
      const signature =
        name === "RSA-PSS" ? handle.signPss(keyHash(key), digest) : handle.signPkcs1v15(keyHash(key), digest);
      return arrayBufferOf(await signature);
    },
    async verify(algorithm, key, signature, data) {
      const name = signatureAlgorithm(algorithm, key, "verify");
      const message = bytesOf(data);
      const sig = bytesOf(signature, "signature");
      if (name === "HMAC") return provider.constantTimeEqual(hmac(key, message), sig);
      const digest = provider.hash(keyHash(key), message);
      const handle = publicHandle(key);
      return name === "RSA-PSS"
        ? handle.verifyPss(keyHash(key), digest, sig)
        : handle.verifyPkcs1v15(keyHash(key), digest, sig);
    },
    async encrypt(algorithm, key, data) {
      const alg = cipherAlgorithm(algorithm, key, "encrypt");
      const plaintext = bytesOf(data);
      if (alg.name === "AES-CBC") {
        const context = cbc(alg, key);
        try {
          return arrayBufferOf(context.encrypt(pad(plaintext)));
        } finally {
          context.dispose();
        }
      }
      const { aead, iv, aad } = gcm(alg, key);
      try {
        return arrayBufferOf(aead.seal(iv, plaintext, aad));
      } finally {
        aead.dispose();
      }
    },
    async decrypt(algorithm, key, data) {
      const alg = cipherAlgorithm(algorithm, key, "decrypt");
      const ciphertext = bytesOf(data);
      if (alg.name === "AES-CBC") {
        if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
          throw webCryptoError("OperationError", "AES-CBC ciphertext must be a non-empty multiple of 16 bytes");
        }
        const context = cbc(alg, key);
        try {
          return arrayBufferOf(unpad(context.decrypt(ciphertext)));
        } finally {
          context.dispose();
        }
      }
      const { aead, iv, aad } = gcm(alg, key);
      try {
        const plaintext = aead.open(iv, ciphertext, aad);
        if (plaintext === null) throw webCryptoError("OperationError", "AES-GCM authentication failed");
        return arrayBufferOf(plaintext);
      } finally {
        aead.dispose();
      }
    },
  });
}

/** Every method of `subtle`, with failures mapped to WebCrypto's error names (see toWebCryptoError). */
function rejectingWithWebCryptoErrors(subtle: WasslSubtleCrypto): WasslSubtleCrypto {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(subtle) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        throw toWebCryptoError(error);
      }
    };
  }
  return wrapped as unknown as WasslSubtleCrypto;
}
