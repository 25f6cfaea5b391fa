// The PRF of a connection: TLS 1.2 P_<hash> of the suite, or the TLS 1.0/1.1 MD5/SHA-1 PRF.
import type { CryptoProvider } from "../provider.js";
import type { CipherSuite } from "../suites.js";
import { SSL3, TLS12 } from "../versions.js";

/** PRF(secret, label, seed) truncated to `length` bytes (RFC 5246 §5, RFC 2246 §5). */
export type Prf = (secret: Uint8Array, label: string, seed: Uint8Array, length: number) => Uint8Array;

/** The PRF for `version` and `suite`: TLS 1.2 P_hash, the TLS 1.0/1.1 PRF, or SSL 3.0's derivation. */
export function prfFor(provider: CryptoProvider, version: number, suite: CipherSuite): Prf {
  // RFC 6101 §6.1–6.2.2: SSL 3.0 has no labels; its MD5/SHA-1 construction takes secret and seed only.
  if (version === SSL3) return (secret, _label, seed, length) => provider.prfSsl3(secret, seed, length);
  if (version >= TLS12) {
    const hash = suite.prfHash;
    return (secret, label, seed, length) => provider.prfTls12(hash, secret, label, seed, length);
  }
  return (secret, label, seed, length) => provider.prfTls10(secret, label, seed, length);
}
