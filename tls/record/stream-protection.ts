// Stream record protection (RFC 5246 §6.2.3.1): MAC-then-encrypt with RC4, or MAC only for NULL suites.
import { fail } from "../alerts.js";
import type { Hmac, StreamCipher } from "../provider.js";
import { type RecordProtection, recordHeaderForMac } from "./protection.js";
import type { SequenceNumber } from "./sequence-number.js";

/** GenericStreamCipher records: E(content ‖ MAC); `cipher` undefined means TLS_RSA_WITH_NULL_*. */
export class StreamProtection implements RecordProtection {
  readonly maxOverhead: number;
  constructor(
    private readonly mac: Hmac,
    private readonly cipher: StreamCipher | undefined,
    private readonly constantTimeEqual: (a: Uint8Array, b: Uint8Array) => boolean,
  ) {
    this.maxOverhead = mac.outputLength;
  }

  seal(type: number, version: number, seq: SequenceNumber, plaintext: Uint8Array): Uint8Array {
    const macLength = this.mac.outputLength;
    const tag = this.mac
      .update(recordHeaderForMac(seq, type, version, plaintext.length))
      .update(plaintext)
      .digest();
    const out = new Uint8Array(plaintext.length + macLength);
    out.set(plaintext, 0);
    out.set(tag, plaintext.length);
    return this.cipher ? this.cipher.process(out) : out;
  }

  open(type: number, version: number, seq: SequenceNumber, fragment: Uint8Array): Uint8Array {
    const macLength = this.mac.outputLength;
    const data = this.cipher ? this.cipher.process(fragment) : fragment;
    const length = data.length - macLength;
    if (length < 0) fail("bad_record_mac", "record shorter than its MAC");
    const content = data.subarray(0, length);
    const expected = this.mac
      .update(recordHeaderForMac(seq, type, version, length))
      .update(content)
      .digest();
    if (!this.constantTimeEqual(expected, data.subarray(length))) fail("bad_record_mac", "MAC mismatch");
    return content;
  }

  dispose(): void {
    this.mac.dispose();
    this.cipher?.dispose();
  }
}
