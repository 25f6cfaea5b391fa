// The CryptoProvider contract: everything the TLS engine needs from cryptography, and nothing else.
//
// The engine never imports a crypto implementation directly; it receives a provider object
// (rustls-style), so another backend (node:crypto, an HSM, a test double) can be swapped in and other
// TLS stacks can reuse ours. All byte strings are Uint8Array; all big integers are big-endian bytes.

/** Hash algorithms every provider offers. */
export type HashName = "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512";

/** An incremental hash. `digest()` finalizes; `clone()` forks the running state (transcript hashes). */
export interface Hash {
  /** Digest size in bytes. */
  readonly outputLength: number;
  /** Internal block size in bytes. */
  readonly blockLength: number;
  /** Absorbs more input. */
  update(data: Uint8Array): this;
  /** Finishes and returns the digest; the context is finished afterwards (only dispose() is valid). */
  digest(): Uint8Array;
  /** An independent copy of the running state. */
  clone(): Hash;
  /** Wipes the state and frees its resources. */
  dispose(): void;
}

/** A keyed HMAC (RFC 2104). `digest()` returns the tag and resets to the keyed state for reuse. */
export interface Hmac {
  /** Tag size in bytes. */
  readonly outputLength: number;
  /** Absorbs more input. */
  update(data: Uint8Array): this;
  /** Returns the tag and resets to the freshly keyed state, ready for the next message. */
  digest(): Uint8Array;
  /** Wipes the keyed state. */
  dispose(): void;
}

/** Block ciphers available in CBC mode. */
export type BlockCipherName = "aes" | "des" | "3des" | "rc2";

/** Options for a CBC context. */
export interface CbcOptions {
  /** RC2 effective key bits (RFC 2268), 1–1024. Defaults to 8 × key length. */
  effectiveBits?: number;
}

/**
 * CBC without padding. The IV chains across calls (TLS 1.0 records continue the previous record's
 * last ciphertext block); `setIv()` replaces it (TLS 1.1+ explicit IVs).
 */
export interface CbcCipher {
  /** Cipher block size in bytes (16 for AES, 8 otherwise). */
  readonly blockLength: number;
  /** Encrypts a whole number of blocks. */
  encrypt(data: Uint8Array): Uint8Array;
  /** Decrypts a whole number of blocks. */
  decrypt(data: Uint8Array): Uint8Array;
  /** Replaces the chaining value. */
  setIv(iv: Uint8Array): void;
  /** Wipes the key schedule. */
  dispose(): void;
}

/** An AEAD keyed once, used with a fresh nonce per record (AES-GCM). */
export interface Aead {
  /** Tag size in bytes. */
  readonly tagLength: number;
  /** Returns ciphertext ‖ tag. */
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  /** Returns the plaintext, or null when the tag does not verify (nothing else is released). */
  open(nonce: Uint8Array, ciphertextAndTag: Uint8Array, aad: Uint8Array): Uint8Array | null;
  /** Wipes the key. */
  dispose(): void;
}

/** A stateful stream cipher (RC4): the keystream continues across calls. */
export interface StreamCipher {
  /** XORs the next keystream bytes into a copy of `data`. */
  process(data: Uint8Array): Uint8Array;
  /** Wipes the state. */
  dispose(): void;
}

/** RSA public key components (big-endian, unsigned, no leading zero required). */
export interface RsaPublicComponents {
  n: Uint8Array;
  e: Uint8Array;
}

/** RSA private key components in CRT form (PKCS#1 RSAPrivateKey fields). */
export interface RsaPrivateComponents extends RsaPublicComponents {
  d: Uint8Array;
  p: Uint8Array;
  q: Uint8Array;
  dp: Uint8Array;
  dq: Uint8Array;
  qinv: Uint8Array;
}

/**
 * Digest identifiers for RSA signatures over a precomputed digest. `"md5-sha1"` is the 36-byte
 * MD5‖SHA-1 concatenation signed without DigestInfo in TLS 1.0/1.1 (RFC 4346 §7.4.8).
 */
export type SignatureHash = HashName | "md5-sha1";

/** A public key imported into the provider. */
export interface ProviderRsaPublicKey {
  /** Modulus size in bits. */
  readonly bits: number;
  /** PKCS#1 v1.5 type-2 encryption (the client's premaster). */
  encryptPkcs1v15(plaintext: Uint8Array): Uint8Array;
  /** PKCS#1 v1.5 signature check over a digest, by re-encoding and constant-time comparison. */
  verifyPkcs1v15(hash: SignatureHash, digest: Uint8Array, signature: Uint8Array): boolean;
  /** RSASSA-PSS check over a digest (MGF1 with the same hash, salt length = digest length). */
  verifyPss(hash: HashName, digest: Uint8Array, signature: Uint8Array): boolean;
  /** Releases the key's resources (e.g. a WASM key slot). The engine calls it when done with a peer key. */
  dispose?(): void;
}

/** A private key imported into the provider. Operations may be asynchronous (HSM, remote signer). */
export interface ProviderRsaPrivateKey {
  /** Modulus size in bits. */
  readonly bits: number;
  /** The matching public key. */
  readonly publicKey: ProviderRsaPublicKey;
  /**
   * RFC 5246 §7.4.7.1: always 48 bytes. On any padding, length or version failure returns random
   * bytes chosen in constant time; never throws for bad ciphertext content.
   */
  decryptTlsPremaster(ciphertext: Uint8Array, clientVersion: number): Uint8Array | Promise<Uint8Array>;
  /** PKCS#1 v1.5 signature over a digest (DigestInfo added unless `hash` is `"md5-sha1"`). */
  signPkcs1v15(hash: SignatureHash, digest: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** RSASSA-PSS signature over a digest (salt length = digest length). */
  signPss(hash: HashName, digest: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Releases the key's resources. The engine calls it only for keys it imported itself. */
  dispose?(): void;
}

/** Everything the engine needs from cryptography. */
export interface CryptoProvider {
  /** Human-readable backend name, e.g. `"wassl-wasm"` or `"node:crypto"`. */
  readonly name: string;
  /** Cryptographically secure random bytes. */
  randomBytes(length: number): Uint8Array;
  /** One-shot hash. */
  hash(name: HashName, data: Uint8Array): Uint8Array;
  /** Incremental hash with clone(). */
  createHash(name: HashName): Hash;
  /** Keyed, reusable HMAC. */
  createHmac(name: HashName, key: Uint8Array): Hmac;
  /** TLS 1.2 PRF, RFC 5246 §5 (P_SHA256 or P_SHA384). */
  prfTls12(hash: "sha256" | "sha384", secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array;
  /** TLS 1.0/1.1 PRF, RFC 2246 §5: P_MD5(S1) ⊕ P_SHA1(S2). */
  prfTls10(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array;
  /** SSL 3.0 key derivation, RFC 6101 §6.1–6.2.2 (MD5(secret ‖ SHA1("A"… ‖ secret ‖ seed)) …). */
  prfSsl3(secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array;
  /** CBC context (no padding, IV chained). */
  createCbc(cipher: BlockCipherName, key: Uint8Array, iv: Uint8Array, options?: CbcOptions): CbcCipher;
  /** AES-GCM keyed with `key` (16, 24 or 32 bytes). */
  createGcm(key: Uint8Array): Aead;
  /** RC4 keyed with `key` (5–256 bytes). */
  createRc4(key: Uint8Array): StreamCipher;
  /** Imports an RSA public key. */
  importRsaPublicKey(key: RsaPublicComponents): ProviderRsaPublicKey;
  /** Imports an RSA private key. */
  importRsaPrivateKey(key: RsaPrivateComponents): ProviderRsaPrivateKey;
  /** Compares two byte strings in time independent of their contents (length may leak). */
  constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
