// A growable big-endian writer with length-prefixed sub-structures.

/** Builds TLS presentation-language structures (RFC 5246 §4). */
export class Writer {
  private buf: Uint8Array;
  private length = 0;
  constructor(initialSize = 256) {
    this.buf = new Uint8Array(initialSize);
  }

  /** Writes one byte. */
  u8(v: number): this {
    this.ensure(1);
    this.buf[this.length++] = v;
    return this;
  }

  /** Writes a 16-bit integer. */
  u16(v: number): this {
    this.ensure(2);
    this.buf[this.length++] = v >>> 8;
    this.buf[this.length++] = v;
    return this;
  }

  /** Writes a 24-bit integer. */
  u24(v: number): this {
    this.ensure(3);
    this.buf[this.length++] = v >>> 16;
    this.buf[this.length++] = v >>> 8;
    this.buf[this.length++] = v;
    return this;
  }

  /** Writes raw bytes. */
  bytes(v: Uint8Array): this {
    this.ensure(v.length);
    this.buf.set(v, this.length);
    this.length += v.length;
    return this;
  }

  /** Writes `body` (bytes, or a callback writing into this writer) behind a 1-byte length. */
  vec8(body: Uint8Array | ((w: this) => void)): this {
    return this.prefixed(1, 0xff, body);
  }

  /** Writes `body` behind a 2-byte length. */
  vec16(body: Uint8Array | ((w: this) => void)): this {
    return this.prefixed(2, 0xffff, body);
  }

  /** Writes `body` behind a 3-byte length. */
  vec24(body: Uint8Array | ((w: this) => void)): this {
    return this.prefixed(3, 0xffffff, body);
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  private prefixed(size: number, max: number, body: Uint8Array | ((w: this) => void)): this {
    const at = this.length;
    this.ensure(size);
    this.length += size;
    if (body instanceof Uint8Array) this.bytes(body);
    else body(this);
    const n = this.length - at - size;
    if (n > max) throw new RangeError(`vector of ${n} bytes exceeds its ${size}-byte length prefix`);
    for (let i = 0; i < size; i++) this.buf[at + i] = n >>> (8 * (size - 1 - i));
    return this;
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
}

export { concatBytes } from "../../bindings/bytes.js";
