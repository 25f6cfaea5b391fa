// A bounded map that evicts its least recently used entry: the one mechanism behind the server's
// session cache, the client's validated-chain cache and the parsed-`ca` memo.

/** A Map bounded to `capacity` entries; `get` refreshes an entry, `set` beyond capacity evicts the oldest. */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();

  /**
   * @param capacity Most entries kept (at least 1).
   * @param onEvict Called with each value dropped to make room, replaced by `set` or removed by `delete`
   *   (to wipe secrets).
   */
  constructor(
    readonly capacity: number,
    private readonly onEvict?: (value: V) => void,
  ) {
    this.capacity = Math.max(1, capacity);
  }

  /** Number of entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value under `key`, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Stores `value` as the most recently used, evicting the least recently used beyond capacity. */
  set(key: K, value: V): void {
    this.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as K;
      this.delete(oldest);
    }
  }

  /** Removes `key` (its value goes to `onEvict`). */
  delete(key: K): void {
    const value = this.#entries.get(key);
    if (value === undefined) return;
    this.#entries.delete(key);
    this.onEvict?.(value);
  }
}
