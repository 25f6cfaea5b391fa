// RSA keys in WASM key slots, with transparent reloading.
//
// A key keeps its components in JS and occupies a slot only while it is resident: when every slot
// is taken, the least recently used key is evicted (its slot wiped) and reloaded on its next use, and
// a key whose instance was replaced by init() reloads into the new one. The pool is therefore never
// exhausted by keys nobody disposes (e.g. one public key per verified certificate).
import type { RsaPrivateComponents, RsaPublicComponents } from "../../tls/provider.js";
import { WasslError } from "../errors.js";
import { SlotPool } from "../slots.js";
import { heap, ioRegion, onInit, wasmExports } from "../wasm.js";
import type { RsaExports } from "./exports.js";

/** @internal The pool of RSA key slots. */
export const rsaKeyPool = new SlotPool("RSA key", () => {
  const x = wasmExports<RsaExports>();
  return { base: x.rsaKeySlotBase(), count: x.rsaKeySlotCount(), size: x.rsaKeySlotSize() };
});

// Incremented on every (re)instantiation: a slot belongs to the instance it was loaded into.
let generation = 0;
onInit(() => {
  generation++;
  resident.clear();
});

// Resident keys in least-recently-used order (oldest first). Weak: an unreferenced key's slot is
// returned by the pool's FinalizationRegistry.
const resident = new Map<number, WeakRef<KeySlot>>();
let nextId = 0;

const COMPONENT_ORDER = ["n", "e", "p", "q", "dp", "dq", "qinv"] as const;

const PREPARE_ERRORS: Record<number, string> = {
  1: "the modulus must be odd and 512–4096 bits long",
  2: "the public exponent must be odd, at least 3 and below the modulus",
  3: "the CRT components are inconsistent (p·q ≠ n, dp ≥ p, dq ≥ q or qinv ≥ p)",
};

/** Takes a free slot for `owner`, evicting the least recently used resident key when none is free. */
function acquireEvicting(owner: object): number {
  for (;;) {
    try {
      return rsaKeyPool.acquire(owner);
    } catch (err) {
      if ((err as WasslError).code !== "ERR_WASSL_NO_SLOTS") throw err;
      let evicted = false;
      for (const [id, ref] of resident) {
        resident.delete(id);
        const victim = ref.deref();
        if (victim?.evict()) {
          evicted = true;
          break;
        }
      }
      if (!evicted) throw err;
    }
  }
}

/** @internal A key's slot: `ptr()` (re)loads it when needed and refuses use after dispose. */
export class KeySlot {
  readonly #id = nextId++;
  readonly #owner: WeakRef<object>;
  readonly #components: RsaPublicComponents | RsaPrivateComponents;
  #index = -1;
  #generation = -1;
  #released = false;

  /** Loads the components now, so that an unusable key is reported at import. */
  constructor(owner: object, components: RsaPublicComponents | RsaPrivateComponents) {
    this.#owner = new WeakRef(owner);
    this.#components = components;
    this.#load(owner);
  }

  /** Address of the slot in WASM memory (reloading the key if it was evicted or its instance replaced). */
  ptr(): number {
    if (this.#released) throw new WasslError("ERR_WASSL_KEY_DISPOSED", "RSA key was disposed");
    const owner = this.#owner.deref();
    if (owner && (this.#index < 0 || this.#generation !== generation)) this.#load(owner);
    resident.delete(this.#id);
    resident.set(this.#id, new WeakRef(this));
    return rsaKeyPool.ptr(this.#index);
  }

  /** Wipes and frees the slot; the key is unusable afterwards (idempotent). */
  release(): void {
    this.evict();
    this.#released = true;
  }

  /** @internal Wipes and frees the slot, keeping the key reloadable. Returns whether a slot was freed. */
  evict(): boolean {
    resident.delete(this.#id);
    if (this.#index < 0 || this.#generation !== generation) return false;
    rsaKeyPool.release(this.#index, this.#owner.deref());
    this.#index = -1;
    return true;
  }

  #load(owner: object): void {
    const x = wasmExports<RsaExports>();
    const c = this.#components;
    const isPrivate = "dp" in c;
    this.#index = -1;
    const index = acquireEvicting(owner);
    this.#index = index;
    this.#generation = generation;
    const ptr = rsaKeyPool.ptr(index);
    const io = ioRegion();
    try {
      const names = isPrivate ? COMPONENT_ORDER : COMPONENT_ORDER.slice(0, 2);
      names.forEach((name, which) => {
        const bytes = (c as unknown as Record<string, Uint8Array>)[name];
        if (!(bytes instanceof Uint8Array)) {
          throw new WasslError("ERR_WASSL_RSA_KEY", `RSA key: missing component ${name}`);
        }
        io.bytes.set(bytes);
        const tooLong = x.rsaKeySetComponent(ptr, which, io.ptr, bytes.length);
        io.bytes.fill(0, 0, bytes.length);
        if (tooLong) throw new WasslError("ERR_WASSL_RSA_KEY", `RSA key: component ${name} exceeds 4096 bits`);
      });
      const status = isPrivate ? x.rsaKeyPreparePrivate(ptr) : x.rsaKeyPreparePublic(ptr);
      if (status !== 0) throw new WasslError("ERR_WASSL_RSA_KEY", `RSA key: ${PREPARE_ERRORS[status]}`);
    } catch (err) {
      this.evict();
      throw err;
    }
    resident.set(this.#id, new WeakRef(this));
  }
}

/**
 * @internal Loads a key for `owner` (private when `dp` is present; the components must not be
 * mutated afterwards). Throws `ERR_WASSL_RSA_KEY` naming the problem when the key is unusable.
 */
export function loadRsaKey(owner: object, c: RsaPublicComponents | RsaPrivateComponents): KeySlot {
  return new KeySlot(owner, c);
}

/** @internal Modulus length in bytes of a loaded key. */
export function slotModulusBytes(slot: KeySlot): number {
  return new DataView(heap().buffer).getInt32(slot.ptr() + 12, true);
}
