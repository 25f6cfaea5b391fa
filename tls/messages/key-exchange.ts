// ClientKeyExchange (RSA), CertificateVerify, Finished and the empty messages (RFC 5246 §7.4.7–7.4.9).
import { fail } from "../alerts.js";
import { Reader } from "../codec/reader.js";
import { Writer } from "../codec/writer.js";
import { SSL3, TLS12 } from "../versions.js";

/**
 * Encodes an RSA ClientKeyExchange: the encrypted premaster behind a 2-byte length (TLS), or bare
 * (SSL 3.0, RFC 6101 §5.6.7.1).
 */
export function encodeRsaClientKeyExchange(encryptedPremaster: Uint8Array, version: number): Uint8Array {
  return version === SSL3
    ? new Uint8Array(encryptedPremaster)
    : new Writer(encryptedPremaster.length + 2).vec16(encryptedPremaster).finish();
}

/** Decodes an RSA ClientKeyExchange for `version`. */
export function decodeRsaClientKeyExchange(body: Uint8Array, version: number): Uint8Array {
  if (version === SSL3) {
    if (body.length === 0) fail("decode_error", "empty ClientKeyExchange");
    return body;
  }
  const r = new Reader(body);
  const encrypted = r.vec16(1);
  r.end("ClientKeyExchange");
  return encrypted;
}

/** CertificateVerify fields (`scheme` only in TLS 1.2, RFC 5246 §7.4.8). */
export interface CertificateVerify {
  scheme?: number;
  signature: Uint8Array;
}

/** Encodes a CertificateVerify for `version`. */
export function encodeCertificateVerify(m: CertificateVerify, version: number): Uint8Array {
  const w = new Writer();
  if (version >= TLS12) w.u16(m.scheme ?? fail("internal_error", "TLS 1.2 CertificateVerify needs a scheme"));
  return w.vec16(m.signature).finish();
}

/** Decodes a CertificateVerify for `version`. */
export function decodeCertificateVerify(body: Uint8Array, version: number): CertificateVerify {
  const r = new Reader(body);
  const scheme = version >= TLS12 ? r.u16() : undefined;
  const signature = r.vec16(1);
  r.end("CertificateVerify");
  return { scheme, signature };
}

/** Decodes Finished: exactly `length` bytes of verify_data (12 in TLS, 36 in SSL 3.0). */
export function decodeFinished(body: Uint8Array, length: number): Uint8Array {
  if (body.length !== length) fail("decode_error", `Finished of ${body.length} bytes, expected ${length}`);
  return body;
}

/** Checks that ServerHelloDone / HelloRequest bodies are empty (RFC 5246 §7.4.1.1, §7.4.5). */
export function decodeEmpty(body: Uint8Array, name: string): void {
  if (body.length !== 0) fail("decode_error", `${name} must be empty`);
}
