// Byte-string helpers for display and comparison of public data (not constant-time).

/** Lower-case hex of `bytes`, optionally joined by `separator` (e.g. `:` for fingerprints). */
export function toHex(bytes: Uint8Array, separator = ""): string {
  const parts: string[] = [];
  for (const b of bytes) parts.push(b.toString(16).padStart(2, "0"));
  return parts.join(separator);
}

/** Equality of two public byte strings (names, key identifiers, addresses). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
