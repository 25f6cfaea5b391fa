// Certification path building and validation (RFC 5280 §6, simplified to what TLS servers present):
// leaf → presented intermediates → a trust anchor from `roots`, with signatures checked through the
// CryptoProvider, validity against an injectable clock, CA/pathLen/keyUsage/extKeyUsage constraints,
// unknown critical extensions, and the RFC 6125 host name. Error reasons follow OpenSSL/node:tls codes.
import { wasmProvider } from "../../bindings/provider.js";
import type { CryptoProvider, RsaPublicComponents } from "../provider.js";
import { equalBytes } from "./bytes.js";
import type { Certificate } from "./certificate.js";
import { CertificateError, type CertificateErrorReason } from "./errors.js";
import type { KeyUsage } from "./extensions.js";
import { matchesHostname } from "./hostname.js";
import { OID_EKU } from "./oids.js";
import { checkCertificateSignature } from "./signature-check.js";

/** Options of `verifyChain`. */
export interface VerifyChainOptions {
  /** Trust anchors (e.g. `Certificate.allFromPem(bundle)`). */
  roots: readonly Certificate[];
  /** Expected server name (DNS name or IP literal); omitted = no identity check. */
  hostname?: string;
  /** Validation time; defaults to the current time. */
  now?: Date;
  /** Required extended key usage of the leaf. */
  purpose: "serverAuth" | "clientAuth";
  /** Performs the hashes and RSA signature checks. Default: the WASM provider (call `init()` first). */
  provider?: Pick<CryptoProvider, "hash" | "importRsaPublicKey">;
  /** Accept the subject CN as host name when the leaf has no dNSName/URI SAN. Default false. */
  allowCommonName?: boolean;
  /** Maximum number of certificates in the path, anchor included. Default 10. */
  maxDepth?: number;
}

/** A validated path. */
export interface VerifiedChain {
  ok: true;
  /** The leaf's RSA public key. */
  leafKey: RsaPublicComponents;
  /** Leaf first, trust anchor last. */
  path: Certificate[];
}

/** The result of `checkChain`: a validated path or the error that stopped validation. */
export type ChainCheckResult = VerifiedChain | { ok: false; error: CertificateError };

/**
 * Builds and validates the path of `chain` (leaf first, then intermediates in any order) to one of
 * `options.roots`. Returns the leaf key and path or throws a `CertificateError` naming the reason
 * (`CERT_HAS_EXPIRED`, `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`, `HOSTNAME_MISMATCH`, …).
 */
export function verifyChain(chain: readonly Certificate[], options: VerifyChainOptions): VerifiedChain {
  return verifyPathAt(buildTrustedPath(chain, options), options);
}

/**
 * The time- and name-independent half of `verifyChain`: builds the path to a root (signatures checked)
 * and checks critical extensions, issuer constraints and the leaf's purpose. Its result depends only on
 * the chain, `roots`, `purpose`, `maxDepth` and the provider, so it may be reused for the identical
 * chain; `verifyPathAt` must still run for every use. Throws a `CertificateError`.
 */
export function buildTrustedPath(
  chain: readonly Certificate[],
  options: Omit<VerifyChainOptions, "now" | "hostname" | "allowCommonName">,
): Certificate[] {
  const leaf = chain[0];
  if (!leaf) throw new CertificateError("EMPTY_CHAIN", "no certificate presented");
  const path = buildPath(chain, options);
  for (const [depth, cert] of path.entries()) {
    if (cert.extensions.unhandledCritical.length > 0) {
      fail(
        "UNHANDLED_CRITICAL_EXTENSION",
        `unsupported critical extension ${cert.extensions.unhandledCritical[0]}`,
        depth,
      );
    }
  }
  checkIssuerConstraints(path, options.purpose);
  checkLeafPurpose(leaf, options.purpose);
  return path;
}

/**
 * The second half of `verifyChain` on a path from `buildTrustedPath`: validity of every certificate at
 * `options.now` (default: the current time), the host name, and an RSA leaf key. Throws a `CertificateError`.
 */
export function verifyPathAt(
  path: readonly Certificate[],
  options: Pick<VerifyChainOptions, "now" | "hostname" | "allowCommonName">,
): VerifiedChain {
  const leaf = path[0]!;
  checkValidity(path, options.now ?? new Date());
  if (options.hostname !== undefined && !matchesHostname(leaf, options.hostname, options)) {
    fail("HOSTNAME_MISMATCH", `certificate is not valid for ${options.hostname}`, 0);
  }
  const leafKey = leaf.publicKey;
  if (!leafKey) fail("UNSUPPORTED_PUBLIC_KEY", `leaf key algorithm ${leaf.subjectPublicKeyInfo.algorithm}`, 0);
  return { ok: true, leafKey, path: [...path] };
}

/** Like `verifyChain` but returns `{ ok: false, error }` instead of throwing validation errors. */
export function checkChain(chain: readonly Certificate[], options: VerifyChainOptions): ChainCheckResult {
  try {
    return verifyChain(chain, options);
  } catch (error) {
    if (error instanceof CertificateError) return { ok: false, error };
    throw error;
  }
}

function fail(reason: CertificateErrorReason, message: string, depth: number): never {
  throw new CertificateError(reason, message, depth);
}

function isIn(cert: Certificate, list: readonly Certificate[]): boolean {
  return list.some((c) => equalBytes(c.raw, cert.raw));
}

/** Could `issuer` have issued `cert`? Names must match; key identifiers too when both are present. */
function couldIssue(issuer: Certificate, cert: Certificate): boolean {
  if (!issuer.subject.equals(cert.issuer)) return false;
  const akid = cert.extensions.authorityKeyIdentifier?.keyIdentifier;
  const skid = issuer.extensions.subjectKeyIdentifier;
  return !akid || !skid || equalBytes(akid, skid);
}

/** Walks issuer links, preferring trust anchors, accepting a candidate only if its signature verifies. */
function buildPath(
  chain: readonly Certificate[],
  options: Pick<VerifyChainOptions, "roots" | "maxDepth" | "provider">,
): Certificate[] {
  const maxDepth = options.maxDepth ?? 10;
  const path: Certificate[] = [chain[0]!];
  const untrusted = chain.slice(1);
  for (;;) {
    const depth = path.length - 1;
    const current = path[depth]!;
    if (isIn(current, options.roots)) return path;
    if (path.length >= maxDepth) fail("CERT_CHAIN_TOO_LONG", `path longer than ${maxDepth}`, depth);
    const rootCandidates = options.roots.filter((r) => couldIssue(r, current));
    const selfSigned =
      current.isSelfIssued &&
      checkCertificateSignature(current, current, options.provider ?? wasmProvider, depth) === null;
    const chainCandidates = selfSigned ? [] : untrusted.filter((c) => couldIssue(c, current) && !path.includes(c));
    let firstError: CertificateError | null = null;
    let issuer: Certificate | undefined;
    for (const candidate of [...rootCandidates, ...chainCandidates]) {
      const error = checkCertificateSignature(current, candidate, options.provider ?? wasmProvider, depth);
      if (!error) {
        issuer = candidate;
        break;
      }
      firstError ??= error;
    }
    if (issuer) {
      path.push(issuer);
      continue;
    }
    if (selfSigned) {
      if (depth === 0) fail("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate", 0);
      fail("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain", depth);
    }
    if (firstError) throw firstError;
    if (depth === 0) fail("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate", 0);
    fail("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate", depth);
  }
}

/** basicConstraints cA, keyCertSign and pathLenConstraint for every issuer (RFC 5280 §6.1.4 (k)–(n)). */
function checkIssuerConstraints(path: readonly Certificate[], purpose: "serverAuth" | "clientAuth"): void {
  const anchor = path.length - 1;
  let intermediatesBelow = 0;
  for (let depth = 1; depth < path.length; depth++) {
    const cert = path[depth]!;
    const constraints = cert.extensions.basicConstraints;
    // A v1/v2 trust anchor without extensions is accepted as a CA (as OpenSSL does for self-signed roots).
    const legacyAnchor = depth === anchor && cert.version < 3 && cert.isSelfIssued;
    if (!legacyAnchor && constraints?.ca !== true) fail("INVALID_CA", "issuer is not a CA certificate", depth);
    if (cert.extensions.keyUsage && !cert.extensions.keyUsage.has("keyCertSign")) {
      fail("KEYUSAGE_NO_CERTSIGN", "issuer key usage does not include keyCertSign", depth);
    }
    if (constraints?.pathLength !== undefined && intermediatesBelow > constraints.pathLength) {
      fail("PATH_LENGTH_EXCEEDED", `pathLenConstraint ${constraints.pathLength} exceeded`, depth);
    }
    if (depth < anchor && !hasPurpose(cert.extensions.extKeyUsage, OID_EKU[purpose])) {
      fail("INVALID_PURPOSE", `intermediate extended key usage excludes ${purpose}`, depth);
    }
    if (!cert.isSelfIssued) intermediatesBelow++;
  }
}

function hasPurpose(eku: readonly string[] | undefined, purpose: string): boolean {
  return !eku || eku.includes(OID_EKU.anyExtendedKeyUsage) || eku.includes(purpose);
}

/** Leaf keyUsage and extKeyUsage for TLS (RFC 5280 §4.2.1.3, §4.2.1.12; OpenSSL's purpose checks). */
function checkLeafPurpose(leaf: Certificate, purpose: "serverAuth" | "clientAuth"): void {
  if (!hasPurpose(leaf.extensions.extKeyUsage, OID_EKU[purpose])) {
    fail("INVALID_PURPOSE", `extended key usage does not allow ${purpose}`, 0);
  }
  const usage = leaf.extensions.keyUsage;
  const allowed: KeyUsage[] = purpose === "serverAuth" ? ["digitalSignature", "keyEncipherment"] : ["digitalSignature"];
  if (usage && !allowed.some((u) => usage.has(u))) {
    fail("INVALID_PURPOSE", `key usage does not allow ${purpose}`, 0);
  }
}

/** notBefore ≤ now ≤ notAfter for every certificate of the path, anchor included (RFC 5280 §6.1.3 (a)(2)). */
function checkValidity(path: readonly Certificate[], now: Date): void {
  const t = now.getTime();
  for (const [depth, cert] of path.entries()) {
    if (t < cert.notBefore.getTime()) fail("CERT_NOT_YET_VALID", "certificate is not yet valid", depth);
    if (t > cert.notAfter.getTime()) fail("CERT_HAS_EXPIRED", "certificate has expired", depth);
  }
}
