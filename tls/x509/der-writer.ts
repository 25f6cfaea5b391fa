// A small DER encoder (X.690 §10): enough to encode RSA keys and to build test structures.

import { concatBytes } from "../../bindings/bytes.js";
import { contextTag, Tag } from "./der.js";

/** Encodes one TLV with a minimal definite length. */
export function encodeTlv(tag: number, contents: Uint8Array): Uint8Array {
  const n = contents.length;
  const lengthBytes: number[] = [];
  if (n < 0x80) lengthBytes.push(n);
  else {
    for (let v = n; v > 0; v = Math.floor(v / 256)) lengthBytes.unshift(v & 0xff);
    lengthBytes.unshift(0x80 | lengthBytes.length);
  }
  const out = new Uint8Array(1 + lengthBytes.length + n);
  out[0] = tag;
  out.set(lengthBytes, 1);
  out.set(contents, 1 + lengthBytes.length);
  return out;
}

/** SEQUENCE of already-encoded elements. */
export function encodeSequence(elements: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(Tag.SEQUENCE, concatBytes(...elements));
}

/** SET OF already-encoded elements, sorted as DER requires (X.690 §11.6). */
export function encodeSetOf(elements: readonly Uint8Array[]): Uint8Array {
  const sorted = [...elements].sort(compareBytes);
  return encodeTlv(Tag.SET, concatBytes(...sorted));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** INTEGER from big-endian unsigned magnitude bytes (leading zeros stripped, sign byte added). */
export function encodeUnsignedInteger(magnitude: Uint8Array): Uint8Array {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const v = magnitude.length === 0 ? new Uint8Array(1) : magnitude.subarray(i);
  return encodeTlv(Tag.INTEGER, v[0]! & 0x80 ? concatBytes(new Uint8Array(1), v) : v);
}

/** INTEGER from a small non-negative number. */
export function encodeSmallInteger(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("encodeSmallInteger takes a non-negative safe integer");
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return encodeUnsignedInteger(Uint8Array.from(bytes));
}

/** OBJECT IDENTIFIER from dotted form (X.690 §8.19). */
export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map((a) => {
    if (!/^\d+$/.test(a)) throw new RangeError(`bad OID ${dotted}`);
    return BigInt(a);
  });
  if (arcs.length < 2 || arcs[0]! > 2n || (arcs[0]! < 2n && arcs[1]! > 39n)) throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  for (const arc of [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)]) {
    const chunk = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  }
  return encodeTlv(Tag.OID, Uint8Array.from(out));
}

/** NULL. */
export function encodeNull(): Uint8Array {
  return Uint8Array.of(Tag.NULL, 0);
}

/** BOOLEAN (0xFF for true). */
export function encodeBoolean(value: boolean): Uint8Array {
  return Uint8Array.of(Tag.BOOLEAN, 1, value ? 0xff : 0);
}

/** OCTET STRING. */
export function encodeOctetString(bytes: Uint8Array): Uint8Array {
  return encodeTlv(Tag.OCTET_STRING, bytes);
}

/** BIT STRING holding whole bytes. */
export function encodeBitString(bytes: Uint8Array): Uint8Array {
  return encodeTlv(Tag.BIT_STRING, concatBytes(new Uint8Array(1), bytes));
}

/** UTF8String. */
export function encodeUtf8String(text: string): Uint8Array {
  return encodeTlv(Tag.UTF8_STRING, new TextEncoder().encode(text));
}

/** `[n] EXPLICIT` wrapper around already-encoded elements. */
export function encodeExplicit(n: number, elements: readonly Uint8Array[]): Uint8Array {
  return encodeTlv(contextTag(n, true), concatBytes(...elements));
}
