// Finished verify_data (RFC 5246 §7.4.9).
import type { Prf } from "./prf.js";

/** verify_data length in TLS 1.0–1.2 (no suite defines another). */
export const VERIFY_DATA_LENGTH = 12;

/** PRF(master_secret, "client finished" | "server finished", transcript hash)[0..11]. */
export function computeVerifyData(
  prf: Prf,
  masterSecret: Uint8Array,
  sender: "client" | "server",
  transcriptHash: Uint8Array,
): Uint8Array {
  return prf(masterSecret, `${sender} finished`, transcriptHash, VERIFY_DATA_LENGTH);
}
