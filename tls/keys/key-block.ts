// The key block (RFC 5246 §6.3): MAC keys, encryption keys and fixed IVs for both directions.
import { concatBytes } from "../codec/writer.js";
import type { CipherSuite } from "../suites.js";
import { TLS11 } from "../versions.js";
import type { Prf } from "./prf.js";

/** Keys of one direction. */
export interface DirectionKeys {
  macKey: Uint8Array;
  key: Uint8Array;
  /** TLS 1.0 CBC IV, GCM implicit salt; empty otherwise. */
  iv: Uint8Array;
}

/** Both directions' keys. */
export interface KeyBlock {
  client: DirectionKeys;
  server: DirectionKeys;
}

/** Fixed IV bytes taken from the key block: CBC IVs only in TLS 1.0 (RFC 4346 §6.3), GCM salts always. */
export function fixedIvLength(suite: CipherSuite, version: number): number {
  if (suite.kind === "cbc") return version >= TLS11 ? 0 : suite.ivLength;
  return suite.kind === "aead" ? suite.ivLength : 0;
}

/**
 * key_block = PRF(master_secret, "key expansion", server_random + client_random), split as
 * client MAC, server MAC, client key, server key, client IV, server IV.
 */
export function deriveKeyBlock(
  prf: Prf,
  masterSecret: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
  suite: CipherSuite,
  version: number,
): KeyBlock {
  const macLength = suite.macLength;
  const keyLength = suite.keyLength;
  const ivLength = fixedIvLength(suite, version);
  const total = 2 * (macLength + keyLength + ivLength);
  const block = prf(masterSecret, "key expansion", concatBytes(serverRandom, clientRandom), total);
  let at = 0;
  const take = (n: number): Uint8Array => {
    const part = new Uint8Array(block.subarray(at, at + n));
    at += n;
    return part;
  };
  const clientMac = take(macLength);
  const serverMac = take(macLength);
  const clientKey = take(keyLength);
  const serverKey = take(keyLength);
  const clientIv = take(ivLength);
  const serverIv = take(ivLength);
  block.fill(0);
  return {
    client: { macKey: clientMac, key: clientKey, iv: clientIv },
    server: { macKey: serverMac, key: serverKey, iv: serverIv },
  };
}
