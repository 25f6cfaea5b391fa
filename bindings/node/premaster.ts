// RFC 5246 §7.4.7.1 premaster decoding over a raw RSA result, branch-free on the decrypted bytes.

/**
 * Given the raw RSA output `em` (modulus-size block) of an EncryptedPreMasterSecret, returns the 48-byte
 * premaster when the block is `00 02 PS(≥8 nonzero) 00 M` with |M| = 48 and M[0..1] = clientVersion,
 * else `fallback`, chosen with masks rather than branches.
 */
export function selectTlsPremaster(em: Uint8Array, clientVersion: number, fallback: Uint8Array): Uint8Array {
  const k = em.length;
  // good = all-ones (0xff) when the condition holds; every check folds into it without branching.
  let good = eqMask(em[0], 0) & eqMask(em[1], 2);
  // zero separator must be exactly at index k - 49, and padding bytes 2..k-50 nonzero.
  for (let i = 2; i < k - 49; i++) good &= ~eqMask(em[i], 0) & 0xff;
  good &= eqMask(em[k - 49], 0);
  good &= eqMask(em[k - 48], clientVersion >>> 8) & eqMask(em[k - 47], clientVersion & 0xff);
  good &= k >= 59 ? 0xff : 0;
  const out = new Uint8Array(48);
  for (let i = 0; i < 48; i++) out[i] = (em[k - 48 + i] & good) | (fallback[i] & ~good);
  return out;
}

function eqMask(a: number, b: number): number {
  // 0xff when a == b (bytes), else 0, without a data-dependent branch.
  const x = (a ^ b) & 0xff;
  return ((x - 1) >>> 8) & 0xff;
}
