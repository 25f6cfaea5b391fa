// The 64-bit record sequence number (RFC 5246 §6.1), kept as two 32-bit halves.
import { fail } from "../alerts.js";

/** A per-direction record counter; starts at 0 and resets on every ChangeCipherSpec. */
export class SequenceNumber {
  private hi = 0;
  private lo = 0;

  /** Writes the 8-byte big-endian value at `out[at…]`. */
  writeTo(out: Uint8Array, at: number): void {
    out[at] = this.hi >>> 24;
    out[at + 1] = this.hi >>> 16;
    out[at + 2] = this.hi >>> 8;
    out[at + 3] = this.hi;
    out[at + 4] = this.lo >>> 24;
    out[at + 5] = this.lo >>> 16;
    out[at + 6] = this.lo >>> 8;
    out[at + 7] = this.lo;
  }

  /** The value as 8 bytes. */
  bytes(): Uint8Array {
    const out = new Uint8Array(8);
    this.writeTo(out, 0);
    return out;
  }

  /** Advances by one; a wrap would reuse a nonce/MAC input, so the connection must end (RFC 5246 §6.1). */
  increment(): void {
    if (this.lo === 0xffffffff) {
      if (this.hi === 0xffffffff) fail("internal_error", "sequence number exhausted");
      this.hi++;
      this.lo = 0;
    } else {
      this.lo++;
    }
  }

  /** Test hook: sets the counter (e.g. near overflow). */
  set(hi: number, lo: number): void {
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
  }
}
