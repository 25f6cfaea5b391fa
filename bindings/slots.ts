// Per-context state slots in WASM memory.
//
// Contexts (hash, HMAC, cipher) keep their state in a fixed-size slot inside the static WASM memory.
// A pool hands out slot indices, wipes a slot when it is released, and throws a clear error when all
// slots are live. Contexts that are garbage-collected without dispose() get their slot back through
// a FinalizationRegistry, so a leak cannot exhaust the pool permanently.
import { WasslError } from "./errors.js";
import { heap, onInit } from "./wasm.js";

/** A pool of equally sized state slots at a fixed address range of WASM memory. */
export class SlotPool {
  private free: number[] = [];
  private live = new Uint8Array(0);
  private base = 0;
  /** Bumped on every (re)instantiation: a finalizer from an earlier instance must not free a slot of this one. */
  private generation = 0;
  private readonly registry = new FinalizationRegistry<{ slot: number; generation: number }>((held) => {
    if (held.generation === this.generation) this.release(held.slot);
  });

  /**
   * @param kind name used in error messages (e.g. "hash")
   * @param locate returns `{ base, count, size }` of the slot array from the instance's exports
   */
  constructor(
    readonly kind: string,
    private readonly locate: () => { base: number; count: number; size: number },
  ) {
    onInit(() => this.reset());
  }

  /** Number of slots in this pool. */
  count = 0;
  /** Size of one slot in bytes. */
  size = 0;

  private reset(): void {
    const { base, count, size } = this.locate();
    this.generation++;
    this.base = base;
    this.count = count;
    this.size = size;
    this.live = new Uint8Array(count);
    this.free = [];
    for (let i = count - 1; i >= 0; i--) this.free.push(i);
  }

  /** Takes a free slot for `owner`; the slot returns to the pool if `owner` is collected undisposed. */
  acquire(owner: object): number {
    const slot = this.free.pop();
    if (slot === undefined) {
      throw new WasslError(
        "ERR_WASSL_NO_SLOTS",
        `wassl: all ${this.count} ${this.kind} context slots are in use; call dispose() on contexts you no longer need`,
      );
    }
    this.live[slot] = 1;
    this.registry.register(owner, { slot, generation: this.generation }, owner);
    return slot;
  }

  /** Wipes the slot and returns it to the pool. Safe to call twice. */
  release(slot: number, owner?: object): void {
    if (!this.live[slot]) return;
    if (owner) this.registry.unregister(owner);
    heap().fill(0, this.ptr(slot), this.ptr(slot) + this.size);
    this.live[slot] = 0;
    this.free.push(slot);
  }

  /** Address of a slot in WASM memory. */
  ptr(slot: number): number {
    return this.base + slot * this.size;
  }

  /** Number of slots currently in use. */
  inUse(): number {
    return this.count - this.free.length;
  }
}
