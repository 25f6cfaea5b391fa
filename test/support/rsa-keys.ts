// Test helpers: RSA keys from node:crypto as wassl components.
import * as crypto from "node:crypto";
import type { RsaPrivateComponents } from "../../tls/provider.js";

const b64u = (s: string | undefined) => new Uint8Array(Buffer.from(s ?? "", "base64url"));

/** Components of a node:crypto private KeyObject (via JWK). */
export function componentsOf(key: crypto.KeyObject): RsaPrivateComponents {
  const jwk = key.export({ format: "jwk" });
  return {
    n: b64u(jwk.n),
    e: b64u(jwk.e),
    d: b64u(jwk.d),
    p: b64u(jwk.p),
    q: b64u(jwk.q),
    dp: b64u(jwk.dp),
    dq: b64u(jwk.dq),
    qinv: b64u(jwk.qi),
  };
}

const cache = new Map<string, crypto.KeyObject>();

/** A node:crypto RSA key pair, generated once per (bits, e) per test file. */
export function nodeKey(bits: number, e = 65537): crypto.KeyObject {
  const id = `${bits}/${e}`;
  let key = cache.get(id);
  if (!key) {
    key = crypto.generateKeyPairSync("rsa", { modulusLength: bits, publicExponent: e }).privateKey;
    cache.set(id, key);
  }
  return key;
}

/** A random integer below the key's modulus, as k big-endian bytes. */
export function randomBelowModulus(n: Uint8Array): Uint8Array {
  const x = new Uint8Array(crypto.randomBytes(n.length));
  x[0] = x[0] % Math.max(1, n[0]);
  return x;
}
