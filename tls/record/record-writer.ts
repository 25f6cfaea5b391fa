// Outgoing records: fragmentation to 2^14, protection, sequence numbers, the TLS 1.0 1/n−1 split.
import { ContentType, MAX_PLAINTEXT_LENGTH, RECORD_HEADER_LENGTH } from "./constants.js";
import { PLAINTEXT_PROTECTION, type RecordProtection } from "./protection.js";
import { SequenceNumber } from "./sequence-number.js";

/**
 * Frames and protects outgoing data; the records accumulate until `take()`. Consecutive handshake
 * messages are coalesced into as few records as possible (one flight, one record when it fits).
 */
export class RecordWriter {
  private protection: RecordProtection = PLAINTEXT_PROTECTION;
  private handshakeBuffer: Uint8Array[] = [];
  private seq = new SequenceNumber();
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** Version written in record headers (0x0301 for the first ClientHello, then the negotiated one). */
  version = 0x0301;
  /**
   * Split application data as 1 byte + rest (CVE-2011-3389, BEAST) — set for CBC suites in TLS 1.0,
   * where the next record's IV is the previous record's last ciphertext block.
   */
  splitApplicationData = false;
  /** Largest plaintext per record (2^14, or less after RFC 6066 max_fragment_length). */
  maxFragmentLength = MAX_PLAINTEXT_LENGTH;

  /** Switches to new write keys (after sending ChangeCipherSpec); the sequence number restarts at 0. */
  changeProtection(protection: RecordProtection): void {
    this.flushHandshake();
    this.protection.dispose();
    this.protection = protection;
    this.seq = new SequenceNumber();
  }

  /** Test hook: the current write sequence number. */
  get sequenceNumber(): SequenceNumber {
    return this.seq;
  }

  /** Writes `data` of content `type` as one or more records. Empty data writes nothing. */
  write(type: number, data: Uint8Array): void {
    if (type === ContentType.handshake) {
      this.handshakeBuffer.push(data);
      return;
    }
    this.flushHandshake();
    this.writeFragmented(type, data);
  }

  private flushHandshake(): void {
    if (this.handshakeBuffer.length === 0) return;
    const parts = this.handshakeBuffer;
    this.handshakeBuffer = [];
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    this.writeFragmented(ContentType.handshake, joined);
  }

  private writeFragmented(type: number, data: Uint8Array): void {
    const split = this.splitApplicationData && type === ContentType.application_data;
    for (let at = 0; at < data.length; ) {
      if (split && data.length - at > 1) {
        this.writeRecord(type, data.subarray(at, at + 1));
        at += 1;
      }
      const end = Math.min(data.length, at + this.maxFragmentLength);
      this.writeRecord(type, data.subarray(at, end));
      at = end;
    }
  }

  /** Drains the records written so far as one byte string (empty when none). */
  take(): Uint8Array {
    this.flushHandshake();
    if (this.pending.length === 1) {
      const only = this.pending[0];
      this.pending = [];
      this.pendingLength = 0;
      return only;
    }
    const out = new Uint8Array(this.pendingLength);
    let at = 0;
    for (const p of this.pending) {
      out.set(p, at);
      at += p.length;
    }
    this.pending = [];
    this.pendingLength = 0;
    return out;
  }

  /** True when records are waiting for `take()`. */
  get hasPending(): boolean {
    return this.pendingLength > 0 || this.handshakeBuffer.length > 0;
  }

  /** Wipes keys. */
  dispose(): void {
    this.protection.dispose();
    this.protection = PLAINTEXT_PROTECTION;
  }

  private writeRecord(type: number, fragment: Uint8Array): void {
    const body = this.protection.seal(type, this.version, this.seq, fragment);
    this.seq.increment();
    const record = new Uint8Array(RECORD_HEADER_LENGTH + body.length);
    record[0] = type;
    record[1] = this.version >>> 8;
    record[2] = this.version;
    record[3] = body.length >>> 8;
    record[4] = body.length;
    record.set(body, RECORD_HEADER_LENGTH);
    this.pending.push(record);
    this.pendingLength += record.length;
  }
}
