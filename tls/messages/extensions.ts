// Hello extensions (RFC 5246 §7.4.1.4) and the codecs of the ones this engine understands.
import { fail } from "../alerts.js";
import { Reader, readU16List } from "../codec/reader.js";
import { Writer } from "../codec/writer.js";

/** Extension code points. */
export const ExtensionType = {
  server_name: 0,
  max_fragment_length: 1,
  signature_algorithms: 13,
  alpn: 16,
  encrypt_then_mac: 22,
  extended_master_secret: 23,
  session_ticket: 35,
  renegotiation_info: 0xff01,
} as const;

/** One raw extension. */
export interface Extension {
  type: number;
  data: Uint8Array;
}

/** Decodes an extensions block (without its outer length), rejecting duplicates (RFC 5246 §7.4.1.4). */
export function decodeExtensions(bytes: Uint8Array): Extension[] {
  const r = new Reader(bytes);
  const out: Extension[] = [];
  const seen = new Set<number>();
  while (r.remaining > 0) {
    const type = r.u16();
    const data = r.vec16();
    if (seen.has(type)) fail("decode_error", `duplicate extension ${type}`);
    seen.add(type);
    out.push({ type, data });
  }
  return out;
}

/** Writes an extensions block with its 2-byte length; writes nothing when the list is empty. */
export function writeExtensions(w: Writer, extensions: Extension[]): void {
  if (extensions.length === 0) return;
  w.vec16((inner) => {
    for (const e of extensions) inner.u16(e.type).vec16(e.data);
  });
}

/** Finds an extension by type. */
export function findExtension(extensions: Extension[], type: number): Extension | undefined {
  return extensions.find((e) => e.type === type);
}

/** RFC 6066 §3 server_name with one host_name entry. */
export function encodeServerName(hostname: string): Uint8Array {
  const name = new TextEncoder().encode(hostname);
  return new Writer().vec16((w) => w.u8(0).vec16(name)).finish();
}

/** Decodes server_name: returns the host_name (RFC 6066 §3), `""` for the server's empty ack. */
export function decodeServerName(data: Uint8Array): string {
  if (data.length === 0) return "";
  const r = new Reader(data);
  const list = new Reader(r.vec16(1));
  r.end("server_name");
  let host: string | undefined;
  while (list.remaining > 0) {
    const type = list.u8();
    const name = list.vec16(1);
    if (type === 0) {
      if (host !== undefined) fail("illegal_parameter", "two host_name entries");
      for (const c of name) if (c === 0 || c > 0x7e) fail("illegal_parameter", "host_name is not ASCII");
      host = String.fromCharCode(...name);
    }
  }
  return host ?? "";
}

/** RFC 5746 §3.2 renegotiation_info: the verify_data of the previous handshake (empty initially). */
export function encodeRenegotiationInfo(verifyData: Uint8Array): Uint8Array {
  return new Writer().vec8(verifyData).finish();
}

/** Decodes renegotiation_info's renegotiated_connection field. */
export function decodeRenegotiationInfo(data: Uint8Array): Uint8Array {
  const r = new Reader(data);
  const v = r.vec8();
  r.end("renegotiation_info");
  return v;
}

/** SignatureAndHashAlgorithm pairs (RFC 5246 §7.4.1.4.1) as 16-bit values `hash << 8 | signature`. */
export const SignatureScheme = {
  rsa_pkcs1_sha1: 0x0201,
  rsa_pkcs1_sha256: 0x0401,
  rsa_pkcs1_sha384: 0x0501,
  rsa_pkcs1_sha512: 0x0601,
} as const;

/** Encodes signature_algorithms. */
export function encodeSignatureAlgorithms(schemes: number[]): Uint8Array {
  return new Writer()
    .vec16((w) => {
      for (const s of schemes) w.u16(s);
    })
    .finish();
}

/** Decodes signature_algorithms (non-empty, even length). */
export function decodeSignatureAlgorithms(data: Uint8Array): number[] {
  const r = new Reader(data);
  const list = readU16List(r.vec16(2, 0xfffe));
  r.end("signature_algorithms");
  return list;
}

/** Checks that an extension defined as empty (extended_master_secret, encrypt_then_mac) is empty. */
export function expectEmptyExtension(data: Uint8Array, name: string): void {
  if (data.length !== 0) fail("decode_error", `${name} must be empty`);
}

/** RFC 7301 §3.1 application_layer_protocol_negotiation: a non-empty list of non-empty names. */
export function encodeAlpn(protocols: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  return new Writer()
    .vec16((w) => {
      for (const p of protocols) w.vec8(encoder.encode(p));
    })
    .finish();
}

/** Decodes an ALPN ProtocolNameList (RFC 7301 §3.1). */
export function decodeAlpn(data: Uint8Array): string[] {
  const r = new Reader(data);
  const list = new Reader(r.vec16(2));
  r.end("application_layer_protocol_negotiation");
  const names: string[] = [];
  const decoder = new TextDecoder();
  while (list.remaining > 0) names.push(decoder.decode(list.vec8(1)));
  return names;
}
