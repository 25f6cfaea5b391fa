// The SSL 3.0 record MAC (RFC 6101 §5.2.3.1), shaped as the engine's Hmac so the stream and CBC
// protections use it unchanged:
//   hash(MAC_write_secret ‖ pad2 ‖ hash(MAC_write_secret ‖ pad1 ‖ seq_num ‖ type ‖ length ‖ content))
// The protections feed TLS's 13-byte header (seq ‖ type ‖ version ‖ length) first; SSL 3.0 has no
// version in its MAC, so those two bytes of the first 13 after each digest are dropped here.
import { ssl3Pad } from "../keys/ssl3.js";
import type { CryptoProvider, Hash, Hmac } from "../provider.js";

const TLS_MAC_HEADER_LENGTH = 13;
const VERSION_OFFSET = 9;

/** SSL 3.0 MAC with MD5 or SHA-1 keyed with one direction's MAC secret. */
export class Ssl3Mac implements Hmac {
  readonly outputLength: number;
  private inner: Hash;
  private headerSeen = 0;
  private readonly header = new Uint8Array(TLS_MAC_HEADER_LENGTH);

  constructor(
    private readonly provider: CryptoProvider,
    private readonly hash: "md5" | "sha1",
    private readonly secret: Uint8Array,
  ) {
    this.inner = this.start();
    this.outputLength = this.inner.outputLength;
  }

  update(data: Uint8Array): this {
    let rest = data;
    if (this.headerSeen < TLS_MAC_HEADER_LENGTH) {
      const take = Math.min(rest.length, TLS_MAC_HEADER_LENGTH - this.headerSeen);
      this.header.set(rest.subarray(0, take), this.headerSeen);
      this.headerSeen += take;
      rest = rest.subarray(take);
      if (this.headerSeen === TLS_MAC_HEADER_LENGTH) {
        // seq_num ‖ type, then length: without the version bytes.
        this.inner.update(this.header.subarray(0, VERSION_OFFSET));
        this.inner.update(this.header.subarray(VERSION_OFFSET + 2));
      }
    }
    if (rest.length > 0) this.inner.update(rest);
    return this;
  }

  digest(): Uint8Array {
    if (this.headerSeen < TLS_MAC_HEADER_LENGTH) this.inner.update(this.header.subarray(0, this.headerSeen));
    const innerDigest = this.inner.digest();
    this.inner.dispose();
    const outer = this.provider.createHash(this.hash);
    const tag = outer.update(this.secret).update(ssl3Pad(this.hash, 0x5c)).update(innerDigest).digest();
    outer.dispose();
    this.inner = this.start();
    return tag;
  }

  dispose(): void {
    this.inner.dispose();
    this.secret.fill(0);
  }

  private start(): Hash {
    this.headerSeen = 0;
    return this.provider.createHash(this.hash).update(this.secret).update(ssl3Pad(this.hash, 0x36));
  }
}
