// Forging CBC records (MAC-then-encrypt, RFC 5246 §6.2.3.2) under keys captured from a live
// connection, with full control of the padding and the MAC — for padding-oracle / Lucky13 tests.
import * as crypto from "node:crypto";
import { concatBytes } from "../../bindings/bytes.js";
import type { CryptoProvider } from "../../tls/index.js";
import { encodeRecord } from "./records.js";

/** The record keys of both directions, as captured from a provider (client side first, RFC 5246 §6.3). */
export interface CapturedKeys {
  macKeys: Uint8Array[];
  encKeys: Uint8Array[];
}

/**
 * Wraps `base` so that the HMAC and CBC keys it is given are recorded in `keys` (the engine creates the
 * client direction before the server direction).
 */
export function keyCapturingProvider(base: CryptoProvider, keys: CapturedKeys): CryptoProvider {
  return {
    ...base,
    createHmac(name, key) {
      keys.macKeys.push(key.slice());
      return base.createHmac(name, key);
    },
    createCbc(cipher, key, iv, options) {
      keys.encKeys.push(key.slice());
      return base.createCbc(cipher, key, iv, options);
    },
  };
}

/** What to put in a forged AES-128-CBC / HMAC-SHA1 record. */
export interface ForgeSpec {
  macKey: Uint8Array;
  encKey: Uint8Array;
  /** Record sequence number. */
  seq: number;
  type?: number;
  version?: number;
  content: Uint8Array;
  /** Padding length byte (padLength + 1 bytes of padding in all). */
  padLength: number;
  /** Make one padding byte (not the length byte) wrong. */
  badPadding?: boolean;
  /** Flip a bit of the MAC. */
  badMac?: boolean;
  /** Encrypt-then-MAC (RFC 7366): the MAC covers IV ‖ ciphertext and follows it. */
  etm?: boolean;
}

const MAC_LENGTH = 20;
const BLOCK = 16;

/** Content length (≥ `atLeast`) whose encrypted part is block-aligned with `padLength` (MAC inside unless EtM). */
export function contentLengthFor(padLength: number, atLeast = 0, etm = false): number {
  let n = atLeast;
  while ((n + (etm ? 0 : MAC_LENGTH) + padLength + 1) % BLOCK !== 0) n++;
  return n;
}

/** The smallest padding length that block-aligns `contentLength` bytes. */
export function minimalPadding(contentLength: number, etm = false): number {
  let pad = 0;
  while ((contentLength + (etm ? 0 : MAC_LENGTH) + pad + 1) % BLOCK !== 0) pad++;
  return pad;
}

function macOver(spec: ForgeSpec, type: number, version: number, covered: Uint8Array[]): Uint8Array {
  const length = covered.reduce((n, c) => n + c.length, 0);
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(4, spec.seq);
  header.set([type, version >> 8, version & 0xff, length >> 8, length & 0xff], 8);
  const hmac = crypto.createHmac("sha1", spec.macKey).update(header);
  for (const c of covered) hmac.update(c);
  const mac = new Uint8Array(hmac.digest());
  if (spec.badMac) mac[3] ^= 0x10;
  return mac;
}

/** An AES-128-CBC + HMAC-SHA1 record with an explicit IV (TLS 1.1/1.2), as wire bytes. */
export function forgeCbcRecord(spec: ForgeSpec): Uint8Array {
  const type = spec.type ?? 23;
  const version = spec.version ?? 0x0303;
  const padding = new Uint8Array(spec.padLength + 1).fill(spec.padLength);
  if (spec.badPadding) padding[0] ^= 1;
  const plain = spec.etm
    ? concatBytes(spec.content, padding)
    : concatBytes(spec.content, macOver(spec, type, version, [spec.content]), padding);
  if (plain.length % BLOCK !== 0) throw new Error(`forged plaintext of ${plain.length} bytes is not block-aligned`);
  const iv = new Uint8Array(crypto.randomBytes(BLOCK));
  const cipher = crypto.createCipheriv("aes-128-cbc", spec.encKey, iv).setAutoPadding(false);
  const encrypted = concatBytes(new Uint8Array(cipher.update(plain)), new Uint8Array(cipher.final()));
  const body = spec.etm
    ? concatBytes(iv, encrypted, macOver(spec, type, version, [iv, encrypted]))
    : concatBytes(iv, encrypted);
  return encodeRecord(type, version, body);
}
