// AES-GCM (NIST SP 800-38D): a keyed AEAD for many nonces (the TLS record layer), and the one-shot
// `gcm(key, nonce, aad)` object.
import type { Aead } from "../../tls/provider.js";
import { streamIn, transformInPlace } from "../io.js";
import { heap, ioRegion } from "../wasm.js";
import { check, cipherExports, SlotOwner, withSecret } from "./core.js";

/** GCM tag length in bytes (the full 128-bit tag). */
export const GCM_TAG_LENGTH = 16;

/** AES-GCM keyed once, used with a fresh nonce per message; see {@link gcm}.create. */
export class GcmAead extends SlotOwner implements Aead {
  /** Tag size in bytes. */
  readonly tagLength = GCM_TAG_LENGTH;

  /** Use `gcm.create(key)`. */
  constructor(key: Uint8Array) {
    check([16, 24, 32].includes(key.length), "ERR_WASSL_BAD_KEY_LENGTH", "AES-GCM keys are 16, 24 or 32 bytes long");
    super();
    withSecret(ioRegion().ptr, key, (ptr) => cipherExports().gcmInit(this.slot(), ptr, key.length));
  }

  private start(nonce: Uint8Array, aad: Uint8Array): number {
    check(nonce.length >= 1, "ERR_WASSL_BAD_NONCE", "the GCM nonce must not be empty (12 bytes is standard)");
    const slot = this.slot();
    const e = cipherExports();
    withSecret(ioRegion().ptr, nonce, (ptr) => e.gcmStart(slot, ptr, nonce.length));
    streamIn(aad, (p, n) => e.gcmAad(slot, p, n));
    return slot;
  }

  /** Encrypts and authenticates: returns ciphertext ‖ 16-byte tag. */
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array(0)): Uint8Array {
    const slot = this.start(nonce, aad);
    const e = cipherExports();
    const out = new Uint8Array(plaintext.length + GCM_TAG_LENGTH);
    out.set(
      transformInPlace(plaintext, 16, (p, n) => e.gcmEncrypt(slot, p, n)),
      0,
    );
    const { ptr2 } = ioRegion();
    e.gcmTag(slot, ptr2);
    out.set(heap().subarray(ptr2, ptr2 + GCM_TAG_LENGTH), plaintext.length);
    return out;
  }

  /**
   * Verifies and decrypts ciphertext ‖ tag. Returns null when the tag does not verify (compared in
   * constant time); no plaintext is computed before the tag has been checked.
   */
  open(nonce: Uint8Array, ciphertextAndTag: Uint8Array, aad: Uint8Array = new Uint8Array(0)): Uint8Array | null {
    if (ciphertextAndTag.length < GCM_TAG_LENGTH) return null;
    const slot = this.start(nonce, aad);
    const e = cipherExports();
    const split = ciphertextAndTag.length - GCM_TAG_LENGTH;
    const ciphertext = ciphertextAndTag.subarray(0, split);
    streamIn(ciphertext, (p, n) => e.gcmGhash(slot, p, n));
    const { ptr2 } = ioRegion();
    heap().set(ciphertextAndTag.subarray(split), ptr2);
    if (e.gcmCheckTag(slot, ptr2, GCM_TAG_LENGTH) !== 1) return null;
    return transformInPlace(ciphertext, 16, (p, n) => e.gcmCtr(slot, p, n));
  }
}

/** The one-shot AES-GCM object returned by {@link gcm}. */
export interface GcmCipher {
  /** Returns ciphertext ‖ 16-byte tag. Never encrypt two messages under one key and nonce. */
  encrypt(plaintext: Uint8Array): Uint8Array;
  /** Returns the plaintext; throws `ERR_WASSL_AUTH_FAILED` (and releases nothing) on a bad tag. */
  decrypt(ciphertextAndTag: Uint8Array): Uint8Array;
  /** Wipes the key. */
  dispose(): void;
}

/**
 * AES-GCM with a fixed key, nonce (any length ≥ 1; 12 bytes is standard) and optional AAD. GHASH and
 * AES run in constant time; the tag check is constant time.
 * For many messages under one key (TLS records), use `gcm.create(key)` → `{ seal, open }`.
 * @example
 * await init();
 * const sealed = gcm(key, nonce, aad).encrypt(plaintext); // ciphertext ‖ tag
 * const opened = gcm(key, nonce, aad).decrypt(sealed);
 */
export function gcm(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array = new Uint8Array(0)): GcmCipher {
  const aead = new GcmAead(key);
  const n = nonce.slice();
  const a = aad.slice();
  return {
    encrypt: (plaintext) => aead.seal(n, plaintext, a),
    decrypt(ciphertextAndTag) {
      const out = aead.open(n, ciphertextAndTag, a);
      check(out !== null, "ERR_WASSL_AUTH_FAILED", "AES-GCM authentication failed");
      return out as Uint8Array;
    },
    dispose: () => aead.dispose(),
  };
}

/** A reusable keyed AES-GCM AEAD (the `Aead` of tls/provider.ts): `seal(nonce, pt, aad)`, `open(...)`. */
gcm.create = (key: Uint8Array): GcmAead => new GcmAead(key);
