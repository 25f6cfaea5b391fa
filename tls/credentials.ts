// Turning certificate and key options into DER chains and provider keys. The single place to swap in
// tls/x509 (PEM/PKCS#8 parsing) once it lands.
import { decodeBase64 } from "../bindings/base64.js";
import { WasslError } from "../bindings/errors.js";
import type { PemOrDer, PrivateKeyInput } from "./options.js";
import type { CryptoProvider, ProviderRsaPrivateKey, RsaPrivateComponents } from "./provider.js";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

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
    const found = [...item.matchAll(PEM_CERTIFICATE)].map((m) => decodeBase64(m[1].replace(/\s+/g, "")));
    if (found.length === 0) throw new WasslError("ERR_TLS_BAD_CERTIFICATE_OPTION", "no PEM CERTIFICATE block found");
    out.push(...found);
  }
  return out;
}

function isProviderKey(key: PrivateKeyInput): key is ProviderRsaPrivateKey {
  return typeof key === "object" && "decryptTlsPremaster" in key;
}

function isComponents(key: PrivateKeyInput): key is RsaPrivateComponents {
  return typeof key === "object" && !(key instanceof Uint8Array) && "n" in key && "d" in key;
}

/**
 * A provider private key from the `key` option. PEM/DER keys need the tls/x509 key loader; until it is
 * merged they are rejected with `ERR_TLS_KEY_FORMAT` (pass RSA components or a provider key instead).
 */
export function privateKeyFromOption(input: PrivateKeyInput, provider: CryptoProvider): ProviderRsaPrivateKey {
  if (isProviderKey(input)) return input;
  if (isComponents(input)) return provider.importRsaPrivateKey(input);
  throw new WasslError("ERR_TLS_KEY_FORMAT", "PEM/DER private keys need the tls/x509 key loader (not merged yet)");
}
