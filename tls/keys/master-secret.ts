// master_secret (RFC 5246 §8.1) and the extended master secret (RFC 7627 §4).
import { concatBytes } from "../codec/writer.js";
import type { Prf } from "./prf.js";

/** Length of the master secret. */
export const MASTER_SECRET_LENGTH = 48;

/** PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]. */
export function computeMasterSecret(
  prf: Prf,
  premaster: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
): Uint8Array {
  return prf(premaster, "master secret", concatBytes(clientRandom, serverRandom), MASTER_SECRET_LENGTH);
}

/**
 * PRF(pre_master_secret, "extended master secret", session_hash)[0..47], where session_hash is the
 * transcript hash through ClientKeyExchange (RFC 7627 §3–4).
 */
export function computeExtendedMasterSecret(prf: Prf, premaster: Uint8Array, sessionHash: Uint8Array): Uint8Array {
  return prf(premaster, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
}
