// Block-cipher record protection (RFC 5246 §6.2.3.2, RFC 2246 §6.2.3.2): MAC-then-encrypt in CBC mode.
import { fail } from "../alerts.js";
import type { CbcCipher, Hmac } from "../provider.js";
import { TLS11 } from "../versions.js";
import { encryptCbc, padCbc } from "./cbc-fragment.js";
import { checkCbcPadding, compressionCount, extractMacConstantTime, type PaddingCheck } from "./cbc-padding.js";
import { type RecordProtection, recordHeaderForMac } from "./protection.js";
import type { SequenceNumber } from "./sequence-number.js";

/** Hash parameters needed to equalize the MAC work (Lucky13 countermeasure). */
export interface MacHashShape {
  /** Compression block size (64 for MD5/SHA-1/SHA-256, 128 for SHA-384). */
  blockLength: number;
  /** Length field size in the final block (8, or 16 for SHA-384). */
  lengthFieldBytes: number;
}

/**
 * GenericBlockCipher records. TLS 1.0: the IV chains from the previous record (the provider's CBC
 * context keeps it). TLS 1.1+: a random explicit IV precedes each record. Padding is minimal on send.
 */
export class CbcProtection implements RecordProtection {
  readonly maxOverhead: number;
  private readonly blockLength: number;
  private readonly macLength: number;

  constructor(
    private readonly cipher: CbcCipher,
    private readonly mac: Hmac,
    private readonly version: number,
    private readonly shape: MacHashShape,
    private readonly randomBytes: (n: number) => Uint8Array,
    private readonly constantTimeEqual: (a: Uint8Array, b: Uint8Array) => boolean,
    /** The padding rule: TLS's (default) or SSL 3.0's (`ssl3-cbc-padding.ts`). */
    private readonly checkPadding: (plain: Uint8Array, macLength: number) => PaddingCheck = checkCbcPadding,
  ) {
    this.blockLength = cipher.blockLength;
    this.macLength = mac.outputLength;
    this.maxOverhead = (version >= TLS11 ? this.blockLength : 0) + this.macLength + 256;
  }

  seal(type: number, version: number, seq: SequenceNumber, plaintext: Uint8Array): Uint8Array {
    const tag = this.mac
      .update(recordHeaderForMac(seq, type, version, plaintext.length))
      .update(plaintext)
      .digest();
    const block = padCbc([plaintext, tag], this.blockLength);
    return encryptCbc(this.cipher, block, this.version >= TLS11, this.randomBytes);
  }

  open(type: number, version: number, seq: SequenceNumber, fragment: Uint8Array): Uint8Array {
    const bs = this.blockLength;
    const explicitIv = this.version >= TLS11 ? bs : 0;
    const bodyLength = fragment.length - explicitIv;
    // 1. Public length checks: whole blocks, room for MAC and padding-length byte.
    if (bodyLength <= 0 || bodyLength % bs !== 0 || bodyLength < this.macLength + 1) {
      fail("bad_record_mac", "CBC record length invalid");
    }
    if (explicitIv) this.cipher.setIv(fragment.subarray(0, bs));
    const plain = this.cipher.decrypt(fragment.subarray(explicitIv));
    // 2. Padding check in constant time; a bad padding is treated as none, so the MAC is always computed.
    const { paddingLength, goodMask } = this.checkPadding(plain, this.macLength);
    const contentLength = plain.length - paddingLength - 1 - this.macLength;
    const maxContentLength = plain.length - 1 - this.macLength;
    // 3. MAC over the content, plus dummy compressions so the total work does not depend on the padding.
    const expected = this.mac
      .update(recordHeaderForMac(seq, type, version, contentLength))
      .update(plain.subarray(0, contentLength))
      .digest();
    this.equalizeMacWork(contentLength, maxContentLength, plain);
    const received = extractMacConstantTime(plain, contentLength, this.macLength);
    const macOk = this.constantTimeEqual(expected, received);
    // 4. One alert for bad padding and bad MAC alike.
    if (!macOk || goodMask === 0) fail("bad_record_mac", "record MAC or padding invalid");
    return plain.subarray(0, contentLength);
  }

  dispose(): void {
    this.cipher.dispose();
    this.mac.dispose();
  }

  private equalizeMacWork(contentLength: number, maxContentLength: number, plain: Uint8Array): void {
    const { blockLength, lengthFieldBytes } = this.shape;
    const done = compressionCount(13 + contentLength, blockLength, lengthFieldBytes);
    const most = compressionCount(13 + maxContentLength, blockLength, lengthFieldBytes);
    const extraBlocks = most - done;
    // Hash extraBlocks more blocks into the (reset) HMAC and discard the result.
    this.mac.update(plain.subarray(0, Math.min(plain.length, extraBlocks * blockLength)));
    if (extraBlocks * blockLength > plain.length)
      this.mac.update(new Uint8Array(extraBlocks * blockLength - plain.length));
    this.mac.digest();
  }
}
