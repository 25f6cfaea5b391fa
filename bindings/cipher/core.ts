// Typed access to the cipher exports of the WASM core (assembly/cipher) and the shared slot pool.
import { WasslError } from "../errors.js";
import { SlotPool } from "../slots.js";
import { heap, onInit, wasmExports } from "../wasm.js";

/** The exports of assembly/cipher/index.ts used by the bindings. */
export interface CipherExports {
  cipherSlotBase(): number;
  cipherSlotCount(): number;
  cipherSlotSize(): number;
  aesInit(slot: number, key: number, keyLen: number): number;
  aesSetIv(slot: number, iv: number): void;
  aesEcbEncrypt(slot: number, ptr: number, len: number): void;
  aesEcbDecrypt(slot: number, ptr: number, len: number): void;
  aesCbcEncrypt(slot: number, ptr: number, len: number): void;
  aesCbcDecrypt(slot: number, ptr: number, len: number): void;
  gcmInit(slot: number, key: number, keyLen: number): number;
  gcmStart(slot: number, iv: number, ivLen: number): number;
  gcmAad(slot: number, ptr: number, len: number): void;
  gcmEncrypt(slot: number, ptr: number, len: number): void;
  gcmGhash(slot: number, ptr: number, len: number): void;
  gcmCtr(slot: number, ptr: number, len: number): void;
  gcmTag(slot: number, out: number): void;
  gcmCheckTag(slot: number, tag: number, tagLen: number): number;
  desInit(slot: number, key: number, keyLen: number): number;
  desSetIv(slot: number, iv: number): void;
  desEcbEncrypt(slot: number, ptr: number, len: number): void;
  desEcbDecrypt(slot: number, ptr: number, len: number): void;
  desCbcEncrypt(slot: number, ptr: number, len: number): void;
  desCbcDecrypt(slot: number, ptr: number, len: number): void;
  rc2Init(slot: number, key: number, keyLen: number, effectiveBits: number): number;
  rc2SetIv(slot: number, iv: number): void;
  rc2EcbEncrypt(slot: number, ptr: number, len: number): void;
  rc2EcbDecrypt(slot: number, ptr: number, len: number): void;
  rc2CbcEncrypt(slot: number, ptr: number, len: number): void;
  rc2CbcDecrypt(slot: number, ptr: number, len: number): void;
  rc4Init(slot: number, key: number, keyLen: number): number;
  rc4Process(slot: number, ptr: number, len: number): void;
}

let cached: CipherExports | undefined;
onInit(() => {
  cached = wasmExports<CipherExports>();
});

/** @internal The cipher exports of the current instance (throws before init). */
export function cipherExports(): CipherExports {
  return cached ?? wasmExports<CipherExports>();
}

/** @internal Slots for every cipher context (AES, GCM, DES, 3DES, RC2, RC4). */
export const cipherSlots = new SlotPool("cipher", () => {
  const e = wasmExports<CipherExports>();
  return { base: e.cipherSlotBase(), count: e.cipherSlotCount(), size: e.cipherSlotSize() };
});

/** @internal Copies `bytes` into WASM scratch at `ptr`, runs `fn(ptr)`, then wipes the copy. */
export function withSecret<T>(ptr: number, bytes: Uint8Array, fn: (ptr: number) => T): T {
  const h = heap();
  h.set(bytes, ptr);
  try {
    return fn(ptr);
  } finally {
    h.fill(0, ptr, ptr + bytes.length);
  }
}

/** @internal Throws a WasslError with `code` unless `ok`. */
export function check(ok: boolean, code: string, message: string): void {
  if (!ok) throw new WasslError(code, `wassl: ${message}`);
}

/** @internal A keyed context owning one cipher slot; `slot()` throws once disposed. */
export class SlotOwner {
  private held: number;
  private disposed = false;

  constructor() {
    this.held = cipherSlots.acquire(this);
  }

  /** The slot index; throws after dispose(). */
  protected slot(): number {
    check(!this.disposed, "ERR_WASSL_DISPOSED", "this cipher context has been disposed");
    return this.held;
  }

  /** Wipes the key material and returns the slot. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    cipherSlots.release(this.held, this);
  }
}
