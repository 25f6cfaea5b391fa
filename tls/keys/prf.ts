// The PRF of a connection: TLS 1.2 P_<hash> of the suite, or the TLS 1.0/1.1 MD5/SHA-1 PRF.
import type { CryptoProvider } from "../provider.js";
import type { CipherSuite } from "../suites.js";
import { TLS12 } from "../versions.js";

/** PRF(secret, label, seed) truncated to `length` bytes (RFC 5246 §5, RFC 2246 §5). */
export type Prf = (secret: Uint8Array, label: string, seed: Uint8Array, length: number) => Uint8Array;

/** The PRF for `version` and `suite` (SSL 3.0 derivation is issue 6). */
export function prfFor(provider: CryptoProvider, version: number, suite: CipherSuite): Prf {
  if (version >= TLS12) {
    const hash = suite.prfHash;
    return (secret, label, seed, length) => provider.prfTls12(hash, secret, label, seed, length);
  }
  return (secret, label, seed, length) => provider.prfTls10(secret, label, seed, length);
}
