// Test payloads that every echo peer returns intact, and the transforms some peers apply.

/** The round-trip sizes the interop suite checks: empty, one byte, one full record, many records. */
export const ROUND_TRIP_SIZES = [0, 1, 16 * 1024, 1024 * 1024] as const;

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
/** Line length (newline included) of {@link linePayload}: short enough for every line-based echo. */
const LINE_LENGTH = 1024;

/**
 * `size` bytes of printable text in lines of at most 1 KiB, ending with `\n` (when non-empty),
 * varying with `seed`. Line-based peers (`gnutls-serv --echo`, `openssl s_server -rev`) need text
 * without NUL or CR that ends with a newline; binary-safe peers don't mind.
 */
export function linePayload(size: number, seed = 0): Uint8Array {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const endOfLine = i % LINE_LENGTH === LINE_LENGTH - 1 || i === size - 1;
    data[i] = endOfLine ? 0x0a : ALPHABET.charCodeAt((i * 7 + seed + Math.floor(i / LINE_LENGTH)) % ALPHABET.length);
  }
  return data;
}

/** What `openssl s_server -rev` sends back for `data`: every line reversed, newline kept. */
export function reverseLines(data: Uint8Array): Uint8Array {
  const result = new Uint8Array(data.length);
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== 0x0a) continue;
    for (let j = start; j < i; j++) result[j] = data[i - 1 - (j - start)];
    result[i] = 0x0a;
    start = i + 1;
  }
  return result;
}

/** Byte equality with a short description of the first difference (for assertion messages). */
export function firstDifference(actual: Uint8Array, expected: Uint8Array): string | undefined {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) return `byte ${i}: got ${actual[i]}, expected ${expected[i]}`;
  }
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  return undefined;
}
