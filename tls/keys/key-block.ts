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
 * key_block = PRF(master_secret, "key expansion", server_random + client_random) (RFC 5246 §6.3),
 * cut into copies of the given `lengths` in order; the block itself is wiped.
 */
export function expandKeyBlock(
  prf: Prf,
  masterSecret: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
  lengths: readonly number[],
): Uint8Array[] {
  const total = lengths.reduce((sum, n) => sum + n, 0);
  const block = prf(masterSecret, "key expansion", concatBytes(serverRandom, clientRandom), total);
  let at = 0;
  const parts = lengths.map((n) => {
    const part = block.slice(at, at + n);
    at += n;
    return part;
  });
  block.fill(0);
  return parts;
}

/** The key block split as client MAC, server MAC, client key, server key, client IV, server IV. */
export function deriveKeyBlock(
  prf: Prf,
  masterSecret: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
  suite: CipherSuite,
  version: number,
): KeyBlock {
  const { macLength: mac, keyLength: key } = suite;
  const iv = fixedIvLength(suite, version);
  const [clientMac, serverMac, clientKey, serverKey, clientIv, serverIv] = expandKeyBlock(
    prf,
    masterSecret,
    clientRandom,
    serverRandom,
    [mac, mac, key, key, iv, iv],
  ) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  return {
    client: { macKey: clientMac, key: clientKey, iv: clientIv },
    server: { macKey: serverMac, key: serverKey, iv: serverIv },
  };
}
