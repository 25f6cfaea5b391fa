// Constant-time comparison of byte strings (MACs, Finished verify_data).

/**
 * True when `a` and `b` hold the same bytes. The time depends only on the lengths, never on the
 * contents or on where they differ: every byte is visited and differences are OR-accumulated.
 * @example equalBytes(expectedTag, receivedTag)
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
