// Server-side session cache for resumption by session ID (RFC 5246 §7.3, F.1.4).
import { LruMap } from "../lru-map.js";
import type { SessionState } from "./state.js";

/**
 * Where a server keeps sessions for resumption by session ID. Methods may be asynchronous (a shared
 * store such as Redis); the handshake awaits them. Keys are the session IDs the server assigned.
 */
export interface SessionCache {
  /** The session stored under `id`, or undefined (unknown or expired). */
  get(id: Uint8Array): SessionState | undefined | Promise<SessionState | undefined>;
  /** Stores a session after a successful full handshake. */
  set(id: Uint8Array, session: SessionState): void | Promise<void>;
  /** Forgets a session (e.g. after a fatal alert, RFC 5246 §7.2.2). */
  delete(id: Uint8Array): void | Promise<void>;
}

/** Options of {@link LruSessionCache}. */
export interface LruSessionCacheOptions {
  /** Most sessions kept; the least recently used is evicted. Default 1024. */
  maxSize?: number;
  /** Session lifetime in seconds (node:tls `sessionTimeout`). Default 300. */
  lifetimeSeconds?: number;
  /** Clock in milliseconds (tests). Default `Date.now`. */
  now?: () => number;
}

function keyOf(id: Uint8Array): string {
  let s = "";
  for (const b of id) s += b.toString(16).padStart(2, "0");
  return s;
}

/** The default cache: bounded, least-recently-used eviction, entries expire after a lifetime. */
export class LruSessionCache implements SessionCache {
  /** Stored copies; a copy's master secret is wiped when it leaves the cache. */
  private readonly entries: LruMap<string, SessionState>;
  readonly maxSize: number;
  readonly lifetimeMs: number;
  private readonly now: () => number;

  constructor(options: LruSessionCacheOptions = {}) {
    this.maxSize = Math.max(1, options.maxSize ?? 1024);
    this.lifetimeMs = Math.max(0, options.lifetimeSeconds ?? 300) * 1000;
    this.now = options.now ?? Date.now;
    this.entries = new LruMap(this.maxSize, (session) => session.masterSecret.fill(0));
  }

  /** Number of sessions held (expired ones included until touched). */
  get size(): number {
    return this.entries.size;
  }

  get(id: Uint8Array): SessionState | undefined {
    const key = keyOf(id);
    const session = this.entries.get(key);
    if (!session) return undefined;
    if (this.now() - session.createdAt >= this.lifetimeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { ...session, masterSecret: new Uint8Array(session.masterSecret) };
  }

  set(id: Uint8Array, session: SessionState): void {
    this.entries.set(keyOf(id), { ...session, masterSecret: new Uint8Array(session.masterSecret) });
  }

  delete(id: Uint8Array): void {
    this.entries.delete(keyOf(id));
  }
}
