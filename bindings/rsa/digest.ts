// Message hashing for the message-level RSA methods (PKCS#1 v1.5 and PSS over a message, MGF1),
// through the WASM hash functions of bindings/hash.ts.
import type { SignatureHash } from "../../tls/provider.js";
import { hash } from "../hash.js";

/** @internal The digest a PKCS#1 v1.5 signature covers: H(m), or MD5(m) ‖ SHA-1(m) for "md5-sha1". */
export function signatureDigest(name: SignatureHash, message: Uint8Array): Uint8Array {
  if (name !== "md5-sha1") return hash(name, message);
  const out = new Uint8Array(36);
  out.set(hash("md5", message));
  out.set(hash("sha1", message), 16);
  return out;
}
