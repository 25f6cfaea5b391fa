// The resumable state of a session (RFC 5246 §7.3 "session state", RFC 5077 §4) and its byte encoding,
// shared by the client's session store, the server's session cache and the ticket plaintext.
import { Reader } from "../codec/reader.js";
import { Writer } from "../codec/writer.js";

/** Everything needed to resume a session; `masterSecret` is secret. */
export interface SessionState {
  /** Protocol version the session was negotiated with (resumption never changes it). */
  version: number;
  /** Cipher suite id (resumption never changes it). */
  cipherSuite: number;
  /** The 48-byte master secret. */
  masterSecret: Uint8Array;
  /** RFC 7627: the master secret is an extended one (resumption requires the same status, §5.3). */
  extendedMasterSecret: boolean;
  /** Session ID the server assigned (may be empty with tickets). */
  sessionId: Uint8Array;
  /** RFC 5077 ticket the server issued (client side only; empty otherwise). */
  ticket: Uint8Array;
  /** Ticket lifetime hint in seconds (0: unspecified). */
  ticketLifetime: number;
  /** Creation time, milliseconds since the epoch (lifetime checks). */
  createdAt: number;
  /** Peer chain (DER, leaf first) as received in the full handshake. */
  peerCertificates: Uint8Array[];
  /** The chain verified in the full handshake (a resumed connection reports the same `authorized`). */
  authorized: boolean;
  /** SNI name of the full handshake (a client only resumes towards the same name). */
  servername: string;
}

const FORMAT = 1;
const utf8 = new TextEncoder();

/** Encodes a session state (format byte first). The output holds the master secret: keep it secret. */
export function encodeSessionState(s: SessionState): Uint8Array {
  const servername = utf8.encode(s.servername);
  // Exact size: format, version, suite, master secret, flags, ID, ticket, lifetime, time, chain, name.
  let size = 1 + 2 + 2 + 1 + s.masterSecret.length + 2 + 1 + s.sessionId.length + 2 + s.ticket.length + 3 + 6 + 3;
  for (const cert of s.peerCertificates) size += 3 + cert.length;
  size += 2 + servername.length;
  const w = new Writer(size)
    .u8(FORMAT)
    .u16(s.version)
    .u16(s.cipherSuite)
    .vec8(s.masterSecret)
    .u8(s.extendedMasterSecret ? 1 : 0)
    .u8(s.authorized ? 1 : 0)
    .vec8(s.sessionId)
    .vec16(s.ticket)
    .u24(Math.min(s.ticketLifetime, 0xffffff));
  // Milliseconds since the epoch need 48 bits: two 24-bit halves.
  w.u24(Math.floor(s.createdAt / 0x1000000) & 0xffffff).u24(s.createdAt % 0x1000000);
  w.vec24((chain) => {
    for (const cert of s.peerCertificates) chain.vec24(cert);
  });
  w.vec16(servername);
  return w.finish();
}

/** Decodes {@link encodeSessionState} output; throws a decode_error TlsAlertError when malformed. */
export function decodeSessionState(bytes: Uint8Array): SessionState {
  const r = new Reader(bytes);
  if (r.u8() !== FORMAT) throw new Error("unknown session format");
  const version = r.u16();
  const cipherSuite = r.u16();
  const masterSecret = r.vec8(48, 48);
  const extendedMasterSecret = r.u8() === 1;
  const authorized = r.u8() === 1;
  const sessionId = r.vec8(0, 32);
  const ticket = r.vec16();
  const ticketLifetime = r.u24();
  const createdAt = r.u24() * 0x1000000 + r.u24();
  const chainReader = new Reader(r.vec24());
  const peerCertificates: Uint8Array[] = [];
  while (chainReader.remaining > 0) peerCertificates.push(chainReader.vec24(1));
  const servername = new TextDecoder().decode(r.vec16());
  r.end("session");
  return {
    version,
    cipherSuite,
    masterSecret: new Uint8Array(masterSecret),
    extendedMasterSecret,
    sessionId: new Uint8Array(sessionId),
    ticket: new Uint8Array(ticket),
    ticketLifetime,
    createdAt,
    peerCertificates: peerCertificates.map((c) => new Uint8Array(c)),
    authorized,
    servername,
  };
}

/** Decodes a session given by the caller (client `session` option); undefined when unusable. */
export function tryDecodeSessionState(bytes: Uint8Array | undefined): SessionState | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  try {
    return decodeSessionState(bytes);
  } catch {
    return undefined;
  }
}
