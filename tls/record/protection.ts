// The record protection interface and the initial (plaintext) state.
import type { SequenceNumber } from "./sequence-number.js";

/**
 * Encrypts or decrypts one record's fragment for one direction (RFC 5246 §6.2.3). Implementations
 * own their cipher/MAC contexts; `dispose()` wipes them.
 */
export interface RecordProtection {
  /** Largest expansion of a fragment (IV, MAC, padding, tag), for output sizing. */
  readonly maxOverhead: number;
  /** Protects `plaintext` of content `type` sent with record `version` at sequence `seq`. */
  seal(type: number, version: number, seq: SequenceNumber, plaintext: Uint8Array): Uint8Array;
  /**
   * Removes protection. Throws a TlsAlertError (`bad_record_mac`, the same for every kind of failure)
   * when the fragment does not authenticate.
   */
  open(type: number, version: number, seq: SequenceNumber, fragment: Uint8Array): Uint8Array;
  /** Wipes key material. */
  dispose(): void;
}

/** TLS_NULL_WITH_NULL_NULL: the state before the first ChangeCipherSpec. */
export const PLAINTEXT_PROTECTION: RecordProtection = {
  maxOverhead: 0,
  seal: (_t, _v, _s, plaintext) => plaintext,
  open: (_t, _v, _s, fragment) => fragment,
  dispose: () => {},
};

/** Writes the 13-byte MAC/AAD header: seq ‖ type ‖ version ‖ length (RFC 5246 §6.2.3.1, §6.2.3.3). */
export function recordHeaderForMac(seq: SequenceNumber, type: number, version: number, length: number): Uint8Array {
  const h = new Uint8Array(13);
  seq.writeTo(h, 0);
  h[8] = type;
  h[9] = version >>> 8;
  h[10] = version;
  h[11] = length >>> 8;
  h[12] = length;
  return h;
}
