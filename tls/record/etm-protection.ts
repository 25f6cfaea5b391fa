// Encrypt-then-MAC CBC record protection (RFC 7366): the MAC covers the IV and ciphertext, so the
// padding is only looked at after the record is authenticated (no padding oracle to hide).
import { fail } from "../alerts.js";
import type { CbcCipher, Hmac } from "../provider.js";
import { TLS11 } from "../versions.js";
import { encryptCbc, padCbc } from "./cbc-fragment.js";
import { type RecordProtection, recordHeaderForMac } from "./protection.js";
import type { SequenceNumber } from "./sequence-number.js";

/** GenericBlockCipher records per RFC 7366 §3: (IV ‖) E(content ‖ padding) ‖ MAC(header ‖ IV ‖ ciphertext). */
export class EncryptThenMacProtection implements RecordProtection {
  readonly maxOverhead: number;
  private readonly blockLength: number;
  private readonly macLength: number;

  constructor(
    private readonly cipher: CbcCipher,
    private readonly mac: Hmac,
    private readonly version: number,
    private readonly randomBytes: (n: number) => Uint8Array,
    private readonly constantTimeEqual: (a: Uint8Array, b: Uint8Array) => boolean,
  ) {
    this.blockLength = cipher.blockLength;
    this.macLength = mac.outputLength;
    this.maxOverhead = (version >= TLS11 ? this.blockLength : 0) + this.blockLength + this.macLength;
  }

  seal(type: number, version: number, seq: SequenceNumber, plaintext: Uint8Array): Uint8Array {
    const block = padCbc([plaintext], this.blockLength);
    const body = encryptCbc(this.cipher, block, this.version >= TLS11, this.randomBytes, this.macLength);
    const covered = body.subarray(0, body.length - this.macLength);
    const tag = this.mac
      .update(recordHeaderForMac(seq, type, version, covered.length))
      .update(covered)
      .digest();
    body.set(tag, covered.length);
    return body;
  }

  open(type: number, version: number, seq: SequenceNumber, fragment: Uint8Array): Uint8Array {
    const bs = this.blockLength;
    const explicitIv = this.version >= TLS11 ? bs : 0;
    const coveredLength = fragment.length - this.macLength;
    // 1. Public length checks, then the MAC over IV ‖ ciphertext (RFC 7366 §3).
    if (coveredLength - explicitIv < bs || (coveredLength - explicitIv) % bs !== 0) {
      fail("bad_record_mac", "encrypt-then-MAC record length invalid");
    }
    const covered = fragment.subarray(0, coveredLength);
    const expected = this.mac
      .update(recordHeaderForMac(seq, type, version, coveredLength))
      .update(covered)
      .digest();
    if (!this.constantTimeEqual(expected, fragment.subarray(coveredLength))) fail("bad_record_mac", "MAC mismatch");
    // 2. Authentic: decrypt and strip the padding (its bytes must all equal its length).
    if (explicitIv) this.cipher.setIv(covered.subarray(0, bs));
    const plain = this.cipher.decrypt(covered.subarray(explicitIv));
    const padLen = plain[plain.length - 1];
    if (padLen + 1 > plain.length || !plain.subarray(plain.length - padLen - 1).every((b) => b === padLen)) {
      fail("bad_record_mac", "bad padding in an authentic record");
    }
    return plain.subarray(0, plain.length - padLen - 1);
  }

  dispose(): void {
    this.cipher.dispose();
    this.mac.dispose();
  }
}
