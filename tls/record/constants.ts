// Record layer constants (RFC 5246 §6.2).

/** ContentType code points (RFC 5246 §6.2.1). */
export const ContentType = {
  change_cipher_spec: 20,
  alert: 21,
  handshake: 22,
  application_data: 23,
} as const;

/** Record header length: type, version, length. */
export const RECORD_HEADER_LENGTH = 5;
/** Largest TLSPlaintext fragment, 2^14 (RFC 5246 §6.2.1). */
export const MAX_PLAINTEXT_LENGTH = 16384;
/** Largest TLSCiphertext fragment, 2^14 + 2048 (RFC 5246 §6.2.3). */
export const MAX_CIPHERTEXT_LENGTH = 16384 + 2048;
/** Consecutive empty records tolerated before the peer is treated as hostile. */
export const MAX_EMPTY_RECORDS = 32;
