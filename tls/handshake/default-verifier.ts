// Default certificate chain validation: tls/x509 path building and checks against the `ca` roots,
// with the time-independent verdict remembered per trust store for the identical chain.
import type { CryptoProvider, ProviderRsaPublicKey, RsaPublicComponents } from "../provider.js";
import { Certificate } from "../x509/certificate.js";
import { CertificateError, DerError } from "../x509/errors.js";
import { TrustedPathCache } from "../x509/path-cache.js";
import { buildTrustedPath, verifyPathAt } from "../x509/verify.js";
import { allowSharedImport } from "./peer-key-import.js";
import type { PeerCertificateVerifier, PeerVerificationRequest, PeerVerificationResult } from "./peer-verifier.js";

function parse(der: Uint8Array): Certificate | undefined {
  try {
    return Certificate.fromDer(der);
  } catch (error) {
    if (error instanceof DerError || error instanceof CertificateError) return undefined;
    throw error;
  }
}

/** A `ca` list parsed once, with the paths validated against it (one cache per provider). */
interface TrustStore {
  roots: Certificate[];
  paths: WeakMap<CryptoProvider, TrustedPathCache>;
}

const trustStores = new WeakMap<readonly Uint8Array[], TrustStore>();

/** The trust store of a `ca` list (a secure context shares its list across connections). */
function trustStoreOf(list: readonly Uint8Array[]): TrustStore {
  let store = trustStores.get(list);
  if (!store) {
    store = { roots: list.map(parse).filter((c): c is Certificate => c !== undefined), paths: new WeakMap() };
    trustStores.set(list, store);
  }
  return store;
}

function pathCacheOf(store: TrustStore, provider: CryptoProvider): TrustedPathCache {
  let cache = store.paths.get(provider);
  if (!cache) {
    cache = new TrustedPathCache();
    store.paths.set(provider, cache);
  }
  return cache;
}

function rejected(error: CertificateError, publicKey: RsaPublicComponents | null): PeerVerificationResult {
  return { ok: false, code: error.reason, message: error.message, publicKey: publicKey ?? undefined };
}

/** The checks that depend on the time and the expected name, run on every use of a path. */
function verifyAt(path: readonly Certificate[], request: PeerVerificationRequest): PeerVerificationResult {
  try {
    return { ok: true, publicKey: verifyPathAt(path, { now: request.now, hostname: request.hostname }).leafKey };
  } catch (error) {
    if (error instanceof CertificateError) return rejected(error, path[0]!.publicKey);
    throw error;
  }
}

/**
 * Parses the chain and validates it with tls/x509 (path to a root in `ca`, validity at `now`, purpose,
 * host name). On failure the leaf key is still returned when the leaf parses, for
 * `rejectUnauthorized: false`. A chain that passed path building and the signature, constraint and
 * purpose checks is remembered (bounded, per `ca` list and provider, keyed by its exact DER bytes):
 * the identical chain later skips those steps, but validity and host name are always checked again,
 * and from then on its leaf key is imported into the provider once and shared (see peer-key-import.ts).
 */
export const defaultPeerVerifier: PeerCertificateVerifier = (request): PeerVerificationResult => {
  const store = trustStoreOf(request.roots);
  const cache = pathCacheOf(store, request.provider);
  const known = cache.get(request.chain, request.purpose);
  if (known) {
    // A chain seen again: its leaf key is worth keeping imported (until the cache drops the chain). A
    // first sighting imports and frees the key as usual, so one-off contexts hold no WASM key slot.
    const leafKey = known[0]!.publicKey;
    if (leafKey) allowSharedImport(leafKey);
    return verifyAt(known, request);
  }
  // Parsed from private copies: the certificates may be cached beyond the life of the caller's buffers.
  const copies = TrustedPathCache.copyChain(request.chain);
  const chain = copies.map(parse);
  const leaf = chain[0];
  if (!leaf) return { ok: false, code: "CERT_PARSE_ERROR", message: "the peer's certificate does not parse" };
  const parsed = chain.filter((c): c is Certificate => c !== undefined);
  // Keys imported for signature checks are released right after validation (WASM key slots are few).
  const imported: ProviderRsaPublicKey[] = [];
  const provider = request.provider;
  const tracking = {
    hash: provider.hash.bind(provider),
    importRsaPublicKey(key: RsaPublicComponents) {
      const k = provider.importRsaPublicKey(key);
      imported.push(k);
      return k;
    },
  };
  let path: Certificate[];
  try {
    path = buildTrustedPath(parsed, { roots: store.roots, purpose: request.purpose, provider: tracking });
  } catch (error) {
    if (error instanceof CertificateError) return rejected(error, leaf.publicKey);
    throw error;
  } finally {
    for (const k of imported) k.dispose?.();
  }
  cache.set(copies, request.purpose, path);
  return verifyAt(path, request);
};
