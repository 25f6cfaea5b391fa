// Vector loading and test-data helpers shared by the conformance suite (data in test/vectors/conformance/).
import { readFileSync } from "node:fs";

/** Reads `test/vectors/conformance/<name>` as JSON. */
export function loadVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/conformance/${name}`, import.meta.url), "utf8")) as T;
}

/** Hex (whitespace ignored) to bytes. */
export { fromHex as hex } from "../support/bytes.js";

/** Deterministic test bytes (not random: reproducible failures). */
export function patternBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
