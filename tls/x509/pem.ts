// PEM (RFC 7468 strict textual encoding): `-----BEGIN label-----`, base64 lines, `-----END label-----`.
import { DerError } from "./errors.js";

/** One decoded PEM block. */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE`, `RSA PRIVATE KEY`, `PRIVATE KEY`. */
  label: string;
  /** The decoded DER bytes. */
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([^-\r\n]*)-----([\s\S]*?)-----END ([^-\r\n]*)-----/g;
const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE[BASE64_ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes every PEM block in `text` (text between blocks is ignored, as in certificate bundles).
 * Base64 is strict (RFC 4648 §4 alphabet, canonical padding; whitespace between lines allowed).
 * Headers (`Proc-Type:` etc., i.e. legacy encrypted keys) are rejected. Throws when no block exists.
 */
export function decodePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1] ?? "";
    if (m[3] !== label) throw new DerError("BAD_PEM", `BEGIN ${label} closed by END ${m[3]}`);
    const body = m[2]!;
    if (body.includes(":")) throw new DerError("BAD_PEM", "PEM headers (legacy encrypted keys) are not supported");
    blocks.push({ label, der: decodeBase64Strict(body) });
  }
  if (blocks.length === 0) throw new DerError("BAD_PEM", "no PEM block found");
  return blocks;
}

/** Strict base64: alphabet of RFC 4648 §4, `=` padding only at the end, zero pad bits; whitespace skipped. */
export function decodeBase64Strict(text: string): Uint8Array {
  const clean = text.replace(/[ \t\r\n]/g, "");
  if (clean.length % 4) throw new DerError("BAD_PEM", "base64 length is not a multiple of 4");
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - pad);
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length - pad; i++) {
    const v = BASE64_VALUE[clean.charCodeAt(i) & 0xff]!;
    if (v < 0 || clean.charCodeAt(i) > 0xff) throw new DerError("BAD_PEM", "invalid base64 character");
    acc = (acc << 6) | v;
    if (i % 4 === 3) {
      out[o++] = acc >> 16;
      out[o++] = (acc >> 8) & 0xff;
      out[o++] = acc & 0xff;
      acc = 0;
    }
  }
  if (pad === 2) {
    if (acc & 0xf) throw new DerError("BAD_PEM", "non-zero base64 pad bits");
    out[o] = acc >> 4;
  } else if (pad === 1) {
    if (acc & 0x3) throw new DerError("BAD_PEM", "non-zero base64 pad bits");
    out[o++] = acc >> 10;
    out[o] = (acc >> 2) & 0xff;
  }
  return out;
}

/** Encodes `der` as one PEM block with 64-character lines (RFC 7468 §2). */
export function encodePem(label: string, der: Uint8Array): string {
  let b64 = "";
  for (let i = 0; i < der.length; i += 3) {
    const n = (der[i]! << 16) | ((der[i + 1] ?? 0) << 8) | (der[i + 2] ?? 0);
    const chars = Math.min(4, der.length - i + 1);
    for (let j = 0; j < 4; j++) b64 += j < chars ? BASE64_ALPHABET[(n >> (18 - 6 * j)) & 63] : "=";
  }
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}${lines.length ? "\n" : ""}-----END ${label}-----\n`;
}
