// RSA_EXPORT key exchange (RFC 2246 §7.4.3, RFC 6101 §5.6.3): the server sends a temporary 512-bit RSA
// key in ServerKeyExchange, signed with its certificate key over MD5 ‖ SHA-1 of the randoms and the
// parameters; the client encrypts the premaster to that key. Only for export suites (legacy: true).
// The client accepts ServerKeyExchange in no other suite (FREAK, CVE-2015-0204): ExpectServerHelloDone
// does not list it.
import { generateRsaKey } from "../../bindings/rsa/keygen.js";
import { fail } from "../alerts.js";
import { Reader } from "../codec/reader.js";
import { concatBytes, Writer } from "../codec/writer.js";
import { type HandshakeMessage, HandshakeType } from "../messages/handshake-types.js";
import type { ProviderRsaPrivateKey, RsaPublicComponents } from "../provider.js";
import type { HandshakeContext } from "./context.js";

/** Size of the temporary key: the export limit. */
export const EXPORT_RSA_BITS = 512;

/** ServerRSAParams and the signature over them. */
export interface ExportServerKeyExchange {
  params: RsaPublicComponents;
  signature: Uint8Array;
}

function encodeParams(params: RsaPublicComponents): Uint8Array {
  const strip = (v: Uint8Array) =>
    v.subarray(
      Math.max(
        0,
        Math.min(
          v.findIndex((b) => b !== 0),
          v.length - 1,
        ),
      ),
    );
  return new Writer().vec16(strip(params.n)).vec16(strip(params.e)).finish();
}

/** Encodes ServerKeyExchange: rsa_modulus<1..2^16-1>, rsa_exponent<1..2^16-1>, signature<0..2^16-1>. */
export function encodeExportServerKeyExchange(m: ExportServerKeyExchange): Uint8Array {
  return concatBytes(encodeParams(m.params), new Writer().vec16(m.signature).finish());
}

/** Decodes ServerKeyExchange for RSA_EXPORT (decode_error on any malformation). */
export function decodeExportServerKeyExchange(body: Uint8Array): ExportServerKeyExchange {
  const r = new Reader(body);
  const n = r.vec16(1);
  const e = r.vec16(1);
  const signature = r.vec16(1);
  r.end("ServerKeyExchange");
  return { params: { n, e }, signature };
}

/** MD5(client_random ‖ server_random ‖ params) ‖ SHA-1(…), signed without DigestInfo. */
function paramsDigest(ctx: HandshakeContext, params: RsaPublicComponents): Uint8Array {
  const { provider } = ctx.config;
  const data = concatBytes(ctx.clientRandom, ctx.serverRandom, encodeParams(params));
  return concatBytes(provider.hash("md5", data), provider.hash("sha1", data));
}

interface TemporaryKey {
  key: ProviderRsaPrivateKey;
  params: RsaPublicComponents;
}

// One temporary key per credential set (the chain array is shared by every connection of a secure context).
const temporaryKeys = new WeakMap<object, Promise<TemporaryKey>>();

/** The server's temporary export key: generated once per secure context with the WASM key generator. */
function temporaryExportKey(ctx: HandshakeContext): Promise<TemporaryKey> {
  const owner = ctx.config.certificateChain;
  let key = temporaryKeys.get(owner);
  if (!key) {
    key = generateRsaKey(EXPORT_RSA_BITS).then((generated) => {
      const components = generated.components();
      generated.dispose();
      return { key: ctx.config.provider.importRsaPrivateKey(components), params: { n: components.n, e: components.e } };
    });
    temporaryKeys.set(owner, key);
  }
  return key;
}

/** Server: sends the signed temporary key and keeps it for the premaster decryption. */
export async function sendExportServerKeyExchange(ctx: HandshakeContext): Promise<void> {
  const { key, params } = await temporaryExportKey(ctx);
  const signer = ctx.config.privateKey ?? fail("internal_error", "no server key");
  const signature = await signer.signPkcs1v15("md5-sha1", paramsDigest(ctx, params));
  ctx.keyExchangeKey = key;
  ctx.sendHandshake(HandshakeType.server_key_exchange, encodeExportServerKeyExchange({ params, signature }));
  ctx.hooks.trace("temporary RSA key sent", `${key.bits}-bit export key, signed`);
}

/**
 * Client, export suites: ServerKeyExchange (allowed before [CertificateRequest] ServerHelloDone). Its
 * signature must verify with the certificate's key (decrypt_error otherwise); the premaster is then
 * encrypted to the temporary key. Without it (a server key of at most 512 bits) the certificate key is used.
 */
export function receiveExportServerKeyExchange(ctx: HandshakeContext, message: HandshakeMessage): void {
  const { params, signature } = decodeExportServerKeyExchange(message.body);
  const certificateKey = ctx.peerPublicKey ?? fail("internal_error", "no server key");
  if (!certificateKey.verifyPkcs1v15("md5-sha1", paramsDigest(ctx, params), signature)) {
    fail("decrypt_error", "ServerKeyExchange signature invalid");
  }
  const temporary = ctx.config.provider.importRsaPublicKey(params);
  if (temporary.bits > EXPORT_RSA_BITS) {
    temporary.dispose?.();
    fail("illegal_parameter", `export RSA key of ${temporary.bits} bits`);
  }
  certificateKey.dispose?.();
  ctx.peerPublicKey = temporary;
  ctx.hooks.trace("temporary RSA key verified", `${temporary.bits}-bit export key`);
}
