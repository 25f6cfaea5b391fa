// RFC 5077 session tickets: the server's ticket keys (rotation) and the ticket format
// key_name(16) ‖ nonce(12) ‖ AES-256-GCM(session state) ‖ tag(16), AAD = key_name (RFC 5077 §4 recommends
// an authenticated-encrypted state; we use an AEAD instead of AES-CBC + HMAC).
import { WasslError } from "../../bindings/errors.js";
import type { CryptoProvider } from "../provider.js";
import { decodeSessionState, encodeSessionState, type SessionState } from "./state.js";

const KEY_NAME_LENGTH = 16;
const NONCE_LENGTH = 12;
const KEY_LENGTH = 32;

interface TicketKey {
  name: Uint8Array;
  key: Uint8Array;
  createdAt: number;
}

/** Options of {@link TicketKeys}. */
export interface TicketKeysOptions {
  /** Initial key material: 48 bytes = 16-byte key name ‖ 32-byte AES-256 key (node:tls `ticketKeys` size). */
  keys?: Uint8Array;
  /** Seconds a key issues tickets before a new one replaces it. Default 3600. */
  rotateAfterSeconds?: number;
  /** Old keys still accepted for decryption after rotation. Default 1. */
  keepPrevious?: number;
  /** Ticket lifetime in seconds (also the lifetime hint sent). Default 7200. */
  lifetimeSeconds?: number;
  /** Clock in milliseconds (tests). Default `Date.now`. */
  now?: () => number;
}

/**
 * The server's ticket protection keys. The newest key encrypts; it is replaced every
 * `rotateAfterSeconds` (or by {@link rotate}); the previous keys still decrypt until dropped.
 */
export class TicketKeys {
  private keys: TicketKey[] = [];
  private readonly rotateAfterMs: number;
  private readonly keepPrevious: number;
  readonly lifetimeSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly provider: CryptoProvider,
    options: TicketKeysOptions = {},
  ) {
    this.rotateAfterMs = (options.rotateAfterSeconds ?? 3600) * 1000;
    this.keepPrevious = Math.max(0, options.keepPrevious ?? 1);
    this.lifetimeSeconds = options.lifetimeSeconds ?? 7200;
    this.now = options.now ?? Date.now;
    if (options.keys) this.setKeys(options.keys);
    else this.rotate();
  }

  /** Replaces all keys by `material` (48 bytes: name ‖ key), e.g. shared by a server cluster. */
  setKeys(material: Uint8Array): void {
    if (material.length !== KEY_NAME_LENGTH + KEY_LENGTH) {
      throw new WasslError("ERR_TLS_INVALID_TICKET_KEYS", "ticket keys must be 48 bytes");
    }
    this.wipe(this.keys);
    this.keys = [
      {
        name: material.slice(0, KEY_NAME_LENGTH),
        key: material.slice(KEY_NAME_LENGTH),
        createdAt: this.now(),
      },
    ];
  }

  /** Starts encrypting with a fresh random key; keeps `keepPrevious` old ones for decryption. */
  rotate(): void {
    const fresh: TicketKey = {
      name: this.provider.randomBytes(KEY_NAME_LENGTH),
      key: this.provider.randomBytes(KEY_LENGTH),
      createdAt: this.now(),
    };
    const kept = [fresh, ...this.keys];
    this.wipe(kept.splice(1 + this.keepPrevious));
    this.keys = kept;
  }

  /** Encrypts a session into a ticket under the current key (rotating first when it is due). */
  seal(session: SessionState): Uint8Array {
    if (this.now() - this.keys[0].createdAt >= this.rotateAfterMs) this.rotate();
    const { name, key } = this.keys[0];
    const nonce = this.provider.randomBytes(NONCE_LENGTH);
    // A ticket never contains a ticket (the server's session state has none: no copy needed then).
    const plain = encodeSessionState(session.ticket.length === 0 ? session : { ...session, ticket: new Uint8Array(0) });
    const aead = this.provider.createGcm(key);
    try {
      const sealed = aead.seal(nonce, plain, name);
      const out = new Uint8Array(KEY_NAME_LENGTH + NONCE_LENGTH + sealed.length);
      out.set(name, 0);
      out.set(nonce, KEY_NAME_LENGTH);
      out.set(sealed, KEY_NAME_LENGTH + NONCE_LENGTH);
      return out;
    } finally {
      aead.dispose();
      plain.fill(0);
    }
  }

  /** Decrypts a ticket; undefined when the key is unknown, the tag fails, or the ticket expired. */
  open(ticket: Uint8Array): SessionState | undefined {
    if (ticket.length < KEY_NAME_LENGTH + NONCE_LENGTH + 16) return undefined;
    const name = ticket.subarray(0, KEY_NAME_LENGTH);
    const entry = this.keys.find((k) => k.name.every((b, i) => b === name[i]));
    if (!entry) return undefined;
    const aead = this.provider.createGcm(entry.key);
    let plain: Uint8Array | null;
    try {
      plain = aead.open(
        ticket.subarray(KEY_NAME_LENGTH, KEY_NAME_LENGTH + NONCE_LENGTH),
        ticket.subarray(KEY_NAME_LENGTH + NONCE_LENGTH),
        name,
      );
    } finally {
      aead.dispose();
    }
    if (!plain) return undefined;
    try {
      const session = decodeSessionState(plain);
      if (this.now() - session.createdAt >= this.lifetimeSeconds * 1000) return undefined;
      return session;
    } catch {
      return undefined;
    } finally {
      plain.fill(0);
    }
  }

  private wipe(keys: TicketKey[]): void {
    for (const k of keys) k.key.fill(0);
  }
}
