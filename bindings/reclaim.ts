// A crypto backend for @reclaimprotocol/tls: implements its `Crypto` interface (what
// `setCryptoImplementation` takes) over a wassl CryptoProvider — hashes, HMAC, HKDF-Extract, AES-CBC,
// AES-GCM, RSA PKCS#1 v1.5 encryption, RSA PKCS#1 v1.5 / PSS verification and random bytes — and
// delegates what the provider does not offer (X25519/P-256/P-384 key agreement, ECDSA, ChaCha20-Poly1305)
// to a fallback implementation, normally reclaim's own pure-JS one. Every call is counted.
//
// It sits in bindings/ (the crypto layer, `wassl/reclaim`) rather than tls/adapters/ (transports): it
// adapts our primitives to another stack's crypto interface and never touches records or sockets.
import type { Crypto } from "@reclaimprotocol/tls";
import type { CryptoProvider, HashName, ProviderRsaPublicKey } from "../tls/provider.js";
import { decodeRsaPublicKey } from "../tls/x509/keys.js";
import { wasmProvider } from "./provider.js";

type ReclaimCrypto = Crypto<unknown>;

/** Calls answered by our provider, by operation, and calls passed to the fallback, by method. */
export interface ReclaimCallCounters {
  hash: number;
  hmac: number;
  extract: number;
  cbcEncrypt: number;
  cbcDecrypt: number;
  gcmEncrypt: number;
  gcmDecrypt: number;
  rsaEncrypt: number;
  rsaVerifyPkcs1: number;
  rsaVerifyPss: number;
  random: number;
  keyImports: number;
  /** Calls delegated to the fallback, keyed by `Crypto` method name. */
  delegated: Record<string, number>;
}

/** Options for {@link createReclaimCrypto}. */
export interface ReclaimCryptoOptions {
  /** Our primitives. Default: the WASM provider (call `init()` from wassl/crypto first). */
  provider?: CryptoProvider;
  /** Implementation for what the provider lacks, e.g. `pureJsCrypto` from `@reclaimprotocol/tls/purejs-crypto`. */
  fallback: ReclaimCrypto;
}

/** The adapter and its live call counters. */
export interface ReclaimCryptoBackend {
  /** Pass to reclaim's `setCryptoImplementation`. */
  crypto: ReclaimCrypto;
  /** Incremented on every call; reset with {@link resetReclaimCounters}. */
  counters: ReclaimCallCounters;
}

const HASHES: Record<string, HashName> = {
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};
const GCM_KEY_BYTES: Record<string, number> = { "AES-128-GCM": 16, "AES-256-GCM": 32 };
/** reclaim signature algorithm → [scheme, hash] for the RSA ones we verify. */
const RSA_SIGNATURES: Record<string, ["pkcs1" | "pss", HashName]> = {
  "RSA-PSS-SHA256": ["pss", "sha256"],
  "RSA-PKCS1-SHA1": ["pkcs1", "sha1"],
  "RSA-PKCS1-SHA256": ["pkcs1", "sha256"],
  "RSA-PKCS1-SHA384": ["pkcs1", "sha384"],
  "RSA-PKCS1-SHA512": ["pkcs1", "sha512"],
};

/** Raw key bytes held for AES (CBC/GCM) or HMAC; contexts are created per call and wiped. */
class SecretKey {
  constructor(
    readonly algorithm: string,
    readonly raw: Uint8Array,
  ) {}
}

/** An RSA public key imported into the provider from SubjectPublicKeyInfo DER. */
class RsaKey {
  constructor(
    readonly spki: Uint8Array,
    readonly key: ProviderRsaPublicKey,
  ) {}
}

/** Zeroes every counter of `counters`. */
export function resetReclaimCounters(counters: ReclaimCallCounters): void {
  for (const name of Object.keys(counters) as (keyof ReclaimCallCounters)[]) {
    if (name !== "delegated") counters[name] = 0;
  }
  for (const name of Object.keys(counters.delegated)) delete counters.delegated[name];
}

function hashName(alg: string): HashName {
  const name = HASHES[alg];
  if (!name) throw new Error(`wassl reclaim adapter: unsupported hash ${alg}`);
  return name;
}

function secretOf(key: unknown, expected: string): Uint8Array {
  if (key instanceof SecretKey) return key.raw;
  if (key instanceof Uint8Array) return key;
  throw new Error(`wassl reclaim adapter: ${expected} key expected`);
}

/**
 * Builds a reclaim `Crypto` over `provider`, delegating elliptic curves and ChaCha20-Poly1305 to
 * `fallback`. Keys it imports itself are opaque objects; keys the fallback imports are passed back to it.
 *
 * ```ts
 * import { setCryptoImplementation } from "@reclaimprotocol/tls";
 * import { pureJsCrypto } from "@reclaimprotocol/tls/purejs-crypto";
 * await init(); // wassl/crypto
 * const backend = createReclaimCrypto({ fallback: pureJsCrypto }); // provider defaults to wasmProvider
 * setCryptoImplementation(backend.crypto);
 * ```
 */
export function createReclaimCrypto({ provider = wasmProvider, fallback }: ReclaimCryptoOptions): ReclaimCryptoBackend {
  const counters: ReclaimCallCounters = {
    hash: 0,
    hmac: 0,
    extract: 0,
    cbcEncrypt: 0,
    cbcDecrypt: 0,
    gcmEncrypt: 0,
    gcmDecrypt: 0,
    rsaEncrypt: 0,
    rsaVerifyPkcs1: 0,
    rsaVerifyPss: 0,
    random: 0,
    keyImports: 0,
    delegated: {},
  };
  const delegate = (method: string) => {
    counters.delegated[method] = (counters.delegated[method] ?? 0) + 1;
    return fallback;
  };
  const hmac = (alg: string, key: Uint8Array, data: Uint8Array) => {
    const mac = provider.createHmac(hashName(alg), key);
    try {
      return mac.update(data).digest();
    } finally {
      mac.dispose();
    }
  };
  const cbc = (
    cipherSuite: string,
    key: unknown,
    iv: Uint8Array,
    run: (c: ReturnType<CryptoProvider["createCbc"]>) => Uint8Array,
  ) => {
    if (cipherSuite !== "AES-128-CBC") throw new Error(`wassl reclaim adapter: unsupported cipher ${cipherSuite}`);
    const context = provider.createCbc("aes", secretOf(key, "AES"), iv);
    try {
      return run(context);
    } finally {
      context.dispose();
    }
  };

  const crypto: ReclaimCrypto = {
    importKey(alg: string, raw: Uint8Array, type?: unknown) {
      if (alg === "AES-128-CBC" || alg in GCM_KEY_BYTES || alg in HASHES) {
        counters.keyImports++;
        return new SecretKey(alg, raw.slice());
      }
      if (alg === "RSA-PCKS1_5" || alg in RSA_SIGNATURES) {
        counters.keyImports++;
        const spki = raw.slice();
        return new RsaKey(spki, provider.importRsaPublicKey(decodeRsaPublicKey(spki)));
      }
      return (delegate("importKey").importKey as (a: string, r: Uint8Array, t?: unknown) => unknown)(alg, raw, type);
    },
    exportKey(key) {
      if (key instanceof SecretKey) return key.raw.slice();
      if (key instanceof RsaKey) return key.spki.slice();
      return delegate("exportKey").exportKey(key);
    },
    generateKeyPair: (alg) => delegate("generateKeyPair").generateKeyPair(alg),
    calculateSharedSecret: (alg, privateKey, publicKey) =>
      delegate("calculateSharedSecret").calculateSharedSecret(alg, privateKey, publicKey),
    randomBytes(length) {
      counters.random++;
      return provider.randomBytes(length);
    },
    asymmetricEncrypt(cipherSuite, { publicKey, data }) {
      if (!(publicKey instanceof RsaKey))
        return delegate("asymmetricEncrypt").asymmetricEncrypt(cipherSuite, { publicKey, data });
      counters.rsaEncrypt++;
      return publicKey.key.encryptPkcs1v15(data);
    },
    encrypt(cipherSuite, { key, iv, data }) {
      counters.cbcEncrypt++;
      return cbc(cipherSuite, key, iv, (c) => c.encrypt(data));
    },
    decrypt(cipherSuite, { key, iv, data }) {
      counters.cbcDecrypt++;
      return cbc(cipherSuite, key, iv, (c) => c.decrypt(data));
    },
    authenticatedEncrypt(cipherSuite, opts) {
      if (!(cipherSuite in GCM_KEY_BYTES))
        return delegate("authenticatedEncrypt").authenticatedEncrypt(cipherSuite, opts);
      counters.gcmEncrypt++;
      const aead = provider.createGcm(secretOf(opts.key, "AES-GCM"));
      try {
        const sealed = aead.seal(opts.iv, opts.data, opts.aead);
        const split = sealed.length - aead.tagLength;
        return { ciphertext: sealed.slice(0, split), authTag: sealed.slice(split) };
      } finally {
        aead.dispose();
      }
    },
    authenticatedDecrypt(cipherSuite, opts) {
      if (!(cipherSuite in GCM_KEY_BYTES))
        return delegate("authenticatedDecrypt").authenticatedDecrypt(cipherSuite, opts);
      counters.gcmDecrypt++;
      const aead = provider.createGcm(secretOf(opts.key, "AES-GCM"));
      try {
        const sealed = new Uint8Array(opts.data.length + opts.authTag.length);
        sealed.set(opts.data);
        sealed.set(opts.authTag, opts.data.length);
        const plaintext = aead.open(opts.iv, sealed, opts.aead);
        if (plaintext === null) throw new Error("wassl reclaim adapter: AES-GCM authentication failed");
        return { plaintext };
      } finally {
        aead.dispose();
      }
    },
    verify(alg, opts) {
      const rsa = RSA_SIGNATURES[alg];
      if (!rsa || !(opts.publicKey instanceof RsaKey)) return delegate("verify").verify(alg, opts);
      const [scheme, hash] = rsa;
      const digest = provider.hash(hash, opts.data);
      if (scheme === "pss") {
        counters.rsaVerifyPss++;
        return opts.publicKey.key.verifyPss(hash, digest, opts.signature);
      }
      counters.rsaVerifyPkcs1++;
      return opts.publicKey.key.verifyPkcs1v15(hash, digest, opts.signature);
    },
    hash(alg, data) {
      counters.hash++;
      return provider.hash(hashName(alg), data);
    },
    hmac(alg, key, data) {
      counters.hmac++;
      return hmac(alg, secretOf(key, "HMAC"), data);
    },
    extract(alg, hashLength, ikm, salt) {
      // RFC 5869 §2.2: PRK = HMAC-Hash(salt, IKM); an absent salt is HashLen zero bytes.
      counters.extract++;
      const saltBytes = typeof salt === "string" ? new TextEncoder().encode(salt) : salt;
      return hmac(alg, saltBytes.length ? saltBytes : new Uint8Array(hashLength), ikm);
    },
  };
  return { crypto, counters };
}
