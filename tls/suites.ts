// Cipher suites as data: one row per suite (RFC 5246 Appendix A.5, RFC 5288, RFC 2246, RFC 4346).
import { WasslError } from "../bindings/errors.js";
import { SSL3, TLS10, TLS11, TLS12 } from "./versions.js";

/** Bulk cipher of a suite. */
export type BulkCipher = "null" | "rc4" | "rc2" | "des" | "3des" | "aes";
/** How records are protected. */
export type CipherKind = "null" | "stream" | "cbc" | "aead";
/** Record MAC hash (`null` for AEAD). */
export type MacHash = "md5" | "sha1" | "sha256" | "sha384" | null;

/** One cipher suite. */
export interface CipherSuite {
  /** IANA code point. */
  readonly id: number;
  /** IANA name, e.g. `TLS_RSA_WITH_AES_128_GCM_SHA256`. */
  readonly name: string;
  /** OpenSSL name, e.g. `AES128-GCM-SHA256` (what node:tls `getCipher().name` shows). */
  readonly openssl: string;
  /** Key exchange (only RSA in this engine). */
  readonly keyExchange: "rsa";
  /** Bulk cipher. */
  readonly cipher: BulkCipher;
  /** Record protection kind. */
  readonly kind: CipherKind;
  /** Record MAC hash; null for AEAD. */
  readonly mac: MacHash;
  /** TLS 1.2 PRF hash (RFC 5246 §5); TLS 1.0/1.1 always use the MD5/SHA-1 PRF. */
  readonly prfHash: "sha256" | "sha384";
  /** Encryption key length in bytes. */
  readonly keyLength: number;
  /** Fixed IV length from the key block: CBC IV (TLS 1.0) or GCM implicit salt (4). */
  readonly ivLength: number;
  /** MAC key and tag length in bytes (0 for AEAD). */
  readonly macLength: number;
  /** Cipher block length (CBC), else 0. */
  readonly blockLength: number;
  /** Explicit per-record nonce length for AEAD (8 for GCM), else 0. */
  readonly explicitNonceLength: number;
  /** Lowest version the suite may be used with. */
  readonly minVersion: number;
  /** Highest version the suite may be used with. */
  readonly maxVersion: number;
  /** Only negotiated with `legacy: true`. */
  readonly legacy: boolean;
  /**
   * Export suites (RFC 2246 §6.3, RFC 6101 §6.2.2): bytes of secret key material in the key block (5,
   * i.e. 40 bits), expanded to `keyLength`; 0 for every other suite.
   */
  readonly exportKeyMaterialLength: number;
}

type Row = [
  id: number,
  name: string,
  openssl: string,
  cipher: BulkCipher,
  kind: CipherKind,
  mac: MacHash,
  prf: "sha256" | "sha384",
  keyLength: number,
  ivLength: number,
  minVersion: number,
  maxVersion: number,
  legacy: boolean,
];

// Preference order: AEAD first, then CBC with SHA-2, CBC with SHA-1, 3DES, then legacy suites.
const ROWS: Row[] = [
  [
    0x009c,
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "AES128-GCM-SHA256",
    "aes",
    "aead",
    null,
    "sha256",
    16,
    4,
    TLS12,
    TLS12,
    false,
  ],
  [
    0x009d,
    "TLS_RSA_WITH_AES_256_GCM_SHA384",
    "AES256-GCM-SHA384",
    "aes",
    "aead",
    null,
    "sha384",
    32,
    4,
    TLS12,
    TLS12,
    false,
  ],
  [
    0x003c,
    "TLS_RSA_WITH_AES_128_CBC_SHA256",
    "AES128-SHA256",
    "aes",
    "cbc",
    "sha256",
    "sha256",
    16,
    16,
    TLS12,
    TLS12,
    false,
  ],
  [
    0x003d,
    "TLS_RSA_WITH_AES_256_CBC_SHA256",
    "AES256-SHA256",
    "aes",
    "cbc",
    "sha256",
    "sha256",
    32,
    16,
    TLS12,
    TLS12,
    false,
  ],
  [0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA", "aes", "cbc", "sha1", "sha256", 16, 16, TLS10, TLS12, false],
  [0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA", "aes", "cbc", "sha1", "sha256", 32, 16, TLS10, TLS12, false],
  [0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA", "3des", "cbc", "sha1", "sha256", 24, 8, SSL3, TLS12, false],
  [0x0005, "TLS_RSA_WITH_RC4_128_SHA", "RC4-SHA", "rc4", "stream", "sha1", "sha256", 16, 0, SSL3, TLS12, true],
  [0x0004, "TLS_RSA_WITH_RC4_128_MD5", "RC4-MD5", "rc4", "stream", "md5", "sha256", 16, 0, SSL3, TLS12, true],
  [0x0009, "TLS_RSA_WITH_DES_CBC_SHA", "DES-CBC-SHA", "des", "cbc", "sha1", "sha256", 8, 8, SSL3, TLS11, true],
  [0x003b, "TLS_RSA_WITH_NULL_SHA256", "NULL-SHA256", "null", "stream", "sha256", "sha256", 0, 0, TLS12, TLS12, true],
  [0x0002, "TLS_RSA_WITH_NULL_SHA", "NULL-SHA", "null", "stream", "sha1", "sha256", 0, 0, SSL3, TLS12, true],
  [0x0001, "TLS_RSA_WITH_NULL_MD5", "NULL-MD5", "null", "stream", "md5", "sha256", 0, 0, SSL3, TLS12, true],
  // Export suites: 40-bit secrets, a temporary 512-bit RSA key; forbidden from TLS 1.1 on (RFC 4346 A.5).
  [0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "EXP-RC4-MD5", "rc4", "stream", "md5", "sha256", 16, 0, SSL3, TLS10, true],
  [
    0x0006,
    "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5",
    "EXP-RC2-CBC-MD5",
    "rc2",
    "cbc",
    "md5",
    "sha256",
    16,
    8,
    SSL3,
    TLS10,
    true,
  ],
  [
    0x0008,
    "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA",
    "EXP-DES-CBC-SHA",
    "des",
    "cbc",
    "sha1",
    "sha256",
    8,
    8,
    SSL3,
    TLS10,
    true,
  ],
];

const EXPORT_SUITE_IDS = new Set([0x0003, 0x0006, 0x0008]);
/** Secret key bytes of an export suite's key block (40 bits). */
const EXPORT_KEY_MATERIAL_LENGTH = 5;

const MAC_LENGTH: Record<string, number> = { md5: 16, sha1: 20, sha256: 32, sha384: 48 };
const BLOCK_LENGTH: Record<BulkCipher, number> = { null: 0, rc4: 0, rc2: 8, des: 8, "3des": 8, aes: 16 };

/** Every suite the engine implements, in default preference order. */
export const CIPHER_SUITES: readonly CipherSuite[] = ROWS.map(
  ([id, name, openssl, cipher, kind, mac, prfHash, keyLength, ivLength, minVersion, maxVersion, legacy]) =>
    Object.freeze({
      id,
      name,
      openssl,
      keyExchange: "rsa" as const,
      cipher,
      kind,
      mac,
      prfHash,
      keyLength,
      ivLength,
      macLength: mac ? MAC_LENGTH[mac] : 0,
      blockLength: kind === "cbc" ? BLOCK_LENGTH[cipher] : 0,
      explicitNonceLength: kind === "aead" ? 8 : 0,
      minVersion,
      maxVersion,
      legacy,
      exportKeyMaterialLength: EXPORT_SUITE_IDS.has(id) ? EXPORT_KEY_MATERIAL_LENGTH : 0,
    }),
);

/** RFC 5746 §3.3 signalling suite value (not a real suite). */
export const TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
/** RFC 7507 signalling suite value: the server refuses it below its highest version. */
export const TLS_FALLBACK_SCSV = 0x5600;

const BY_ID = new Map(CIPHER_SUITES.map((s) => [s.id, s]));
const BY_NAME = new Map<string, CipherSuite>();
for (const s of CIPHER_SUITES) {
  BY_NAME.set(s.name.toUpperCase(), s);
  BY_NAME.set(s.openssl.toUpperCase(), s);
}

/** The suite with IANA code `id`, if implemented. */
export function suiteById(id: number): CipherSuite | undefined {
  return BY_ID.get(id);
}

/** The suite named `name` in IANA or OpenSSL spelling (case-insensitive), if implemented. */
export function suiteByName(name: string): CipherSuite | undefined {
  return BY_NAME.get(name.trim().toUpperCase());
}

/** True when `suite` may be used with protocol `version`. */
export function suiteAllowsVersion(suite: CipherSuite, version: number): boolean {
  return version >= suite.minVersion && version <= suite.maxVersion;
}

/**
 * The suites to offer/accept, in preference order, from a `ciphers` option (colon-, comma- or
 * space-separated IANA or OpenSSL names; unknown names and OpenSSL keywords like `@SECLEVEL=0` or
 * `!aNULL` are ignored). Legacy suites are dropped unless `legacy` is true. Throws
 * `ERR_TLS_NO_CIPHERS` when nothing usable remains.
 */
export function resolveCipherSuites(ciphers: string | undefined, legacy: boolean): CipherSuite[] {
  let list: CipherSuite[];
  if (ciphers === undefined) {
    list = CIPHER_SUITES.filter((s) => !s.legacy);
  } else {
    const seen = new Set<number>();
    list = [];
    for (const token of ciphers.split(/[:,\s]+/)) {
      const suite = token ? suiteByName(token) : undefined;
      if (suite && !seen.has(suite.id)) {
        seen.add(suite.id);
        list.push(suite);
      }
    }
  }
  const usable = list.filter((s) => legacy || !s.legacy);
  if (usable.length === 0) {
    throw new WasslError("ERR_TLS_NO_CIPHERS", `no usable cipher suite in ${JSON.stringify(ciphers ?? "")}`);
  }
  return usable;
}
