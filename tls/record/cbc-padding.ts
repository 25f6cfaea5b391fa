// Constant-time helpers for CBC records (Lucky13, AlFardan–Paterson 2013): the padding check and the
// MAC extraction touch the same bytes in the same order whatever the (secret) padding length is.
// JavaScript gives no hard timing guarantee; these routines avoid secret-dependent branches and
// secret-dependent memory indices, which is what can be controlled from here.

/** -1 (all ones) when a ≤ b, else 0, for 0 ≤ a, b < 2^31. */
export function leMask(a: number, b: number): number {
  return ~((b - a) >> 31);
}

/** -1 when a === b, else 0, for 0 ≤ a, b < 2^31. */
export function eqMask(a: number, b: number): number {
  const d = a ^ b;
  return ((d | -d) >> 31) ^ -1;
}

/** Result of a padding check: the length to strip (0 when bad) and -1 (good) or 0 (bad). */
export interface PaddingCheck {
  paddingLength: number;
  goodMask: number;
}

/**
 * Checks the TLS padding of a decrypted CBC record `plain` (RFC 5246 §6.2.3.2: every padding byte
 * equals the padding length; TLS allows up to 255 bytes). Returns the padding length to strip (0 when
 * the padding is bad) and a mask, -1 for good padding, 0 for bad. Runs over the last
 * min(256, length) bytes regardless of the padding value.
 */
export function checkCbcPadding(plain: Uint8Array, macLength: number): PaddingCheck {
  const n = plain.length;
  const padLen = plain[n - 1];
  // The padding, its length byte and the MAC must fit.
  let good = leMask(padLen + 1 + macLength, n);
  const scan = Math.min(256, n);
  for (let i = 1; i < scan; i++) {
    const inPadding = leMask(i, padLen);
    good &= ~(inPadding & ~eqMask(plain[n - 1 - i], padLen));
  }
  return { paddingLength: padLen & good, goodMask: good };
}

/**
 * Copies the `macLength` bytes at secret offset `macStart` out of `plain` without a secret-dependent
 * index: scans a public window (the last macLength + 256 bytes) into a rotated buffer, then rotates
 * back with masked selects.
 */
export function extractMacConstantTime(plain: Uint8Array, macStart: number, macLength: number): Uint8Array {
  const n = plain.length;
  const windowStart = Math.max(0, n - macLength - 256);
  const rotated = new Uint8Array(macLength);
  let j = 0;
  let rotation = 0;
  for (let i = windowStart; i < n; i++) {
    const inMac = leMask(macStart, i) & ~leMask(macStart + macLength, i);
    rotated[j] |= plain[i] & inMac;
    rotation |= j & eqMask(i, macStart);
    j = j + 1 === macLength ? 0 : j + 1;
  }
  const out = new Uint8Array(macLength);
  for (let i = 0; i < macLength; i++) {
    let byte = 0;
    for (let k = 0; k < macLength; k++) {
      const target = (i + rotation) % macLength;
      byte |= rotated[k] & eqMask(k, target);
    }
    out[i] = byte;
  }
  return out;
}

/**
 * Number of hash compression-function calls for `length` bytes of HMAC inner input (excluding the
 * key block), for a hash with `blockLength`-byte blocks and a `lengthFieldBytes`-byte length field.
 */
export function compressionCount(length: number, blockLength: number, lengthFieldBytes: number): number {
  return Math.floor((length + 1 + lengthFieldBytes + blockLength - 1) / blockLength);
}
