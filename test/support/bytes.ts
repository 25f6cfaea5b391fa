// Byte helpers for tests: hex decoding of vectors, and fast equality for large payloads (vitest's deep
// equality walks typed arrays element-wise). Hex encoding is `toHex` in bindings/bytes.ts.

/** True when `a` and `b` hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Bytes of a hex string; whitespace is ignored (vectors may be wrapped). */
export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ""), "hex"));
}
