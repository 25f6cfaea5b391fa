// The node:crypto reference CryptoProvider: an independent backend for differential and conformance
// tests, and an example of the provider contract. Not constant-time by our standards (node:crypto
// handles keys; padding checks here are masked TypeScript); RC4, DES and RC2 need Node's legacy OpenSSL
// provider (`node --openssl-legacy-provider`) and throw otherwise.
import * as crypto from "node:crypto";
import type {
  Aead,
  BlockCipherName,
  CbcCipher,
  CbcOptions,
  CryptoProvider,
  Hash,
  HashName,
  Hmac,
  ProviderRsaPrivateKey,
  ProviderRsaPublicKey,
  RsaPrivateComponents,
  RsaPublicComponents,
  SignatureHash,
  StreamCipher,
} from "../tls/provider.js";
import { DIGEST_LENGTH, emsaPkcs1v15, emsaPssEncode, emsaPssVerify } from "./node/pkcs1.js";
import { selectTlsPremaster } from "./node/premaster.js";
import { prfSsl3With, prfTls10With, prfTls12With } from "./node/prf.js";

const HASH_SIZES: Record<HashName, [output: number, block: number]> = {
  md5: [16, 64],
  sha1: [20, 64],
  sha224: [28, 64],
  sha256: [32, 64],
  sha384: [48, 128],
  sha512: [64, 128],
};

const bytes = (b: Buffer | Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const digest = (name: HashName, data: Uint8Array) => bytes(crypto.createHash(name).update(data).digest());
const hmacOnce = (name: HashName, key: Uint8Array, data: Uint8Array) =>
  bytes(crypto.createHmac(name, key).update(data).digest());

class NodeHash implements Hash {
  readonly outputLength: number;
  readonly blockLength: number;
  constructor(
    private readonly name: HashName,
    private inner: crypto.Hash = crypto.createHash(name),
  ) {
    [this.outputLength, this.blockLength] = HASH_SIZES[name];
  }
  update(data: Uint8Array): this {
    this.inner.update(data);
    return this;
  }
  digest(): Uint8Array {
    return bytes(this.inner.digest());
  }
  clone(): Hash {
    return new NodeHash(this.name, this.inner.copy());
  }
  dispose(): void {}
}

class NodeHmac implements Hmac {
  readonly outputLength: number;
  private inner: crypto.Hmac;
  constructor(
    private readonly name: HashName,
    private readonly key: Uint8Array,
  ) {
    this.key = key.slice(); // kept to re-key after each digest; the caller may wipe its copy
    this.outputLength = HASH_SIZES[name][0];
    this.inner = crypto.createHmac(name, key);
  }
  update(data: Uint8Array): this {
    this.inner.update(data);
    return this;
  }
  digest(): Uint8Array {
    const tag = bytes(this.inner.digest());
    this.inner = crypto.createHmac(this.name, this.key);
    return tag;
  }
  dispose(): void {}
}

function cbcAlgorithm(cipher: BlockCipherName, keyLength: number): string {
  switch (cipher) {
    case "aes":
      return `aes-${keyLength * 8}-cbc`;
    case "des":
      return "des-cbc";
    case "3des":
      return keyLength === 16 ? "des-ede-cbc" : "des-ede3-cbc";
    case "rc2":
      return "rc2-cbc";
  }
}

class NodeCbc implements CbcCipher {
  readonly blockLength: number;
  private enc?: crypto.Cipher;
  private dec?: crypto.Decipher;
  constructor(
    private readonly algorithm: string,
    private readonly key: Uint8Array,
    private iv: Uint8Array,
  ) {
    // Copies: the engine wipes the key material it hands over once the context exists.
    this.key = key.slice();
    this.iv = iv.slice();
    this.blockLength = algorithm.startsWith("aes") ? 16 : 8;
    crypto.createCipheriv(algorithm, key, iv); // fail early when unsupported
  }
  encrypt(data: Uint8Array): Uint8Array {
    this.enc ??= crypto.createCipheriv(this.algorithm, this.key, this.iv).setAutoPadding(false);
    return bytes(this.enc.update(data));
  }
  decrypt(data: Uint8Array): Uint8Array {
    this.dec ??= crypto.createDecipheriv(this.algorithm, this.key, this.iv).setAutoPadding(false);
    return bytes(this.dec.update(data));
  }
  setIv(iv: Uint8Array): void {
    this.iv = iv.slice();
    this.enc = undefined;
    this.dec = undefined;
  }
  dispose(): void {}
}

class NodeGcm implements Aead {
  readonly tagLength = 16;
  private readonly algorithm: crypto.CipherGCMTypes;
  constructor(private readonly key: Uint8Array) {
    this.key = key.slice(); // the caller may wipe its copy
    this.algorithm = `aes-${key.length * 8}-gcm` as crypto.CipherGCMTypes;
  }
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
    const c = crypto.createCipheriv(this.algorithm, this.key, nonce).setAAD(aad);
    return bytes(Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]));
  }
  open(nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
    if (sealed.length < 16) return null;
    const d = crypto.createDecipheriv(this.algorithm, this.key, nonce).setAAD(aad);
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    const out = d.update(sealed.subarray(0, sealed.length - 16));
    try {
      return bytes(Buffer.concat([out, d.final()]));
    } catch {
      return null;
    }
  }
  dispose(): void {}
}

const b64u = (b: Uint8Array) => Buffer.from(b).toString("base64url");

class NodeRsaPublicKey implements ProviderRsaPublicKey {
  readonly bits: number;
  readonly key: crypto.KeyObject;
  constructor(c: RsaPublicComponents) {
    this.key = crypto.createPublicKey({ key: { kty: "RSA", n: b64u(c.n), e: b64u(c.e) }, format: "jwk" });
    this.bits = this.key.asymmetricKeyDetails?.modulusLength ?? 0;
  }
  private raw(signature: Uint8Array): Uint8Array | null {
    if (signature.length !== Math.ceil(this.bits / 8)) return null;
    try {
      return bytes(crypto.publicDecrypt({ key: this.key, padding: crypto.constants.RSA_NO_PADDING }, signature));
    } catch {
      return null;
    }
  }
  encryptPkcs1v15(plaintext: Uint8Array): Uint8Array {
    return bytes(crypto.publicEncrypt({ key: this.key, padding: crypto.constants.RSA_PKCS1_PADDING }, plaintext));
  }
  verifyPkcs1v15(hash: SignatureHash, digestBytes: Uint8Array, signature: Uint8Array): boolean {
    const em = this.raw(signature);
    if (!em || digestBytes.length !== DIGEST_LENGTH[hash]) return false;
    return nodeCryptoProvider.constantTimeEqual(em, emsaPkcs1v15(hash, digestBytes, em.length));
  }
  verifyPss(hash: HashName, digestBytes: Uint8Array, signature: Uint8Array): boolean {
    const em = this.raw(signature);
    return em !== null && emsaPssVerify(digest, hash, digestBytes, em, this.bits);
  }
}

class NodeRsaPrivateKey implements ProviderRsaPrivateKey {
  readonly bits: number;
  readonly publicKey: NodeRsaPublicKey;
  private readonly key: crypto.KeyObject;
  constructor(c: RsaPrivateComponents) {
    const jwk = {
      kty: "RSA",
      n: b64u(c.n),
      e: b64u(c.e),
      d: b64u(c.d),
      p: b64u(c.p),
      q: b64u(c.q),
      dp: b64u(c.dp),
      dq: b64u(c.dq),
      qi: b64u(c.qinv),
    };
    this.key = crypto.createPrivateKey({ key: jwk, format: "jwk" });
    this.publicKey = new NodeRsaPublicKey(c);
    this.bits = this.publicKey.bits;
  }
  private rawPrivate(block: Uint8Array): Uint8Array {
    return bytes(crypto.privateEncrypt({ key: this.key, padding: crypto.constants.RSA_NO_PADDING }, block));
  }
  decryptTlsPremaster(ciphertext: Uint8Array, clientVersion: number): Uint8Array {
    const fallback = bytes(crypto.randomBytes(48));
    const k = Math.ceil(this.bits / 8);
    let em: Uint8Array;
    try {
      // Raw RSA: the padding is judged below, not by OpenSSL (Node 20 refuses PKCS#1 v1.5 decryption).
      em = bytes(crypto.privateDecrypt({ key: this.key, padding: crypto.constants.RSA_NO_PADDING }, ciphertext));
    } catch {
      em = new Uint8Array(k); // ciphertext ≥ n or wrong length: the all-zero block fails the checks
    }
    return selectTlsPremaster(em, clientVersion, fallback);
  }
  signPkcs1v15(hash: SignatureHash, digestBytes: Uint8Array): Uint8Array {
    return this.rawPrivate(emsaPkcs1v15(hash, digestBytes, Math.ceil(this.bits / 8)));
  }
  signPss(hash: HashName, digestBytes: Uint8Array): Uint8Array {
    const salt = bytes(crypto.randomBytes(digestBytes.length));
    const em = emsaPssEncode(digest, hash, digestBytes, salt, this.bits);
    const block = new Uint8Array(Math.ceil(this.bits / 8));
    block.set(em, block.length - em.length);
    return this.rawPrivate(block);
  }
}

class NodeRc4 implements StreamCipher {
  private readonly cipher: crypto.Cipher;
  constructor(key: Uint8Array) {
    this.cipher = crypto.createCipheriv("rc4", key, null);
  }
  process(data: Uint8Array): Uint8Array {
    return bytes(this.cipher.update(data));
  }
  dispose(): void {}
}

/** The node:crypto reference provider (see the file comment for its limits). */
export const nodeCryptoProvider: CryptoProvider = {
  name: "node:crypto",
  randomBytes: (length) => bytes(crypto.randomBytes(length)),
  hash: digest,
  createHash: (name) => new NodeHash(name),
  createHmac: (name, key) => new NodeHmac(name, key),
  prfTls12: (hash, secret, label, seed, length) => prfTls12With(hmacOnce, hash, secret, label, seed, length),
  prfTls10: (secret, label, seed, length) => prfTls10With(hmacOnce, secret, label, seed, length),
  prfSsl3: (secret, seed, length) => prfSsl3With(digest, secret, seed, length),
  createCbc: (cipher, key, iv, options?: CbcOptions) => {
    // OpenSSL's rc2-cbc always runs with 128 effective key bits, whatever the key length.
    if (cipher === "rc2" && (options?.effectiveBits ?? key.length * 8) !== 128) {
      throw new Error("node:crypto's rc2-cbc supports only 128 effective key bits");
    }
    return new NodeCbc(cbcAlgorithm(cipher, key.length), key, iv);
  },
  createGcm: (key) => new NodeGcm(key),
  createRc4: (key) => new NodeRc4(key),
  importRsaPublicKey: (key) => new NodeRsaPublicKey(key),
  importRsaPrivateKey: (key) => new NodeRsaPrivateKey(key),
  constantTimeEqual: (a, b) => a.length === b.length && crypto.timingSafeEqual(a, b),
};
