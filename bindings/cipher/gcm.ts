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
    check(
      nonce.length >= 1 && nonce.length <= ioRegion().bytes.length,
      "ERR_WASSL_BAD_NONCE",
      `the GCM nonce must be 1–${ioRegion().bytes.length} bytes (12 is standard), got ${nonce.length}`,
    );
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
    const { bytes, ptr, ptr2 } = ioRegion();
    const h = heap();
    // Each chunk is copied in once, encrypted in place and copied straight into `out`.
    const chunk = bytes.length - (bytes.length % 16);
    for (let off = 0; off < plaintext.length; off += chunk) {
      const n = Math.min(chunk, plaintext.length - off);
      bytes.set(plaintext.subarray(off, off + n));
      e.gcmEncrypt(slot, ptr, n);
      out.set(h.subarray(ptr, ptr + n), off);
    }
    e.gcmTag(slot, ptr2);
    out.set(h.subarray(ptr2, ptr2 + GCM_TAG_LENGTH), plaintext.length);
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
    const { bytes, ptr, ptr2 } = ioRegion();
    const h = heap();
    if (split <= bytes.length) {
      // One record (≤ 64 KiB): copied in once, authenticated, then decrypted in place.
      bytes.set(ciphertext);
      e.gcmGhash(slot, ptr, split);
      h.set(ciphertextAndTag.subarray(split), ptr2);
      if (e.gcmCheckTag(slot, ptr2, GCM_TAG_LENGTH) !== 1) {
        bytes.fill(0, 0, split);
        return null;
      }
      e.gcmCtr(slot, ptr, split);
      return bytes.slice(0, split);
    }
    streamIn(ciphertext, (p, n) => e.gcmGhash(slot, p, n));
    h.set(ciphertextAndTag.subarray(split), ptr2);
    if (e.gcmCheckTag(slot, ptr2, GCM_TAG_LENGTH) !== 1) return null;
    return transformInPlace(ciphertext, 16, (p, n) => e.gcmCtr(slot, p, n));
  }
}

/** The one-shot AES-GCM object returned by {@link gcm}. */
export interface GcmCipher {
  /** Returns ciphertext ‖ 16-byte tag. Allowed once per object (a nonce must never be reused). */
  encrypt(plaintext: Uint8Array): Uint8Array;
  /** Returns the plaintext; throws `ERR_WASSL_AUTH_FAILED` (and releases nothing) on a bad tag. */
  decrypt(ciphertextAndTag: Uint8Array): Uint8Array;
  /** Wipes the key. */
  dispose(): void;
}

/**
 * AES-GCM with a fixed key, nonce (any length ≥ 1; 12 bytes is standard) and optional AAD. GHASH and
 * AES run in constant time; the tag check is constant time. `encrypt` may be called once (a second
 * call would reuse the nonce and throws `ERR_WASSL_NONCE_REUSE`); `decrypt` any number of times.
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
  let sealed = false;
  return {
    encrypt(plaintext) {
      check(!sealed, "ERR_WASSL_NONCE_REUSE", "this gcm(key, nonce) object has already encrypted a message");
      sealed = true;
      return aead.seal(n, plaintext, a);
    },
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
