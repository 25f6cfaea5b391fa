// Default certificate chain validation: tls/x509 `checkChain` against the `ca` roots.
import type { ProviderRsaPublicKey, RsaPublicComponents } from "../provider.js";
import { Certificate } from "../x509/certificate.js";
import { CertificateError, DerError } from "../x509/errors.js";
import { checkChain } from "../x509/verify.js";
import type { PeerCertificateVerifier, PeerVerificationResult } from "./peer-verifier.js";

function parse(der: Uint8Array): Certificate | undefined {
  try {
    return Certificate.fromDer(der);
  } catch (error) {
    if (error instanceof DerError || error instanceof CertificateError) return undefined;
    throw error;
  }
}

const parsedRoots = new WeakMap<readonly Uint8Array[], Certificate[]>();

/** Roots parsed once per `ca` list (a secure context shares its list across connections). */
function rootsOf(list: readonly Uint8Array[]): Certificate[] {
  let roots = parsedRoots.get(list);
  if (!roots) {
    roots = list.map(parse).filter((c): c is Certificate => c !== undefined);
    parsedRoots.set(list, roots);
  }
  return roots;
}

/**
 * Parses the chain and validates it with tls/x509 (path to a root in `ca`, validity at `now`, purpose,
 * host name). On failure the leaf key is still returned when the leaf parses, for
 * `rejectUnauthorized: false`.
 */
export const defaultPeerVerifier: PeerCertificateVerifier = (request): PeerVerificationResult => {
  const chain = request.chain.map(parse);
  const leaf = chain[0];
  if (!leaf) return { ok: false, code: "CERT_PARSE_ERROR", message: "the peer's certificate does not parse" };
  const publicKey = leaf.publicKey ?? undefined;
  const parsed = chain.filter((c): c is Certificate => c !== undefined);
  const roots = rootsOf(request.roots);
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
  let result: ReturnType<typeof checkChain>;
  try {
    result = checkChain(parsed, {
      roots,
      hostname: request.hostname,
      now: request.now,
      purpose: request.purpose,
      provider: tracking,
    });
  } finally {
    for (const k of imported) k.dispose?.();
  }
  if (result.ok) return { ok: true, publicKey: result.leafKey };
  return { ok: false, code: result.error.reason, message: result.error.message, publicKey };
};
