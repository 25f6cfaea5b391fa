// Protocol versions: wire codes, node:tls names, and their order.

/** Version names as node:tls spells them (`minVersion` / `maxVersion`, `getProtocol()`). */
export type TlsVersionName = "SSLv3" | "TLSv1" | "TLSv1.1" | "TLSv1.2";

/** Wire code of SSL 3.0 (RFC 6101). */
export const SSL3 = 0x0300;
/** Wire code of TLS 1.0 (RFC 2246). */
export const TLS10 = 0x0301;
/** Wire code of TLS 1.1 (RFC 4346). */
export const TLS11 = 0x0302;
/** Wire code of TLS 1.2 (RFC 5246). */
export const TLS12 = 0x0303;

const CODE_BY_NAME: Record<TlsVersionName, number> = {
  SSLv3: SSL3,
  TLSv1: TLS10,
  "TLSv1.1": TLS11,
  "TLSv1.2": TLS12,
};

/** The wire code of a node:tls version name. */
export function versionCode(name: TlsVersionName): number {
  return CODE_BY_NAME[name];
}

/** The node:tls name of a wire code, or `undefined` when it is not a version we know. */
export function versionName(code: number): TlsVersionName | undefined {
  for (const [name, c] of Object.entries(CODE_BY_NAME)) if (c === code) return name as TlsVersionName;
  return undefined;
}

/** True when `name` is one of the version names above. */
export function isVersionName(name: unknown): name is TlsVersionName {
  return typeof name === "string" && Object.hasOwn(CODE_BY_NAME, name);
}
