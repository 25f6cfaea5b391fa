// RsaPrivateKey: TLS premaster decryption, PKCS#1 v1.5 decryption and signing, RSASSA-PSS signing.
import type { HashName, ProviderRsaPrivateKey, RsaPrivateComponents, SignatureHash } from "../../tls/provider.js";
import { decodeRsaPrivateKey, decodeRsaPrivateKeyPem } from "../../tls/x509/keys.js";
import { WasslError } from "../errors.js";
import { hash as hashMessage } from "../hash.js";
import { emsaPkcs1v15, emsaPssEncode } from "../node/pkcs1.js";
import { randomBytes } from "../random.js";
import { ioRegion, wasmExports } from "../wasm.js";
import { signatureDigest } from "./digest.js";
import type { RsaExports } from "./exports.js";
import { type KeySlot, loadRsaKey } from "./key-slot.js";
import { RsaPublicKey } from "./public-key.js";
import { leftPad, RSA_INPUT_RANGE, rawOp } from "./raw.js";

function copyComponents(c: RsaPrivateComponents): RsaPrivateComponents {
  const { n, e, d, p, q, dp, dq, qinv } = c;
  return {
    n: n.slice(),
    e: e.slice(),
    d: d.slice(),
    p: p.slice(),
    q: q.slice(),
    dp: dp.slice(),
    dq: dq.slice(),
    qinv: qinv.slice(),
  };
}

const DIGEST_BYTES: Record<HashName, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/**
 * An RSA private key (CRT form) held in a WASM key slot. Every private operation is blinded with a
 * fresh random value and its result is checked with the public exponent before release.
 * @example
 * const key = RsaPrivateKey.fromComponents(components);
 * const premaster = key.decryptTlsPremaster(encryptedPreMaster, 0x0303);
 */
export class RsaPrivateKey {
  /** Modulus size in bits. */
  readonly bits: number;
  /** The matching public key. */
  readonly publicKey: RsaPublicKey;
  /** @internal */
  readonly slot: KeySlot;
  readonly #components: RsaPrivateComponents;

  /** @internal Use the static factories. */
  constructor(components: RsaPrivateComponents) {
    this.publicKey = new RsaPublicKey(components);
    try {
      this.#components = copyComponents(components);
      this.slot = loadRsaKey(this, this.#components);
    } catch (err) {
      this.publicKey.dispose();
      throw err;
    }
    this.bits = this.publicKey.bits;
  }

  /** The PKCS#1 components (copies), e.g. for `encodeRsaPrivateKeyPkcs1`. */
  components(): RsaPrivateComponents {
    return copyComponents(this.#components);
  }

  /** Imports a key from its PKCS#1 components (n, e, d, p, q, dp, dq, qinv; big-endian bytes). */
  static fromComponents(components: RsaPrivateComponents): RsaPrivateKey {
    return new RsaPrivateKey(components);
  }

  /** Imports a PEM `RSA PRIVATE KEY` (PKCS#1) or `PRIVATE KEY` (PKCS#8) block (unencrypted). */
  static fromPem(pem: string): RsaPrivateKey {
    return new RsaPrivateKey(decodeRsaPrivateKeyPem(pem));
  }

  /** Imports a DER PKCS#1 RSAPrivateKey or PKCS#8 PrivateKeyInfo. */
  static fromDer(der: Uint8Array): RsaPrivateKey {
    return new RsaPrivateKey(decodeRsaPrivateKey(der));
  }

  /** Modulus size in bytes (k). */
  get byteLength(): number {
    return this.publicKey.byteLength;
  }

  /** RSADP/RSASP1 (RFC 8017 §5.1.2): c^d mod n on a k-byte input, blinded and checked. */
  rawPrivate(input: Uint8Array): Uint8Array {
    if (input.length !== this.byteLength) throw new WasslError("ERR_WASSL_RSA_INPUT", "RSA input must be k bytes");
    const out = rawOp(this.slot, "private", input);
    if (out === RSA_INPUT_RANGE) throw new WasslError("ERR_WASSL_RSA_INPUT", "RSA input is not below the modulus");
    if (typeof out === "number") throw new WasslError("ERR_WASSL_RSA_FAULT", "RSA private operation failed its check");
    return out;
  }

  /**
   * Decrypts a TLS EncryptedPreMasterSecret (RFC 5246 §7.4.7.1). Always returns 48 bytes: on any
   * length, padding or version failure a random premaster chosen in constant time inside WASM, so the
   * handshake fails later at Finished exactly as with a wrong key. Never throws for bad ciphertexts.
   */
  decryptTlsPremaster(ciphertext: Uint8Array, clientVersion: number): Uint8Array {
    const x = wasmExports<RsaExports>();
    const io = ioRegion();
    const len = Math.min(ciphertext.length, this.byteLength + 1);
    const ptr = this.slot.ptr(); // before using the I/O region: a reload writes through it
    io.bytes.set(ciphertext.subarray(0, len));
    x.rsaDecryptTlsPremaster(ptr, io.ptr, len, clientVersion, io.ptr2);
    io.bytes.fill(0, 0, len);
    const out = io.bytes2.slice(0, 48);
    io.bytes2.fill(0, 0, 48);
    return out;
  }

  /**
   * RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2). Throws one uniform `ERR_WASSL_RSA_DECRYPT` for
   * every failure. Do not use it for TLS premasters (use {@link decryptTlsPremaster}).
   */
  decryptPkcs1v15(ciphertext: Uint8Array): Uint8Array {
    const x = wasmExports<RsaExports>();
    const io = ioRegion();
    const k = this.byteLength;
    const len = Math.min(ciphertext.length, k + 1);
    const ptr = this.slot.ptr(); // before using the I/O region: a reload writes through it
    io.bytes.set(ciphertext.subarray(0, len));
    const mlen = x.rsaDecryptPkcs1(ptr, io.ptr, len, io.ptr2);
    io.bytes.fill(0, 0, len);
    const out = mlen >= 0 ? io.bytes2.slice(k - mlen, k) : undefined;
    io.bytes2.fill(0, 0, k);
    if (!out) throw new WasslError("ERR_WASSL_RSA_DECRYPT", "RSA decryption failed");
    return out;
  }

  /** RSASSA-PKCS1-v1_5 signature over a digest (DigestInfo added unless `hash` is "md5-sha1"). */
  signDigestPkcs1v15(hash: SignatureHash, digest: Uint8Array): Uint8Array {
    return this.rawPrivate(emsaPkcs1v15(hash, digest, this.byteLength));
  }

  /** RSASSA-PSS signature over a digest (RFC 8017 §8.1.1): MGF1 with `hash`, random salt of digest length. */
  signDigestPss(hash: HashName, digest: Uint8Array): Uint8Array {
    if (digest.length !== DIGEST_BYTES[hash]) throw new RangeError(`digest must be ${DIGEST_BYTES[hash]} bytes`);
    const salt = randomBytes(digest.length);
    const em = emsaPssEncode(hashMessage, hash, digest, salt, this.bits);
    return this.rawPrivate(leftPad(em, this.byteLength));
  }

  /** RSASSA-PKCS1-v1_5 signature over `message` hashed with `hash` ("md5-sha1": TLS 1.0/1.1 form). */
  signPkcs1v15(hash: SignatureHash, message: Uint8Array): Uint8Array {
    return this.signDigestPkcs1v15(hash, signatureDigest(hash, message));
  }

  /** RSASSA-PSS signature over `message` (MGF1 with `hash`, salt = digest length). */
  signPss(name: HashName, message: Uint8Array): Uint8Array {
    return this.signDigestPss(name, hashMessage(name, message));
  }

  /** This key as the CryptoProvider's digest-level private key. */
  asProviderKey(): ProviderRsaPrivateKey {
    return {
      bits: this.bits,
      // The public half belongs to this key: disposing the private key releases both slots.
      publicKey: { ...this.publicKey.asProviderKey(), dispose: undefined },
      decryptTlsPremaster: (ct, version) => this.decryptTlsPremaster(ct, version),
      signPkcs1v15: (hash, digest) => this.signDigestPkcs1v15(hash, digest),
      signPss: (hash, digest) => this.signDigestPss(hash, digest),
      dispose: () => this.dispose(),
    };
  }

  /** Wipes both key slots; the key is unusable afterwards. */
  dispose(): void {
    this.slot.release();
    this.publicKey.dispose();
  }
}
