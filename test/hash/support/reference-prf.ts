// Independent PRF implementations on node:crypto, written straight from the RFC text, used to
// cross-check the WASM ones.
import { createHash, createHmac } from "node:crypto";

function hmac(alg: string, key: Uint8Array, ...parts: Uint8Array[]): Buffer {
  const mac = createHmac(alg, key);
  for (const p of parts) mac.update(p);
  return mac.digest();
}

/** P_hash(secret, seed) of RFC 5246 §5 (identical in RFC 2246 §5), `length` bytes. */
export function referencePHash(alg: string, secret: Uint8Array, seed: Uint8Array, length: number): Buffer {
  const blocks: Buffer[] = [];
  let produced = 0;
  let a: Uint8Array = seed; // A(0)
  while (produced < length) {
    a = hmac(alg, secret, a); // A(i) = HMAC(secret, A(i-1))
    const block = hmac(alg, secret, a, seed);
    blocks.push(block);
    produced += block.length;
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** PRF(secret, label, seed) = P_<hash>(secret, label ‖ seed) (RFC 5246 §5). */
export function referencePrfTls12(
  alg: "sha256" | "sha384",
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): Buffer {
  return referencePHash(alg, secret, Buffer.concat([Buffer.from(label, "ascii"), seed]), length);
}

/** PRF = P_MD5(S1, label ‖ seed) XOR P_SHA-1(S2, label ‖ seed), S1/S2 the halves of the secret (RFC 2246 §5). */
export function referencePrfTls10(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Buffer {
  const half = Math.ceil(secret.length / 2);
  const s1 = secret.subarray(0, half);
  const s2 = secret.subarray(secret.length - half);
  const labelSeed = Buffer.concat([Buffer.from(label, "ascii"), seed]);
  const md5 = referencePHash("md5", s1, labelSeed, length);
  const sha1 = referencePHash("sha1", s2, labelSeed, length);
  return Buffer.from(md5.map((byte, i) => byte ^ sha1[i]));
}

/**
 * SSL 3.0 (RFC 6101 §6.1, §6.2.2): MD5(secret ‖ SHA(‘A’ ‖ secret ‖ seed)) ‖
 * MD5(secret ‖ SHA(‘BB’ ‖ secret ‖ seed)) ‖ MD5(secret ‖ SHA(‘CCC’ ‖ secret ‖ seed)) ‖ …
 */
export function referencePrfSsl3(secret: Uint8Array, seed: Uint8Array, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 16 < length; i++) {
    const letters = Buffer.alloc(i + 1, 0x41 + i);
    const inner = createHash("sha1").update(letters).update(secret).update(seed).digest();
    blocks.push(createHash("md5").update(secret).update(inner).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}
