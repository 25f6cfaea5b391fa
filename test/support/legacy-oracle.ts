// Runs many legacy-cipher encryptions (DES, 3DES, RC2, RC4) in ONE child `node --openssl-legacy-provider`
// process: Node 20's in-process OpenSSL refuses them without the legacy provider.
import { spawnSync } from "node:child_process";

/** One encryption for the oracle: OpenSSL cipher name (e.g. "des-ede3-cbc"), hex key, hex IV, hex data. */
export interface LegacyCase {
  alg: string;
  key: string;
  iv: string | null;
  data: string;
}

const CHILD = `
const crypto = require("node:crypto");
let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const out = JSON.parse(input).map((c) => {
    const h = (s) => Buffer.from(s, "hex");
    const cipher = crypto.createCipheriv(c.alg, h(c.key), c.iv === null ? null : h(c.iv));
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(h(c.data)), cipher.final()]).toString("hex");
  });
  process.stdout.write(JSON.stringify(out));
});
`;

/** Encrypts every case with OpenSSL's legacy provider in a single child process; returns hex outputs. */
export function legacyEncryptBatch(cases: LegacyCase[]): string[] {
  const r = spawnSync(process.execPath, ["--openssl-legacy-provider", "-e", CHILD], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`legacy oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}
