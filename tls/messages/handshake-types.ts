// Handshake message types (RFC 5246 §7.4, RFC 5077 §3.3) and the 4-byte handshake header.
import { Writer } from "../codec/writer.js";

/** HandshakeType code points. */
export const HandshakeType = {
  hello_request: 0,
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  certificate: 11,
  server_key_exchange: 12,
  certificate_request: 13,
  server_hello_done: 14,
  certificate_verify: 15,
  client_key_exchange: 16,
  finished: 20,
} as const;

const DISPLAY_NAMES: Record<number, string> = {
  0: "HelloRequest",
  1: "ClientHello",
  2: "ServerHello",
  4: "NewSessionTicket",
  11: "Certificate",
  12: "ServerKeyExchange",
  13: "CertificateRequest",
  14: "ServerHelloDone",
  15: "CertificateVerify",
  16: "ClientKeyExchange",
  20: "Finished",
};

/** The message name as the RFCs write it (`ClientHello`), for traces and error messages. */
export function handshakeMessageName(type: number): string {
  return DISPLAY_NAMES[type] ?? `HandshakeType(${type})`;
}

/** One complete handshake message as received or sent. */
export interface HandshakeMessage {
  /** HandshakeType code. */
  type: number;
  /** The body (after the 4-byte header). */
  body: Uint8Array;
  /** Header + body exactly as on the wire (what the transcript hashes). */
  raw: Uint8Array;
}

/** Frames a body with its handshake header (RFC 5246 §7.4: type u8, length u24). */
export function encodeHandshake(type: number, body: Uint8Array): HandshakeMessage {
  const raw = new Writer(body.length + 4).u8(type).vec24(body).finish();
  return { type, body: raw.subarray(4), raw };
}
