// Running the raw RSA operations of a loaded key through the shared I/O region.
import { ioRegion, wasmExports } from "../wasm.js";
import type { RsaExports } from "./exports.js";
import { rsaKeyPool } from "./key-slot.js";

/** @internal Status codes of the raw operations (assembly/rsa/rawop.ts). */
export const RSA_OK = 0;
export const RSA_INPUT_RANGE = 1;

/**
 * @internal Runs the public (`"public"`) or private operation of the key in `slot` on `input`
 * (exactly k bytes). Returns the k-byte result, or the non-zero status.
 */
export function rawOp(slot: number, kind: "public" | "private", input: Uint8Array): Uint8Array | number {
  const x = wasmExports<RsaExports>();
  const io = ioRegion();
  const ptr = rsaKeyPool.ptr(slot);
  io.bytes.set(input);
  const status = kind === "public" ? x.rsaPublic(ptr, io.ptr, io.ptr2) : x.rsaPrivate(ptr, io.ptr, io.ptr2);
  io.bytes.fill(0, 0, input.length);
  if (status !== RSA_OK) return status;
  const out = io.bytes2.slice(0, input.length);
  io.bytes2.fill(0, 0, input.length);
  return out;
}

/** @internal Left-pads `data` with zeros to `length` bytes (no-op when already that long). */
export function leftPad(data: Uint8Array, length: number): Uint8Array {
  if (data.length === length) return data;
  const out = new Uint8Array(length);
  out.set(data, length - data.length);
  return out;
}

/** @internal Bit length of a big-endian unsigned integer. */
export function bitLength(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) return (bytes.length - i) * 8 - Math.clz32(bytes[i]) + 24;
  }
  return 0;
}
