// Plaintext record framing for tests that inspect or forge bytes on the wire.
import { concatBytes } from "../../bindings/bytes.js";

/** One record as on the wire. */
export interface WireRecord {
  type: number;
  version: number;
  fragment: Uint8Array;
}

/** Splits a byte string into records (must contain whole records). */
export function parseRecords(bytes: Uint8Array): WireRecord[] {
  const out: WireRecord[] = [];
  for (let at = 0; at < bytes.length; ) {
    const length = (bytes[at + 3] << 8) | bytes[at + 4];
    out.push({
      type: bytes[at],
      version: (bytes[at + 1] << 8) | bytes[at + 2],
      fragment: bytes.slice(at + 5, at + 5 + length),
    });
    at += 5 + length;
  }
  return out;
}

/** Frames one record. */
export function encodeRecord(type: number, version: number, fragment: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + fragment.length);
  out.set([type, version >> 8, version & 0xff, fragment.length >> 8, fragment.length & 0xff]);
  out.set(fragment, 5);
  return out;
}

/** A handshake message (type + body) for rewriting plaintext flights. */
export interface WireHandshake {
  type: number;
  body: Uint8Array;
}

/** Handshake messages contained in a plaintext flight of handshake records. */
export function parseHandshakeFlight(bytes: Uint8Array): WireHandshake[] {
  const stream = concatBytes(...parseRecords(bytes).map((r) => r.fragment));
  const out: WireHandshake[] = [];
  for (let at = 0; at < stream.length; ) {
    const length = (stream[at + 1] << 16) | (stream[at + 2] << 8) | stream[at + 3];
    out.push({ type: stream[at], body: stream.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return out;
}

/** Frames handshake messages as plaintext records of at most `fragmentSize` bytes each. */
export function encodeHandshakeFlight(messages: WireHandshake[], version: number, fragmentSize = 16384): Uint8Array {
  const stream = concatBytes(
    ...messages.map((m) =>
      concatBytes(
        Uint8Array.of(m.type, m.body.length >> 16, (m.body.length >> 8) & 0xff, m.body.length & 0xff),
        m.body,
      ),
    ),
  );
  const records: Uint8Array[] = [];
  for (let at = 0; at < stream.length; at += fragmentSize) {
    records.push(encodeRecord(22, version, stream.subarray(at, at + fragmentSize)));
  }
  return concatBytes(...records);
}

/** Rewrites a plaintext handshake flight through `edit`, keeping the record version of the first record. */
export function rewriteFlight(
  bytes: Uint8Array,
  edit: (messages: WireHandshake[]) => WireHandshake[],
  fragmentSize?: number,
): Uint8Array {
  const version = (bytes[1] << 8) | bytes[2];
  return encodeHandshakeFlight(edit(parseHandshakeFlight(bytes)), version, fragmentSize);
}
