// Shared I/O region and host imports used by every WASM module.
//
// Memory is fixed (initial = maximum, no memory.grow): every buffer below is a static
// region reserved with memory.data, so JS views created once stay valid forever.

/** Size in bytes of the shared input/output region. Inputs larger than this are streamed in chunks. */
export const IO_SIZE: i32 = 65536;

/** Shared input/output region: callers copy input here, call an export, copy output from here. */
export const IO_PTR: usize = memory.data(IO_SIZE, 16);

/** Second shared region, for exports that take two inputs or write a separate output. */
export const IO2_PTR: usize = memory.data(IO_SIZE, 16);

/** Fills `len` bytes at `ptr` with cryptographically secure random bytes (host `crypto.getRandomValues`). */
// @ts-ignore: decorator
@external("env", "randomFill")
export declare function randomFill(ptr: usize, len: i32): void;

/** Abort handler that needs no runtime strings: traps. */
export function wasmAbort(message: usize, fileName: usize, line: u32, column: u32): void {
  unreachable();
}

/** Zeroes `len` bytes at `ptr` (used by dispose paths to wipe key material). */
export function wipe(ptr: usize, len: i32): void {
  memory.fill(ptr, 0, <usize>len);
}

/** Address of the shared I/O region (exported for the bindings). */
export function ioPtr(): usize {
  return IO_PTR;
}

/** Address of the second shared I/O region (exported for the bindings). */
export function io2Ptr(): usize {
  return IO2_PTR;
}

/** Size of each shared I/O region. */
export function ioSize(): i32 {
  return IO_SIZE;
}

/** 1 when this build was compiled with SIMD, 0 otherwise. */
export function hasSimd(): i32 {
  return ASC_FEATURE_SIMD ? 1 : 0;
}
