// AEAD record protection: AES-GCM with a 4-byte implicit salt and an 8-byte explicit nonce (RFC 5288 §3).
import { fail } from "../alerts.js";
import type { Aead } from "../provider.js";
import { type RecordProtection, recordHeaderForMac } from "./protection.js";
import type { SequenceNumber } from "./sequence-number.js";

const EXPLICIT_NONCE_LENGTH = 8;

/** GCMCipher records: explicit nonce ‖ ciphertext ‖ tag; the explicit nonce is the sequence number. */
export class AeadProtection implements RecordProtection {
  readonly maxOverhead: number;
  constructor(
    private readonly aead: Aead,
    private readonly salt: Uint8Array,
  ) {
    this.maxOverhead = EXPLICIT_NONCE_LENGTH + aead.tagLength;
  }

  seal(type: number, version: number, seq: SequenceNumber, plaintext: Uint8Array): Uint8Array {
    const nonce = this.nonce();
    seq.writeTo(nonce, 4);
    const sealed = this.aead.seal(nonce, plaintext, recordHeaderForMac(seq, type, version, plaintext.length));
    const out = new Uint8Array(EXPLICIT_NONCE_LENGTH + sealed.length);
    out.set(nonce.subarray(4), 0);
    out.set(sealed, EXPLICIT_NONCE_LENGTH);
    return out;
  }

  open(type: number, version: number, seq: SequenceNumber, fragment: Uint8Array): Uint8Array {
    const plaintextLength = fragment.length - EXPLICIT_NONCE_LENGTH - this.aead.tagLength;
    if (plaintextLength < 0) fail("bad_record_mac", "AEAD record too short");
    const nonce = this.nonce();
    nonce.set(fragment.subarray(0, EXPLICIT_NONCE_LENGTH), 4);
    const aad = recordHeaderForMac(seq, type, version, plaintextLength);
    const plaintext = this.aead.open(nonce, fragment.subarray(EXPLICIT_NONCE_LENGTH), aad);
    return plaintext ?? fail("bad_record_mac", "AEAD tag mismatch");
  }

  dispose(): void {
    this.aead.dispose();
    this.salt.fill(0);
  }

  private nonce(): Uint8Array {
    const nonce = new Uint8Array(12);
    nonce.set(this.salt, 0);
    return nonce;
  }
}
