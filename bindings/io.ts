// Copying bytes across the WASM boundary through the shared I/O region.
import { ioRegion } from "./wasm.js";

/**
 * @internal Calls `step(ptr, len)` once per chunk of `data` after copying the chunk into the I/O
 * region. Inputs of any length are streamed through the fixed region.
 */
export function streamIn(data: Uint8Array, step: (ptr: number, len: number) => void): void {
  const { bytes, ptr } = ioRegion();
  const chunk = bytes.length;
  for (let off = 0; off < data.length; off += chunk) {
    const n = Math.min(chunk, data.length - off);
    bytes.set(data.subarray(off, off + n));
    step(ptr, n);
  }
}

/**
 * @internal Streams `data` through a same-length transform (ciphers): each chunk is copied into the
 * I/O region, transformed in place by `step(ptr, len)`, and copied out. Chunks are whole multiples
 * of `granule` bytes (the cipher's block size) except possibly the last.
 */
export function transformInPlace(
  data: Uint8Array,
  granule: number,
  step: (ptr: number, len: number) => void,
): Uint8Array {
  const { bytes, ptr } = ioRegion();
  const out = new Uint8Array(data.length);
  const chunk = bytes.length - (bytes.length % granule);
  for (let off = 0; off < data.length; off += chunk) {
    const n = Math.min(chunk, data.length - off);
    bytes.set(data.subarray(off, off + n));
    step(ptr, n);
    out.set(bytes.subarray(0, n), off);
  }
  return out;
}

/** @internal Copies `len` bytes out of the I/O region, starting at its beginning. */
export function readIo(len: number, offset = 0): Uint8Array {
  return ioRegion().bytes.slice(offset, offset + len);
}

/** @internal Copies `data` into the I/O region at `offset`; returns the address. */
export function writeIo(data: Uint8Array, offset = 0): number {
  const { bytes, ptr } = ioRegion();
  bytes.set(data, offset);
  return ptr + offset;
}
