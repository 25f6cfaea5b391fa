// Loading RSA key components into WASM key slots.
import type { RsaPrivateComponents, RsaPublicComponents } from "../../tls/provider.js";
import { WasslError } from "../errors.js";
import { SlotPool } from "../slots.js";
import { heap, ioRegion, wasmExports } from "../wasm.js";
import type { RsaExports } from "./exports.js";

/** @internal The pool of RSA key slots. */
export const rsaKeyPool = new SlotPool("RSA key", () => {
  const x = wasmExports<RsaExports>();
  return { base: x.rsaKeySlotBase(), count: x.rsaKeySlotCount(), size: x.rsaKeySlotSize() };
});

const COMPONENT_ORDER = ["n", "e", "p", "q", "dp", "dq", "qinv"] as const;

const PREPARE_ERRORS: Record<number, string> = {
  1: "the modulus must be odd and 512–4096 bits long",
  2: "the public exponent must be odd, at least 3 and below the modulus",
  3: "the CRT components are inconsistent (p·q ≠ n, dp ≥ p, dq ≥ q or qinv ≥ p)",
};

/**
 * @internal Acquires a slot for `owner` and loads the components (private when `dp` is present).
 * Throws `ERR_WASSL_RSA_KEY` naming the problem when the key is unusable.
 */
export function loadRsaKey(owner: object, c: RsaPublicComponents | RsaPrivateComponents): number {
  const x = wasmExports<RsaExports>();
  const isPrivate = "dp" in c;
  const slot = rsaKeyPool.acquire(owner);
  const ptr = rsaKeyPool.ptr(slot);
  const io = ioRegion();
  try {
    const names = isPrivate ? COMPONENT_ORDER : COMPONENT_ORDER.slice(0, 2);
    names.forEach((name, which) => {
      const bytes = (c as unknown as Record<string, Uint8Array>)[name];
      if (!(bytes instanceof Uint8Array))
        throw new WasslError("ERR_WASSL_RSA_KEY", `RSA key: missing component ${name}`);
      io.bytes.set(bytes);
      const tooLong = x.rsaKeySetComponent(ptr, which, io.ptr, bytes.length);
      io.bytes.fill(0, 0, bytes.length);
      if (tooLong) throw new WasslError("ERR_WASSL_RSA_KEY", `RSA key: component ${name} exceeds 4096 bits`);
    });
    const status = isPrivate ? x.rsaKeyPreparePrivate(ptr) : x.rsaKeyPreparePublic(ptr);
    if (status !== 0) throw new WasslError("ERR_WASSL_RSA_KEY", `RSA key: ${PREPARE_ERRORS[status]}`);
    return slot;
  } catch (err) {
    rsaKeyPool.release(slot, owner);
    throw err;
  }
}

/** @internal Modulus length in bytes of a loaded key. */
export function slotModulusBytes(slot: number): number {
  return new DataView(heap().buffer).getInt32(rsaKeyPool.ptr(slot) + 12, true);
}
