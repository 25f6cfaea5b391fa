// Builds the record protection of a suite for one direction from its keys.
import type { DirectionKeys } from "../keys/key-block.js";
import type { CryptoProvider } from "../provider.js";
import type { CipherSuite } from "../suites.js";
import { SSL3 } from "../versions.js";
import { AeadProtection } from "./aead-protection.js";
import { CbcProtection, type MacHashShape } from "./cbc-protection.js";
import { EncryptThenMacProtection } from "./etm-protection.js";
import type { RecordProtection } from "./protection.js";
import { ssl3PaddingCheck } from "./ssl3-cbc-padding.js";
import { Ssl3Mac } from "./ssl3-mac.js";
import { StreamProtection } from "./stream-protection.js";

const SHAPES: Record<string, MacHashShape> = {
  md5: { blockLength: 64, lengthFieldBytes: 8 },
  sha1: { blockLength: 64, lengthFieldBytes: 8 },
  sha256: { blockLength: 64, lengthFieldBytes: 8 },
  sha384: { blockLength: 128, lengthFieldBytes: 16 },
};

/**
 * The protection for `suite` at `version` with one direction's `keys`; `encryptThenMac` selects the
 * RFC 7366 form for CBC suites.
 */
export function createRecordProtection(
  provider: CryptoProvider,
  suite: CipherSuite,
  version: number,
  keys: DirectionKeys,
  encryptThenMac = false,
): RecordProtection {
  const equal = (a: Uint8Array, b: Uint8Array) => provider.constantTimeEqual(a, b);
  if (suite.kind === "aead") return new AeadProtection(provider.createGcm(keys.key), keys.iv);
  const ssl3 = version === SSL3;
  const mac = ssl3
    ? new Ssl3Mac(provider, suite.mac === "md5" ? "md5" : "sha1", keys.macKey)
    : provider.createHmac(suite.mac ?? "sha1", keys.macKey);
  if (suite.kind === "stream") {
    const cipher = suite.cipher === "rc4" ? provider.createRc4(keys.key) : undefined;
    return new StreamProtection(mac, cipher, equal);
  }
  if (suite.kind === "cbc") {
    const iv = keys.iv.length > 0 ? keys.iv : new Uint8Array(suite.blockLength);
    const cipher = provider.createCbc(suite.cipher as "aes" | "des" | "3des" | "rc2", keys.key, iv);
    const random = (n: number) => provider.randomBytes(n);
    if (encryptThenMac) return new EncryptThenMacProtection(cipher, mac, version, random, equal);
    const padding = ssl3 ? ssl3PaddingCheck(suite.blockLength) : undefined;
    return new CbcProtection(cipher, mac, version, SHAPES[suite.mac ?? "sha1"], random, equal, padding);
  }
  throw new Error(`no record protection for ${suite.name}`);
}
