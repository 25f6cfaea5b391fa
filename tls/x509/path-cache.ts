// A bounded memo of `buildTrustedPath` results: the chain a server presents is the same on every
// connection, so its parse, path building and signature checks need to run once per trust store.
// Only the time- and name-independent verdict is kept (and only successes); validity periods and the
// host name are checked again by the caller on every use.
import { LruMap } from "../lru-map.js";
import { equalBytes } from "./bytes.js";
import type { Certificate } from "./certificate.js";

interface Entry {
  /** Private copies of the chain's DER (the cached certificates are views into these). */
  chain: Uint8Array[];
  purpose: string;
  path: readonly Certificate[];
}

/** FNV-1a over the purpose and every certificate (length and bytes): a bucket key, never trusted alone. */
function chainHash(chain: readonly Uint8Array[], purpose: string): string {
  let h = 0x811c9dc5;
  for (const der of chain) {
    h = Math.imul(h ^ der.length, 0x01000193);
    for (let i = 0; i < der.length; i++) h = Math.imul(h ^ der[i]!, 0x01000193);
  }
  return `${purpose}:${chain.length}:${h >>> 0}`;
}

function sameChain(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equalBytes(a[i]!, b[i]!)) return false;
  return true;
}

/**
 * Validated certification paths keyed by the exact DER bytes of the presented chain and the purpose,
 * least recently used evicted beyond `capacity`. One cache belongs to one trust store and provider (the
 * caller keys it so). A hit is a byte-for-byte match of the whole chain.
 */
export class TrustedPathCache {
  readonly #entries: LruMap<string, Entry>;

  /** @param capacity Most chains remembered. */
  constructor(readonly capacity = 16) {
    this.#entries = new LruMap(capacity);
  }

  /** Copies of the DER blocks, to parse a chain that will be cached (the caller's buffers may be reused). */
  static copyChain(chain: readonly Uint8Array[]): Uint8Array[] {
    return chain.map((der) => der.slice());
  }

  /** The path validated earlier for exactly `chain` and `purpose`, or undefined. */
  get(chain: readonly Uint8Array[], purpose: string): readonly Certificate[] | undefined {
    const entry = this.#entries.get(chainHash(chain, purpose));
    if (!entry || entry.purpose !== purpose || !sameChain(entry.chain, chain)) return undefined;
    return entry.path;
  }

  /**
   * Remembers that `chain` (the copies the path's certificates were parsed from, see `copyChain`)
   * passed `buildTrustedPath` for `purpose`.
   */
  set(chain: Uint8Array[], purpose: string, path: readonly Certificate[]): void {
    this.#entries.set(chainHash(chain, purpose), { chain, purpose, path });
  }

  /** Number of remembered chains. */
  get size(): number {
    return this.#entries.size;
  }
}
