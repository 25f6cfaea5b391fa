// Byte conversions for the WebCrypto subset: BufferSource in, ArrayBuffer out, base64url for JWK.
import { webCryptoError } from "./errors.js";

/** Copies a BufferSource (ArrayBuffer or any view) into a fresh Uint8Array. */
export function bytesOf(data: unknown, what = "data"): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  throw webCryptoError("TypeError", `${what} must be an ArrayBuffer or ArrayBufferView`);
}

/** A Uint8Array's contents as a standalone ArrayBuffer (what SubtleCrypto resolves with). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.length);
  new Uint8Array(out).set(bytes);
  return out;
}

/** RFC 4648 §5 base64url without padding (JWK, RFC 7518 §6). */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes base64url (padding optional); a malformed string is a DataError. */
export function decodeBase64Url(text: unknown, field: string): Uint8Array {
  if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw webCryptoError("DataError", `JWK member "${field}" is not base64url`);
  }
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
