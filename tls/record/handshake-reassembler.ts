// Handshake messages from handshake records: coalesced messages split apart, fragmented ones joined
// (RFC 5246 §6.2.1), with a cap on message size.
import { fail } from "../alerts.js";
import type { HandshakeMessage } from "../messages/handshake-types.js";

/** Collects handshake-record fragments and yields complete messages. */
export class HandshakeReassembler {
  private buffer = new Uint8Array(0);

  constructor(private readonly maxMessageSize: number) {}

  /** True when no partial message is buffered (ChangeCipherSpec and application data require this). */
  get isEmpty(): boolean {
    return this.buffer.length === 0;
  }

  /** Appends the fragment of one handshake record. */
  push(fragment: Uint8Array): void {
    if (this.buffer.length === 0) {
      this.buffer = new Uint8Array(fragment);
      return;
    }
    const next = new Uint8Array(this.buffer.length + fragment.length);
    next.set(this.buffer, 0);
    next.set(fragment, this.buffer.length);
    this.buffer = next;
  }

  /** The next complete message, or null. Throws handshake_failure-class alerts for oversized messages. */
  next(): HandshakeMessage | null {
    const b = this.buffer;
    if (b.length < 4) return null;
    const length = (b[1] << 16) | (b[2] << 8) | b[3];
    if (length > this.maxMessageSize)
      fail("illegal_parameter", `handshake message of ${length} bytes exceeds the limit`);
    if (b.length < 4 + length) return null;
    const raw = new Uint8Array(b.subarray(0, 4 + length));
    this.buffer = b.subarray(4 + length);
    return { type: raw[0], body: raw.subarray(4), raw };
  }
}
