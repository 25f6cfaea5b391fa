// Raw block functions (ECB), for tests and for building other modes.
import type { BlockCipherName, CbcOptions } from "../../tls/provider.js";
import { transformInPlace } from "../io.js";
import { ioRegion } from "../wasm.js";
import { type BlockCipherSpec, blockCipher, checkBlocks } from "./block.js";
import { cipherExports, SlotOwner, withSecret } from "./core.js";

/** A keyed block cipher; see {@link ecb}. */
export class EcbContext extends SlotOwner {
  /** Cipher block size in bytes. */
  readonly blockLength: number;
  private readonly spec: BlockCipherSpec;

  /** Use {@link ecb}. */
  constructor(cipher: BlockCipherName, key: Uint8Array, opts: CbcOptions = {}) {
    const spec = blockCipher(cipher);
    super();
    this.spec = spec;
    this.blockLength = spec.blockLength;
    try {
      withSecret(ioRegion().ptr, key, (ptr) => spec.init(cipherExports(), this.slot(), ptr, key, opts));
    } catch (err) {
      this.dispose();
      throw err;
    }
  }

  /** Encrypts one block (or several, each independently). */
  encryptBlock(block: Uint8Array): Uint8Array {
    checkBlocks(block, this.blockLength);
    const slot = this.slot();
    const e = cipherExports();
    return transformInPlace(block, this.blockLength, (p, n) => this.spec.ecbEncrypt(e, slot, p, n));
  }

  /** Decrypts one block (or several, each independently). */
  decryptBlock(block: Uint8Array): Uint8Array {
    checkBlocks(block, this.blockLength);
    const slot = this.slot();
    const e = cipherExports();
    return transformInPlace(block, this.blockLength, (p, n) => this.spec.ecbDecrypt(e, slot, p, n));
  }
}

/**
 * The raw block cipher (ECB: every block independently). For tests and known-answer checks; ECB is
 * not a safe mode for messages.
 * @example ecb("aes", key).encryptBlock(block)
 */
export function ecb(cipher: BlockCipherName, key: Uint8Array, opts?: CbcOptions): EcbContext {
  return new EcbContext(cipher, key, opts);
}
