// RFC 6066 §4 max_fragment_length: the client asks for 2^9, 2^10, 2^11 or 2^12-byte records; a server
// that accepts echoes the same code, and from then on both sides send and accept no larger plaintext.
import { fail } from "../alerts.js";

/** The fragment lengths RFC 6066 defines, by their code (1–4). */
export const MAX_FRAGMENT_LENGTHS: readonly number[] = [512, 1024, 2048, 4096];

/** The value the option accepts. */
export type MaxFragmentLength = 512 | 1024 | 2048 | 4096;

/** True for 512, 1024, 2048 or 4096. */
export function isMaxFragmentLength(value: unknown): value is MaxFragmentLength {
  return typeof value === "number" && MAX_FRAGMENT_LENGTHS.includes(value);
}

/** The extension body for `length` (one byte, its code). */
export function encodeMaxFragmentLength(length: MaxFragmentLength): Uint8Array {
  return Uint8Array.of(MAX_FRAGMENT_LENGTHS.indexOf(length) + 1);
}

/** The length an extension body asks for; illegal_parameter for anything but a known code (RFC 6066 §4). */
export function decodeMaxFragmentLength(data: Uint8Array): MaxFragmentLength {
  const length = data.length === 1 ? MAX_FRAGMENT_LENGTHS[data[0] - 1] : undefined;
  return (length as MaxFragmentLength | undefined) ?? fail("illegal_parameter", "bad max_fragment_length");
}
