// ClientHello and ServerHello (RFC 5246 §7.4.1.2–7.4.1.3).
import { fail } from "../alerts.js";
import { Reader, readU16List } from "../codec/reader.js";
import { Writer } from "../codec/writer.js";
import { decodeExtensions, type Extension, writeExtensions } from "./extensions.js";

/** ClientHello fields. `extensions` keeps every extension, known or not. */
export interface ClientHello {
  /** client_version: the highest version the client supports. */
  version: number;
  /** 32 random bytes. */
  random: Uint8Array;
  /** 0–32 bytes. */
  sessionId: Uint8Array;
  /** Offered suites in client preference order (SCSVs included). */
  cipherSuites: number[];
  /** Offered compression methods (must include 0, null). */
  compressionMethods: number[];
  /** Extensions in order; empty when the message has no extensions block. */
  extensions: Extension[];
}

/** ServerHello fields. */
export interface ServerHello {
  version: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuite: number;
  compressionMethod: number;
  extensions: Extension[];
}

/** Encodes a ClientHello body. */
export function encodeClientHello(m: ClientHello): Uint8Array {
  const w = new Writer(128)
    .u16(m.version)
    .bytes(m.random)
    .vec8(m.sessionId)
    .vec16((v) => {
      for (const s of m.cipherSuites) v.u16(s);
    })
    .vec8(Uint8Array.from(m.compressionMethods));
  writeExtensions(w, m.extensions);
  return w.finish();
}

/** Decodes a ClientHello body strictly (RFC 5246 §7.4.1.2 length bounds). */
export function decodeClientHello(body: Uint8Array): ClientHello {
  const r = new Reader(body);
  const version = r.u16();
  const random = r.bytesN(32);
  const sessionId = r.vec8(0, 32);
  const cipherSuites = readU16List(r.vec16(2, 0xfffe));
  const compressionMethods = Array.from(r.vec8(1));
  const extensions = r.remaining > 0 ? decodeExtensions(r.vec16()) : [];
  r.end("ClientHello");
  return { version, random, sessionId, cipherSuites, compressionMethods, extensions };
}

/** Encodes a ServerHello body. */
export function encodeServerHello(m: ServerHello): Uint8Array {
  const w = new Writer(96).u16(m.version).bytes(m.random).vec8(m.sessionId).u16(m.cipherSuite).u8(m.compressionMethod);
  writeExtensions(w, m.extensions);
  return w.finish();
}

/** Decodes a ServerHello body strictly. */
export function decodeServerHello(body: Uint8Array): ServerHello {
  const r = new Reader(body);
  const version = r.u16();
  const random = r.bytesN(32);
  const sessionId = r.vec8(0, 32);
  const cipherSuite = r.u16();
  const compressionMethod = r.u8();
  const extensions = r.remaining > 0 ? decodeExtensions(r.vec16()) : [];
  r.end("ServerHello");
  if (version >> 8 !== 3) fail("protocol_version", `ServerHello version ${version.toString(16)}`);
  return { version, random, sessionId, cipherSuite, compressionMethod, extensions };
}
