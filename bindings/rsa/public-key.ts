// RsaPublicKey: PKCS#1 v1.5 encryption and signature verification, RSASSA-PSS verification (RFC 8017).
import type { HashName, ProviderRsaPublicKey, RsaPublicComponents, SignatureHash } from "../../tls/provider.js";
import { decodeRsaPublicKey, decodeRsaPublicKeyPem } from "../../tls/x509/keys.js";
import { equalBytes } from "../equal.js";
import { WasslError } from "../errors.js";
import { hash as hashMessage } from "../hash.js";
import { emsaPkcs1v15, emsaPssVerify } from "../node/pkcs1.js";
import { fillRandom, randomBytes } from "../random.js";
import { signatureDigest } from "./digest.js";
import { type KeySlot, loadRsaKey, slotModulusBytes } from "./key-slot.js";
import { bitLength, rawOp } from "./raw.js";

/** Random nonzero bytes for the type-2 padding string (RFC 8017 §7.2.1 step 2a). */
function randomNonzero(length: number): Uint8Array {
  const out = randomBytes(length);
  const spare = new Uint8Array(1);
  for (let i = 0; i < length; i++) {
    while (out[i] === 0) {
      fillRandom(spare);
      out[i] = spare[0]!;
    }
  }
  spare[0] = 0;
  return out;
}

/**
 * An RSA public key held in a WASM key slot. Create with {@link RsaPublicKey.fromComponents} (or
 * `fromPem`/`fromDer`); `dispose()` wipes the slot.
 * @example
 * const key = RsaPublicKey.fromComponents({ n, e });
 * const ok = key.verifyPkcs1v15("sha256", message, signature);
 */
export class RsaPublicKey {
  /** Modulus size in bits. */
  readonly bits: number;
  /** Modulus size in bytes (k). */
  readonly byteLength: number;
  /** @internal */
  readonly slot: KeySlot;
  readonly #components: RsaPublicComponents;

  /** @internal Use the static factories. */
  constructor(components: RsaPublicComponents) {
    this.#components = { n: components.n.slice(), e: components.e.slice() };
    this.slot = loadRsaKey(this, this.#components);
    this.byteLength = slotModulusBytes(this.slot);
    this.bits = bitLength(components.n);
  }

  /** Imports a key from its modulus and public exponent (big-endian bytes). */
  static fromComponents(components: RsaPublicComponents): RsaPublicKey {
    return new RsaPublicKey(components);
  }

  /** Imports a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) or `RSA PUBLIC KEY` (PKCS#1) block. */
  static fromPem(pem: string): RsaPublicKey {
    return new RsaPublicKey(decodeRsaPublicKeyPem(pem));
  }

  /** Imports a DER SubjectPublicKeyInfo or PKCS#1 RSAPublicKey. */
  static fromDer(der: Uint8Array): RsaPublicKey {
    return new RsaPublicKey(decodeRsaPublicKey(der));
  }

  /** The modulus and exponent (copies). */
  components(): RsaPublicComponents {
    return { n: this.#components.n.slice(), e: this.#components.e.slice() };
  }

  /** RSAEP/RSAVP1 (RFC 8017 §5.1.1, §5.2.2): x^e mod n on a k-byte input; throws if x ≥ n. */
  rawPublic(input: Uint8Array): Uint8Array {
    if (input.length !== this.byteLength) throw new WasslError("ERR_WASSL_RSA_INPUT", "RSA input must be k bytes");
    const out = rawOp(this.slot, "public", input);
    if (typeof out === "number") throw new WasslError("ERR_WASSL_RSA_INPUT", "RSA input is not below the modulus");
    return out;
  }

  /** RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1); the plaintext may be up to k − 11 bytes. */
  encryptPkcs1v15(plaintext: Uint8Array): Uint8Array {
    const k = this.byteLength;
    if (plaintext.length > k - 11) throw new WasslError("ERR_WASSL_RSA_INPUT", `plaintext longer than ${k - 11} bytes`);
    const em = new Uint8Array(k);
    em[1] = 2;
    em.set(randomNonzero(k - plaintext.length - 3), 2);
    em.set(plaintext, k - plaintext.length);
    return this.rawPublic(em);
  }

  /**
   * RSASSA-PKCS1-v1_5 verification over a digest (RFC 8017 §8.2.2): the expected encoded block is
   * rebuilt and compared in constant time; the decrypted block is never parsed.
   */
  verifyDigestPkcs1v15(hash: SignatureHash, digest: Uint8Array, signature: Uint8Array): boolean {
    const k = this.byteLength;
    if (signature.length !== k) return false;
    let expected: Uint8Array;
    try {
      expected = emsaPkcs1v15(hash, digest, k);
    } catch {
      return false;
    }
    const block = rawOp(this.slot, "public", signature);
    if (typeof block === "number") return false;
    return equalBytes(block, expected);
  }

  /** RSASSA-PSS verification over a digest (RFC 8017 §8.1.2), MGF1 with `hash`, salt = digest length. */
  verifyDigestPss(hash: HashName, digest: Uint8Array, signature: Uint8Array): boolean {
    if (signature.length !== this.byteLength) return false;
    const block = rawOp(this.slot, "public", signature);
    if (typeof block === "number") return false;
    return emsaPssVerify(hashMessage, hash, digest, block, this.bits);
  }

  /** RSASSA-PKCS1-v1_5 verification of `signature` over `message` hashed with `hash`. */
  verifyPkcs1v15(hash: SignatureHash, message: Uint8Array, signature: Uint8Array): boolean {
    return this.verifyDigestPkcs1v15(hash, signatureDigest(hash, message), signature);
  }

  /** RSASSA-PSS verification of `signature` over `message` (MGF1 with `hash`, salt = digest length). */
  verifyPss(name: HashName, message: Uint8Array, signature: Uint8Array): boolean {
    return this.verifyDigestPss(name, hashMessage(name, message), signature);
  }

  /** This key as the CryptoProvider's digest-level public key. */
  asProviderKey(): ProviderRsaPublicKey {
    return {
      bits: this.bits,
      encryptPkcs1v15: (pt) => this.encryptPkcs1v15(pt),
      verifyPkcs1v15: (hash, digest, sig) => this.verifyDigestPkcs1v15(hash, digest, sig),
      verifyPss: (hash, digest, sig) => this.verifyDigestPss(hash, digest, sig),
      dispose: () => this.dispose(),
    };
  }

  /** Wipes the key slot; the key is unusable afterwards. */
  dispose(): void {
    this.slot.release();
  }
}
