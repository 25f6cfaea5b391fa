// SSL 3.0 hash constructions (RFC 6101): the pad1/pad2 "keyed hash" shared by the Finished message
// (§5.6.9), CertificateVerify (§5.6.8) and, with a sequence-number header, the record MAC (§5.2.3.1).
import { concatBytes } from "../codec/writer.js";
import type { CryptoProvider } from "../provider.js";

/** RFC 6101 §5.6.9 Sender constants: "CLNT" and "SRVR". */
export const SSL3_SENDER: Record<"client" | "server", Uint8Array> = {
  client: Uint8Array.of(0x43, 0x4c, 0x4e, 0x54),
  server: Uint8Array.of(0x53, 0x52, 0x56, 0x52),
};

/** Length of SSL 3.0 Finished verify_data: MD5 (16) ‖ SHA-1 (20). */
export const SSL3_VERIFY_DATA_LENGTH = 36;

/** pad1 (0x36) / pad2 (0x5c) repeated 48 times for MD5, 40 times for SHA-1 (RFC 6101 §5.2.3.1). */
export function ssl3Pad(hash: "md5" | "sha1", byte: 0x36 | 0x5c): Uint8Array {
  return new Uint8Array(hash === "md5" ? 48 : 40).fill(byte);
}

/** hash(secret ‖ pad2 ‖ hash(data ‖ secret ‖ pad1)): the Finished / CertificateVerify construction. */
function keyedHandshakeHash(provider: CryptoProvider, hash: "md5" | "sha1", secret: Uint8Array, data: Uint8Array) {
  const inner = provider.hash(hash, concatBytes(data, secret, ssl3Pad(hash, 0x36)));
  return provider.hash(hash, concatBytes(secret, ssl3Pad(hash, 0x5c), inner));
}

/** MD5 ‖ SHA-1 of the keyed construction over the handshake messages (optionally followed by `sender`). */
function md5Sha1Keyed(
  provider: CryptoProvider,
  masterSecret: Uint8Array,
  messages: readonly Uint8Array[],
  sender?: Uint8Array,
): Uint8Array {
  const data = concatBytes(...messages, ...(sender ? [sender] : []));
  return concatBytes(
    keyedHandshakeHash(provider, "md5", masterSecret, data),
    keyedHandshakeHash(provider, "sha1", masterSecret, data),
  );
}

/** Finished.verify_data (36 bytes): MD5/SHA-1 of handshake_messages ‖ Sender ‖ master_secret ‖ pad1 … */
export function ssl3VerifyData(
  provider: CryptoProvider,
  masterSecret: Uint8Array,
  sender: "client" | "server",
  messages: readonly Uint8Array[],
): Uint8Array {
  return md5Sha1Keyed(provider, masterSecret, messages, SSL3_SENDER[sender]);
}

/** CertificateVerify digest (36 bytes, signed without DigestInfo): as Finished without the Sender. */
export function ssl3CertificateVerifyDigest(
  provider: CryptoProvider,
  masterSecret: Uint8Array,
  messages: readonly Uint8Array[],
): Uint8Array {
  return md5Sha1Keyed(provider, masterSecret, messages);
}
