// Readers for the cipher vector files in test/vectors/cipher/.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "vectors", "cipher");

/** Bytes from a hex string (empty string → empty array). */
export function hex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, "hex"));
}

/** Hex of bytes. */
export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

/** Reads a JSON vector file. */
export function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(dir, name), "utf8")) as T;
}

/**
 * Parses BoringSSL's `Name = value` / `NAME: value` test files into records (one per blank-line
 * separated block; `#` comments ignored). Keys keep their spelling.
 */
export function readBoringTests(name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  let cur: Record<string, string> = {};
  for (const raw of readFileSync(join(dir, name), "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) {
      if (Object.keys(cur).length > 0) out.push(cur);
      cur = {};
      continue;
    }
    const m = /^([A-Za-z]+)\s*[=:]\s*(.*)$/.exec(line);
    if (m) cur[m[1] as string] = (m[2] as string).trim().replace(/^""$/, "");
  }
  if (Object.keys(cur).length > 0) out.push(cur);
  return out;
}
