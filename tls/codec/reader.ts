// A strict big-endian reader: every length prefix is checked, trailing bytes are an error.
import { fail } from "../alerts.js";

/**
 * Reads TLS presentation-language structures (RFC 5246 §4). Any overrun or leftover byte raises
 * `decode_error` (a {@link TlsAlertError}).
 */
export class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Reads one byte. */
  u8(): number {
    this.need(1);
    return this.bytes[this.offset++];
  }

  /** Reads a 16-bit integer. */
  u16(): number {
    this.need(2);
    const v = (this.bytes[this.offset] << 8) | this.bytes[this.offset + 1];
    this.offset += 2;
    return v;
  }

  /** Reads a 24-bit integer. */
  u24(): number {
    this.need(3);
    const b = this.bytes;
    const v = (b[this.offset] << 16) | (b[this.offset + 1] << 8) | b[this.offset + 2];
    this.offset += 3;
    return v;
  }

  /** Reads exactly `length` bytes (a view, not a copy). */
  bytesN(length: number): Uint8Array {
    this.need(length);
    const v = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return v;
  }

  /** Reads the rest of the input. */
  rest(): Uint8Array {
    return this.bytesN(this.remaining);
  }

  /** Reads a vector with a 1-byte length prefix, checking `min ≤ length ≤ max`. */
  vec8(min = 0, max = 0xff): Uint8Array {
    return this.vector(this.u8(), min, max);
  }

  /** Reads a vector with a 2-byte length prefix, checking `min ≤ length ≤ max`. */
  vec16(min = 0, max = 0xffff): Uint8Array {
    return this.vector(this.u16(), min, max);
  }

  /** Reads a vector with a 3-byte length prefix, checking `min ≤ length ≤ max`. */
  vec24(min = 0, max = 0xffffff): Uint8Array {
    return this.vector(this.u24(), min, max);
  }

  /** Fails with decode_error unless everything was consumed. */
  end(what = "message"): void {
    if (this.remaining !== 0) fail("decode_error", `${this.remaining} trailing bytes after ${what}`);
  }

  private vector(length: number, min: number, max: number): Uint8Array {
    if (length < min || length > max) fail("decode_error", `vector length ${length} outside ${min}..${max}`);
    return this.bytesN(length);
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) fail("decode_error", "truncated");
  }
}

/** Decodes a list of 16-bit big-endian integers (cipher suites, extension types…), rejecting odd lengths. */
export function readU16List(bytes: Uint8Array): number[] {
  if (bytes.length % 2 !== 0) fail("decode_error", "odd length for a list of 16-bit values");
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) out.push((bytes[i] << 8) | bytes[i + 1]);
  return out;
}
