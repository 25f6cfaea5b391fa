// Message hashing for the message-level RSA methods (PKCS#1 v1.5 and PSS over a message, MGF1).
import type { HashName, SignatureHash } from "../../tls/provider.js";
import { WasslError } from "../errors.js";

/** @internal One-shot hash used by the RSA bindings. */
export function rsaHash(name: HashName, data: Uint8Array): Uint8Array {
  throw new WasslError("ERR_WASSL_UNSUPPORTED", `hash ${name} is not available yet (${data.length} bytes)`);
}

/** @internal The digest a PKCS#1 v1.5 signature covers: H(m), or MD5(m) ‖ SHA-1(m) for "md5-sha1". */
export function signatureDigest(hash: SignatureHash, message: Uint8Array): Uint8Array {
  if (hash !== "md5-sha1") return rsaHash(hash, message);
  const out = new Uint8Array(36);
  out.set(rsaHash("md5", message));
  out.set(rsaHash("sha1", message), 16);
  return out;
}
