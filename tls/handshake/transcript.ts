// The handshake transcript: raw messages in order, hashed with forkable running hashes once the
// version and suite fix which hash(es) to use (RFC 5246 §7.4.9, RFC 2246 §7.4.9).
import type { CryptoProvider, Hash } from "../provider.js";
import type { CipherSuite } from "../suites.js";
import { TLS12 } from "../versions.js";

/** Records handshake messages and produces the transcript hash at any point. */
export class Transcript {
  private readonly messages: Uint8Array[] = [];
  private hashes: Hash[] | undefined;

  /** Adds one message (header + body, as on the wire). */
  add(raw: Uint8Array): void {
    this.messages.push(raw);
    if (this.hashes) for (const h of this.hashes) h.update(raw);
  }

  /**
   * Fixes the hash after ServerHello: the suite's PRF hash in TLS 1.2, MD5 and SHA-1 before.
   * Messages added so far are hashed now.
   */
  start(provider: CryptoProvider, version: number, suite: CipherSuite): void {
    const names = version >= TLS12 ? [suite.prfHash] : (["md5", "sha1"] as const);
    this.hashes = names.map((name) => provider.createHash(name));
    for (const raw of this.messages) for (const h of this.hashes) h.update(raw);
  }

  /** Hash of the messages so far (MD5 ‖ SHA-1 before TLS 1.2); the running state continues. */
  hash(): Uint8Array {
    if (!this.hashes) throw new Error("transcript hash requested before ServerHello");
    const parts = this.hashes.map((h) => {
      const fork = h.clone();
      const digest = fork.digest();
      fork.dispose();
      return digest;
    });
    if (parts.length === 1) return parts[0];
    const out = new Uint8Array(parts[0].length + parts[1].length);
    out.set(parts[0], 0);
    out.set(parts[1], parts[0].length);
    return out;
  }

  /** The raw messages so far (CertificateVerify with another hash). */
  get rawMessages(): readonly Uint8Array[] {
    return this.messages;
  }

  /** Frees the hash contexts. */
  dispose(): void {
    if (this.hashes) for (const h of this.hashes) h.dispose();
    this.hashes = undefined;
    this.messages.length = 0;
  }
}
