// The block ciphers available in ECB and CBC mode, described once for both modes.
import type { BlockCipherName, CbcOptions } from "../../tls/provider.js";
import { type CipherExports, check } from "./core.js";

/** How to key and run one block cipher in the WASM core. */
export interface BlockCipherSpec {
  readonly blockLength: number;
  /** Validates the key (and options) and keys `slot` from the key bytes at `keyPtr`. */
  init(e: CipherExports, slot: number, keyPtr: number, key: Uint8Array, opts: CbcOptions): void;
  setIv(e: CipherExports, slot: number, ivPtr: number): void;
  ecbEncrypt(e: CipherExports, slot: number, ptr: number, len: number): void;
  ecbDecrypt(e: CipherExports, slot: number, ptr: number, len: number): void;
  cbcEncrypt(e: CipherExports, slot: number, ptr: number, len: number): void;
  cbcDecrypt(e: CipherExports, slot: number, ptr: number, len: number): void;
}

function keyLength(name: string, key: Uint8Array, allowed: readonly number[]): void {
  check(
    allowed.includes(key.length),
    "ERR_WASSL_BAD_KEY_LENGTH",
    `${name} keys are ${allowed.join(", ")} bytes long, got ${key.length}`,
  );
}

const DES_FAMILY = {
  blockLength: 8,
  setIv: (e: CipherExports, s: number, p: number) => e.desSetIv(s, p),
  ecbEncrypt: (e: CipherExports, s: number, p: number, n: number) => e.desEcbEncrypt(s, p, n),
  ecbDecrypt: (e: CipherExports, s: number, p: number, n: number) => e.desEcbDecrypt(s, p, n),
  cbcEncrypt: (e: CipherExports, s: number, p: number, n: number) => e.desCbcEncrypt(s, p, n),
  cbcDecrypt: (e: CipherExports, s: number, p: number, n: number) => e.desCbcDecrypt(s, p, n),
};

/** Block cipher descriptions by name: AES (FIPS 197), DES and 3DES (FIPS 46-3, SP 800-67), RC2 (RFC 2268). */
export const BLOCK_CIPHERS: Readonly<Record<BlockCipherName, BlockCipherSpec>> = {
  aes: {
    blockLength: 16,
    init(e, slot, keyPtr, key) {
      keyLength("AES", key, [16, 24, 32]);
      e.aesInit(slot, keyPtr, key.length);
    },
    setIv: (e, s, p) => e.aesSetIv(s, p),
    ecbEncrypt: (e, s, p, n) => e.aesEcbEncrypt(s, p, n),
    ecbDecrypt: (e, s, p, n) => e.aesEcbDecrypt(s, p, n),
    cbcEncrypt: (e, s, p, n) => e.aesCbcEncrypt(s, p, n),
    cbcDecrypt: (e, s, p, n) => e.aesCbcDecrypt(s, p, n),
  },
  des: {
    ...DES_FAMILY,
    init(e, slot, keyPtr, key) {
      keyLength("DES", key, [8]);
      e.desInit(slot, keyPtr, 8);
    },
  },
  "3des": {
    ...DES_FAMILY,
    init(e, slot, keyPtr, key) {
      keyLength("3DES", key, [16, 24]);
      e.desInit(slot, keyPtr, key.length);
    },
  },
  rc2: {
    blockLength: 8,
    init(e, slot, keyPtr, key, opts) {
      check(key.length >= 1 && key.length <= 128, "ERR_WASSL_BAD_KEY_LENGTH", "RC2 keys are 1–128 bytes long");
      const bits = opts.effectiveBits ?? Math.min(1024, key.length * 8);
      check(
        Number.isInteger(bits) && bits >= 1 && bits <= 1024,
        "ERR_WASSL_BAD_OPTION",
        `RC2 effectiveBits must be an integer in 1–1024, got ${bits}`,
      );
      e.rc2Init(slot, keyPtr, key.length, bits);
    },
    setIv: (e, s, p) => e.rc2SetIv(s, p),
    ecbEncrypt: (e, s, p, n) => e.rc2EcbEncrypt(s, p, n),
    ecbDecrypt: (e, s, p, n) => e.rc2EcbDecrypt(s, p, n),
    cbcEncrypt: (e, s, p, n) => e.rc2CbcEncrypt(s, p, n),
    cbcDecrypt: (e, s, p, n) => e.rc2CbcDecrypt(s, p, n),
  },
};

/** @internal Looks up a block cipher by name, with a clear error for unknown names. */
export function blockCipher(name: BlockCipherName): BlockCipherSpec {
  const spec = (BLOCK_CIPHERS as Record<string, BlockCipherSpec | undefined>)[name];
  check(spec !== undefined, "ERR_WASSL_UNKNOWN_CIPHER", `unknown block cipher ${JSON.stringify(name)}`);
  return spec as BlockCipherSpec;
}

/** @internal Throws unless `data` is a whole number of blocks. */
export function checkBlocks(data: Uint8Array, blockLength: number): void {
  check(
    data.length % blockLength === 0,
    "ERR_WASSL_BAD_LENGTH",
    `input length ${data.length} is not a multiple of the ${blockLength}-byte block (no padding is applied)`,
  );
}
