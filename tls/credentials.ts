// Turning certificate and key options into DER chains and provider keys (PEM/DER via tls/x509).
import { WasslError } from "../bindings/errors.js";
import { LruMap } from "./lru-map.js";
import type { PemOrDer, PrivateKeyInput } from "./options.js";
import type { CryptoProvider, ProviderRsaPrivateKey, RsaPrivateComponents } from "./provider.js";
import { decodeRsaPrivateKey, decodeRsaPrivateKeyPem } from "./x509/keys.js";
import { decodePem } from "./x509/pem.js";

/** DER certificates from PEM text (every CERTIFICATE block, in order) or DER bytes. */
export function certificatesFromOption(input: PemOrDer | PemOrDer[] | undefined): Uint8Array[] {
  if (input === undefined) return [];
  const items = Array.isArray(input) ? input : [input];
  const out: Uint8Array[] = [];
  for (const item of items) {
    if (item instanceof Uint8Array) {
      if (item[0] === 0x30) {
        out.push(item);
        continue;
      }
      out.push(...certificatesFromOption(new TextDecoder().decode(item)));
      continue;
    }
    const found = decodePem(item)
      .filter((b) => b.label === "CERTIFICATE")
      .map((b) => b.der);
    if (found.length === 0) throw new WasslError("ERR_TLS_BAD_CERTIFICATE_OPTION", "no PEM CERTIFICATE block found");
    out.push(...found);
  }
  return out;
}

/** Parsed root lists of the most recently used PEM `ca` texts. */
const rootsByPem = new LruMap<string, readonly Uint8Array[]>(16);

/**
 * The trusted roots of a `ca` option. PEM text (a string or an array of strings) parses to one shared,
 * frozen list per distinct text (16 texts remembered), so contexts built per connection from the same
 * `ca` — node:tls style `connect({ ca })` — share one trust store and its cache of validated chains.
 * DER input is parsed as given.
 */
export function trustedRootsFromOption(input: PemOrDer | PemOrDer[] | undefined): readonly Uint8Array[] {
  const items = input === undefined ? [] : Array.isArray(input) ? input : [input];
  if (items.length === 0 || !items.every((item) => typeof item === "string")) return certificatesFromOption(input);
  const key = JSON.stringify(items);
  let roots = rootsByPem.get(key);
  if (!roots) {
    roots = Object.freeze(certificatesFromOption(items)); // decodePem returns fresh DER buffers
    rootsByPem.set(key, roots);
  }
  return roots;
}

function isProviderKey(key: PrivateKeyInput): key is ProviderRsaPrivateKey {
  return typeof key === "object" && "decryptTlsPremaster" in key;
}

function isComponents(key: PrivateKeyInput): key is RsaPrivateComponents {
  return typeof key === "object" && !(key instanceof Uint8Array) && "n" in key && "d" in key;
}

/**
 * A provider private key from the `key` option: a provider key as is (its operations may be async),
 * RSA components imported, PEM (`RSA PRIVATE KEY` / `PRIVATE KEY`) or DER (PKCS#1 / PKCS#8) decoded.
 */
export function privateKeyFromOption(input: PrivateKeyInput, provider: CryptoProvider): ProviderRsaPrivateKey {
  if (isProviderKey(input)) return input;
  if (isComponents(input)) return provider.importRsaPrivateKey(input);
  if (typeof input === "string") return provider.importRsaPrivateKey(decodeRsaPrivateKeyPem(input));
  if (input instanceof Uint8Array) {
    const components =
      input[0] === 0x30 ? decodeRsaPrivateKey(input) : decodeRsaPrivateKeyPem(new TextDecoder().decode(input));
    return provider.importRsaPrivateKey(components);
  }
  throw new WasslError("ERR_TLS_KEY_FORMAT", "unsupported private key option");
}
