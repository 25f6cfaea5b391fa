// Export-suite key derivation: the key block holds only 5 secret bytes per direction, expanded with the
// public randoms into the final keys; IVs come from the randoms alone (RFC 2246 §6.3, RFC 6101 §6.2.2).
import { concatBytes } from "../codec/writer.js";
import type { CryptoProvider } from "../provider.js";
import type { CipherSuite } from "../suites.js";
import { SSL3 } from "../versions.js";
import { expandKeyBlock, type KeyBlock } from "./key-block.js";
import type { Prf } from "./prf.js";

/** The key block of an export suite for SSL 3.0 or TLS 1.0 (the only versions allowing them). */
export function deriveExportKeyBlock(
  provider: CryptoProvider,
  prf: Prf,
  masterSecret: Uint8Array,
  clientRandom: Uint8Array,
  serverRandom: Uint8Array,
  suite: CipherSuite,
  version: number,
): KeyBlock {
  const macLength = suite.macLength;
  const material = suite.exportKeyMaterialLength;
  const [clientMac, serverMac, clientMaterial, serverMaterial] = expandKeyBlock(
    prf,
    masterSecret,
    clientRandom,
    serverRandom,
    [macLength, macLength, material, material],
  ) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const cs = concatBytes(clientRandom, serverRandom);
  const sc = concatBytes(serverRandom, clientRandom);
  const ivLength = suite.kind === "cbc" ? suite.ivLength : 0;
  let clientKey: Uint8Array;
  let serverKey: Uint8Array;
  let clientIv: Uint8Array;
  let serverIv: Uint8Array;
  if (version === SSL3) {
    // final_client_write_key = MD5(client_write_key ‖ client_random ‖ server_random); IVs = MD5(randoms).
    clientKey = provider.hash("md5", concatBytes(clientMaterial, cs)).slice(0, suite.keyLength);
    serverKey = provider.hash("md5", concatBytes(serverMaterial, sc)).slice(0, suite.keyLength);
    clientIv = provider.hash("md5", cs).slice(0, ivLength);
    serverIv = provider.hash("md5", sc).slice(0, ivLength);
  } else {
    // final_*_write_key = PRF(*_write_key, "* write key", client_random ‖ server_random);
    // iv_block = PRF("", "IV block", client_random ‖ server_random).
    clientKey = prf(clientMaterial, "client write key", cs, suite.keyLength);
    serverKey = prf(serverMaterial, "server write key", cs, suite.keyLength);
    const ivBlock = ivLength > 0 ? prf(new Uint8Array(0), "IV block", cs, 2 * ivLength) : new Uint8Array(0);
    clientIv = ivBlock.slice(0, ivLength);
    serverIv = ivBlock.slice(ivLength, 2 * ivLength);
  }
  clientMaterial.fill(0);
  serverMaterial.fill(0);
  return {
    client: { macKey: clientMac, key: clientKey, iv: clientIv },
    server: { macKey: serverMac, key: serverKey, iv: serverIv },
  };
}
