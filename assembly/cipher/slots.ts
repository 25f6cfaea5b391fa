// Per-context state slots for every cipher (AES, GCM, DES, 3DES, RC2, RC4), in static memory.

/** Bytes per cipher context slot (the largest layout, AES-GCM, needs < 400). */
export const CIPHER_SLOT_SIZE: i32 = 1024;
/** Number of cipher slots: 2,048 live contexts (a TLS connection holds two). */
export const CIPHER_SLOT_COUNT: i32 = 2048;
/** Base address of the slot array. */
export const CIPHER_SLOTS: usize = memory.data(CIPHER_SLOT_SIZE * CIPHER_SLOT_COUNT, 16);

/** Address of slot `slot` (the bindings pass slot indices from their SlotPool). */
// @ts-ignore: decorator
@inline
export function slotPtr(slot: i32): usize {
  return CIPHER_SLOTS + <usize>slot * <usize>CIPHER_SLOT_SIZE;
}

/** Base address of the cipher slot array (for the bindings' SlotPool). */
export function cipherSlotBase(): usize {
  return CIPHER_SLOTS;
}

/** Number of cipher slots. */
export function cipherSlotCount(): i32 {
  return CIPHER_SLOT_COUNT;
}

/** Size of one cipher slot in bytes. */
export function cipherSlotSize(): i32 {
  return CIPHER_SLOT_SIZE;
}
