// Cryptographically secure random bytes from the platform (crypto.getRandomValues), drawn in blocks:
// one call costs a few microseconds whatever its size, and a handshake needs about ten small pieces
// (randoms, premaster, padding, nonces, RSA blinding). Handed-out bytes are zeroed in the pool.

/** Bytes drawn from the platform per refill. */
const POOL_BYTES = 4096;
/** Requests above this size bypass the pool. */
const POOLED_MAX = 512;
/** getRandomValues' per-call limit (Web Crypto). */
const PLATFORM_MAX = 65536;

const pool = new Uint8Array(POOL_BYTES);
/** Unused bytes are `pool[POOL_BYTES - available ..]`. */
let available = 0;

/**
 * Fills `out` with cryptographically secure random bytes. Small requests are served from a pooled
 * block (wiped as it is used); large ones go straight to the platform.
 * @example fillRandom(clientRandom)
 */
export function fillRandom(out: Uint8Array): void {
  const length = out.length;
  if (length > POOLED_MAX) {
    for (let off = 0; off < length; off += PLATFORM_MAX) {
      globalThis.crypto.getRandomValues(out.subarray(off, Math.min(length, off + PLATFORM_MAX)));
    }
    return;
  }
  if (available < length) {
    globalThis.crypto.getRandomValues(pool);
    available = POOL_BYTES;
  }
  const start = POOL_BYTES - available;
  out.set(pool.subarray(start, start + length));
  pool.fill(0, start, start + length);
  available -= length;
}

/**
 * `length` cryptographically secure random bytes (see {@link fillRandom}).
 * @example const premaster = randomBytes(48);
 */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  fillRandom(out);
  return out;
}
