// The TLS PRFs and the SSL 3.0 key derivation. Each derivation runs inside WASM in one call: the
// secret and label ‖ seed are staged in the I/O region, the output comes back from the second one.
import { WasslError } from "./errors.js";
import { HASH_ALGORITHMS, type HashCore, hashCore, inputTooLarge } from "./hash-core.js";

/** Longest SSL 3.0 derivation: 26 rounds ('A' … 'Z'×26) of 16 bytes (RFC 6101 §6.2.2). */
export const SSL3_MAX_OUTPUT = 26 * 16;

/** Where the staged inputs sit in the first I/O region. */
interface Staged {
  secretPtr: number;
  seedPtr: number;
  seedLen: number;
}

/** Writes secret, ASCII label and seed back to back into the I/O region. */
function stage(core: HashCore, secret: Uint8Array, label: string, seed: Uint8Array, length: number): Staged {
  const total = secret.length + label.length + seed.length;
  if (total > core.io.length) inputTooLarge("secret + label + seed", core.io.length);
  if (!Number.isInteger(length) || length < 0 || length > core.io2.length) inputTooLarge("PRF output", core.io2.length);
  const io = core.io;
  io.set(secret);
  let off = secret.length;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c > 0x7f) throw new WasslError("ERR_WASSL_BAD_LABEL", "wassl: PRF labels must be ASCII");
    io[off++] = c;
  }
  io.set(seed, off);
  return { secretPtr: core.ioPtr, seedPtr: core.ioPtr + secret.length, seedLen: label.length + seed.length };
}

/** Copies the output out and wipes every staged byte (secrets, derived keys). */
function collect(core: HashCore, staged: number, length: number): Uint8Array {
  const out = core.io2.slice(0, length);
  core.io.fill(0, 0, staged);
  core.io2.fill(0, 0, length);
  return out;
}

/**
 * TLS 1.2 PRF (RFC 5246 §5): P_SHA256 or P_SHA384 of `secret` over `label` ‖ `seed`, `length` bytes.
 * @example prfTls12("sha256", premaster, "master secret", concat(clientRandom, serverRandom), 48)
 */
export function prfTls12(
  hash: "sha256" | "sha384",
  secret: Uint8Array,
  label: string,
  seed: Uint8Array,
  length: number,
): Uint8Array {
  if (hash !== "sha256" && hash !== "sha384") {
    throw new WasslError("ERR_WASSL_UNKNOWN_HASH", `wassl: the TLS 1.2 PRF uses sha256 or sha384, not ${hash}`);
  }
  const core = hashCore();
  const s = stage(core, secret, label, seed, length);
  core.ex.prfTls12(HASH_ALGORITHMS[hash].id, s.secretPtr, secret.length, s.seedPtr, s.seedLen, core.io2Ptr, length);
  return collect(core, secret.length + s.seedLen, length);
}

/**
 * TLS 1.0/1.1 PRF (RFC 2246 §5): P_MD5(S1, label ‖ seed) ⊕ P_SHA1(S2, label ‖ seed).
 * @example prfTls10(masterSecret, "key expansion", concat(serverRandom, clientRandom), 104)
 */
export function prfTls10(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array {
  const core = hashCore();
  const s = stage(core, secret, label, seed, length);
  core.ex.prfTls10(s.secretPtr, secret.length, s.seedPtr, s.seedLen, core.io2Ptr, length);
  return collect(core, secret.length + s.seedLen, length);
}

/**
 * SSL 3.0 master secret and key block derivation (RFC 6101 §6.1, §6.2.2):
 * MD5(secret ‖ SHA1("A" ‖ secret ‖ seed)) ‖ MD5(secret ‖ SHA1("BB" ‖ secret ‖ seed)) ‖ …,
 * at most {@link SSL3_MAX_OUTPUT} bytes.
 */
export function prfSsl3(secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  if (length > SSL3_MAX_OUTPUT) inputTooLarge("SSL 3.0 key derivation output", SSL3_MAX_OUTPUT);
  const core = hashCore();
  const s = stage(core, secret, "", seed, length);
  core.ex.prfSsl3(s.secretPtr, secret.length, s.seedPtr, s.seedLen, core.io2Ptr, length);
  return collect(core, secret.length + s.seedLen, length);
}
