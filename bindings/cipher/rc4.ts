// RC4 as a stateful stream cipher (the keystream continues across calls).
import type { StreamCipher } from "../../tls/provider.js";
import { transformInPlace } from "../io.js";
import { ioRegion } from "../wasm.js";
import { check, cipherExports, SlotOwner, withSecret } from "./core.js";

/** A keyed RC4 state; see {@link rc4}. */
export class Rc4Context extends SlotOwner implements StreamCipher {
  /** Use {@link rc4}. */
  constructor(key: Uint8Array) {
    check(key.length >= 1 && key.length <= 256, "ERR_WASSL_BAD_KEY_LENGTH", "RC4 keys are 1–256 bytes long");
    super();
    withSecret(ioRegion().ptr, key, (ptr) => cipherExports().rc4Init(this.slot(), ptr, key.length));
  }

  /** XORs the next keystream bytes into a copy of `data`. */
  process(data: Uint8Array): Uint8Array {
    const slot = this.slot();
    const e = cipherExports();
    return transformInPlace(data, 1, (p, n) => e.rc4Process(slot, p, n));
  }
}

/**
 * RC4 with a 1–256-byte key (TLS suites use 5 or 16). Insecure and NOT constant time: every step
 * indexes its state with secret values (documented exception, docs/SECURITY.md). Legacy suites only.
 * @example const s = rc4(key); const a = s.process(part1); const b = s.process(part2);
 */
export function rc4(key: Uint8Array): Rc4Context {
  return new Rc4Context(key);
}
