// Incoming records: buffering, header checks, size limits, decryption, sequence numbers (RFC 5246 §6.2).
import { fail } from "../alerts.js";
import {
  ContentType,
  MAX_CIPHERTEXT_LENGTH,
  MAX_EMPTY_RECORDS,
  MAX_PLAINTEXT_LENGTH,
  RECORD_HEADER_LENGTH,
} from "./constants.js";
import { PLAINTEXT_PROTECTION, type RecordProtection } from "./protection.js";
import { SequenceNumber } from "./sequence-number.js";

/** One decrypted record. */
export interface PlainRecord {
  type: number;
  version: number;
  fragment: Uint8Array;
}

/** Splits the incoming byte stream into records and removes their protection. */
export class RecordReader {
  private buffer = new Uint8Array(0);
  private start = 0;
  private protection: RecordProtection = PLAINTEXT_PROTECTION;
  private seq = new SequenceNumber();
  private emptyRecords = 0;
  /** When set, every record header must carry exactly this version (after the hellos). */
  expectedVersion: number | undefined;
  /** Largest plaintext accepted: 2^14, or less after RFC 6066 max_fragment_length. */
  maxPlaintextLength = MAX_PLAINTEXT_LENGTH;

  /** Appends received bytes. */
  push(bytes: Uint8Array): void {
    const pending = this.buffer.length - this.start;
    if (pending === 0) {
      this.buffer = new Uint8Array(bytes); // copy (a Buffer's slice() would be a view)
    } else {
      const next = new Uint8Array(pending + bytes.length);
      next.set(this.buffer.subarray(this.start), 0);
      next.set(bytes, pending);
      this.buffer = next;
    }
    this.start = 0;
  }

  /** Bytes received but not yet consumed as records. */
  get pendingBytes(): number {
    return this.buffer.length - this.start;
  }

  /** Switches to new read keys (after ChangeCipherSpec); the sequence number restarts at 0. */
  changeProtection(protection: RecordProtection): void {
    this.protection.dispose();
    this.protection = protection;
    this.seq = new SequenceNumber();
  }

  /** Test hook: the current read sequence number. */
  get sequenceNumber(): SequenceNumber {
    return this.seq;
  }

  /**
   * The next complete record, decrypted, or null when more bytes are needed. Throws TlsAlertError:
   * unexpected_message (unknown type, too many empty records), protocol_version, record_overflow,
   * bad_record_mac.
   */
  next(): PlainRecord | null {
    const b = this.buffer;
    const at = this.start;
    if (b.length - at < RECORD_HEADER_LENGTH) return null;
    const type = b[at];
    const version = (b[at + 1] << 8) | b[at + 2];
    const length = (b[at + 3] << 8) | b[at + 4];
    // 1. Header checks before waiting for the body, so garbage fails fast.
    if (type < ContentType.change_cipher_spec || type > ContentType.application_data) {
      fail("unexpected_message", `unknown record type ${type}`);
    }
    if (version >> 8 !== 3) fail("protocol_version", `record version ${version.toString(16)}`);
    // A peer that rejects our hello alerts before it has adopted the negotiated version (e.g. a client
    // refusing the ServerHello still writes 0x0301): accept an unprotected alert with any 3.x version.
    const earlyAlert = type === ContentType.alert && this.protection === PLAINTEXT_PROTECTION;
    if (this.expectedVersion !== undefined && version !== this.expectedVersion && !earlyAlert) {
      fail(
        "protocol_version",
        `record version ${version.toString(16)} after negotiating ${this.expectedVersion.toString(16)}`,
      );
    }
    const expansion = MAX_CIPHERTEXT_LENGTH - MAX_PLAINTEXT_LENGTH;
    const limit = this.maxPlaintextLength + (this.protection === PLAINTEXT_PROTECTION ? 0 : expansion);
    if (length > limit) fail("record_overflow", `record of ${length} bytes`);
    if (b.length - at < RECORD_HEADER_LENGTH + length) return null;
    const fragment = b.subarray(at + RECORD_HEADER_LENGTH, at + RECORD_HEADER_LENGTH + length);
    this.start = at + RECORD_HEADER_LENGTH + length;
    // 2. Remove protection; then the plaintext limit.
    const plaintext = this.protection.open(type, version, this.seq, fragment);
    this.seq.increment();
    if (plaintext.length > this.maxPlaintextLength) fail("record_overflow", `plaintext of ${plaintext.length} bytes`);
    // 3. Zero-length fragments: forbidden except application data (RFC 5246 §6.2.1), and bounded there.
    if (plaintext.length === 0) {
      if (type !== ContentType.application_data) fail("unexpected_message", "empty non-application record");
      if (++this.emptyRecords > MAX_EMPTY_RECORDS) fail("unexpected_message", "too many empty records");
    } else {
      this.emptyRecords = 0;
    }
    return { type, version, fragment: plaintext };
  }

  /** Wipes keys and drops buffered bytes. */
  dispose(): void {
    this.protection.dispose();
    this.protection = PLAINTEXT_PROTECTION;
    this.buffer = new Uint8Array(0);
    this.start = 0;
  }
}
