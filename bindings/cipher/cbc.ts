// CBC contexts (NIST SP 800-38A §6.2) without padding, with the IV chained across calls.
import type { BlockCipherName, CbcCipher, CbcOptions } from "../../tls/provider.js";
import { transformInPlace } from "../io.js";
import { ioRegion } from "../wasm.js";
import { type BlockCipherSpec, blockCipher, checkBlocks } from "./block.js";
import { check, cipherExports, SlotOwner, withSecret } from "./core.js";

/** A keyed CBC context; see {@link cbc}. */
export class CbcContext extends SlotOwner implements CbcCipher {
  /** Cipher block size in bytes (16 for AES, 8 for DES, 3DES and RC2). */
  readonly blockLength: number;
  private readonly spec: BlockCipherSpec;

  /** Use {@link cbc}. */
  constructor(cipher: BlockCipherName, key: Uint8Array, iv: Uint8Array, opts: CbcOptions = {}) {
    const spec = blockCipher(cipher);
    super();
    this.spec = spec;
    this.blockLength = spec.blockLength;
    try {
      const e = cipherExports();
      withSecret(ioRegion().ptr, key, (ptr) => spec.init(e, this.slot(), ptr, key, opts));
      this.setIv(iv);
    } catch (err) {
      this.dispose();
      throw err;
    }
  }

  /** Replaces the chaining value (TLS 1.1+ explicit IVs). */
  setIv(iv: Uint8Array): void {
    check(
      iv.length === this.blockLength,
      "ERR_WASSL_BAD_IV_LENGTH",
      `the IV must be ${this.blockLength} bytes, got ${iv.length}`,
    );
    const slot = this.slot();
    withSecret(ioRegion().ptr, iv, (ptr) => this.spec.setIv(cipherExports(), slot, ptr));
  }

  /** Encrypts a whole number of blocks; the last ciphertext block becomes the next IV. */
  encrypt(data: Uint8Array): Uint8Array {
    checkBlocks(data, this.blockLength);
    const slot = this.slot();
    const e = cipherExports();
    return transformInPlace(data, this.blockLength, (p, n) => this.spec.cbcEncrypt(e, slot, p, n));
  }

  /** Decrypts a whole number of blocks; the last ciphertext block becomes the next IV. */
  decrypt(data: Uint8Array): Uint8Array {
    checkBlocks(data, this.blockLength);
    const slot = this.slot();
    const e = cipherExports();
    return transformInPlace(data, this.blockLength, (p, n) => this.spec.cbcDecrypt(e, slot, p, n));
  }
}

/**
 * CBC mode without padding (inputs must be whole blocks; TLS pads itself). The IV chains across calls
 * as in TLS 1.0 records; `setIv()` replaces it. AES, DES and 3DES run in constant time; RC2 does not
 * (its key schedule and mash rounds index tables by secret data, see docs/SECURITY.md).
 * @param cipher `"aes"` (16/24/32-byte key), `"des"` (8), `"3des"` (16 = two-key EDE, 24 = three-key), `"rc2"` (1–128)
 * @param opts `effectiveBits` for RC2 (RFC 2268, 1–1024; default 8 × key length, capped at 1024)
 * @example
 * await init();
 * const c = cbc("aes", key, iv);
 * const ct = c.encrypt(paddedRecord);
 * c.dispose();
 */
export function cbc(cipher: BlockCipherName, key: Uint8Array, iv: Uint8Array, opts?: CbcOptions): CbcContext {
  return new CbcContext(cipher, key, iv, opts);
}
