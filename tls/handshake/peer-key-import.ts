// Importing the peer's RSA key into the provider, once per verified chain instead of once per
// handshake: a cached chain hands out the same key components object every time, and preparing a
// 2048-bit key (Montgomery constants) costs about as much as using it.
import { equalBytes } from "../../bindings/equal.js";
import type { CryptoProvider, ProviderRsaPublicKey, RsaPublicComponents } from "../provider.js";

interface SharedImport {
  provider: CryptoProvider;
  /** Copies of the imported components: a hit requires the object to still hold these bytes. */
  n: Uint8Array;
  e: Uint8Array;
  /** Handed to every connection; without `dispose`, so no connection can free it for the others. */
  view: ProviderRsaPublicKey;
}

// Components objects owned by a verified-chain cache (stable identity, never handed out for writing).
const shareable = new WeakSet<RsaPublicComponents>();
// One import per components object; dropped (and the key's WASM slot reclaimed) with the object.
const imports = new WeakMap<RsaPublicComponents, SharedImport>();

/**
 * Lets `importPeerKey` keep one imported key for `components` and share it between connections. For
 * components objects that live in a cache and are returned for every handshake with the same chain.
 */
export function allowSharedImport(components: RsaPublicComponents): void {
  shareable.add(components);
}

/**
 * Imports the peer's key through `provider`. Components marked with `allowSharedImport` are imported
 * once (per provider) and a shared key without `dispose` is returned; any other object is imported
 * afresh and the caller owns (and disposes) the result, as before.
 */
export function importPeerKey(provider: CryptoProvider, components: RsaPublicComponents): ProviderRsaPublicKey {
  if (!shareable.has(components)) return provider.importRsaPublicKey(components);
  const hit = imports.get(components);
  if (hit && hit.provider === provider && equalBytes(hit.n, components.n) && equalBytes(hit.e, components.e)) {
    return hit.view;
  }
  const key = provider.importRsaPublicKey(components);
  const view: ProviderRsaPublicKey = {
    bits: key.bits,
    encryptPkcs1v15: (plaintext) => key.encryptPkcs1v15(plaintext),
    verifyPkcs1v15: (hash, digest, signature) => key.verifyPkcs1v15(hash, digest, signature),
    verifyPss: (hash, digest, signature) => key.verifyPss(hash, digest, signature),
  };
  imports.set(components, { provider, n: components.n.slice(), e: components.e.slice(), view });
  return view;
}
