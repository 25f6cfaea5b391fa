// node:tls-shaped peer certificate objects (`getPeerCertificate()`), built with node:crypto's X509Certificate.
import { X509Certificate } from "node:crypto";

/** A distinguished name as node:tls presents it: attribute short names to values. */
export type CertificateName = Record<string, string | string[]>;

/** The subset of node:tls `PeerCertificate` fields wassl provides. */
export interface PeerCertificate {
  /** Subject name, e.g. `{ CN: "localhost" }`. */
  subject: CertificateName;
  /** Issuer name. */
  issuer: CertificateName;
  /** `DNS:localhost, IP Address:127.0.0.1`, when the certificate has a SAN extension. */
  subjectaltname?: string;
  /** Validity start, OpenSSL text form (`Nov 27 02:10:45 2026 GMT`). */
  valid_from: string;
  /** Validity end. */
  valid_to: string;
  /** Serial number, upper-case hex. */
  serialNumber: string;
  /** SHA-1 fingerprint, colon-separated hex. */
  fingerprint: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
  /** The DER encoding. */
  raw: Buffer;
  /** With `detailed`: the next certificate of the chain as sent (a self-issued last one refers to itself, as in node:tls). */
  issuerCertificate?: PeerCertificate;
}

/** Parses the newline-separated `KEY=value` text of X509Certificate.subject/issuer. */
function parseName(text: string): CertificateName {
  const name: CertificateName = {};
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    const previous = name[key];
    if (previous === undefined) name[key] = value;
    else name[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return name;
}

function describe(der: Uint8Array): PeerCertificate {
  const cert = new X509Certificate(der);
  return {
    subject: parseName(cert.subject),
    issuer: parseName(cert.issuer),
    subjectaltname: cert.subjectAltName,
    valid_from: cert.validFrom,
    valid_to: cert.validTo,
    serialNumber: cert.serialNumber,
    fingerprint: cert.fingerprint,
    fingerprint256: cert.fingerprint256,
    raw: Buffer.from(der),
  };
}

/**
 * The node:tls view of a DER chain (leaf first): `{}` when empty (as node:tls returns for no
 * certificate); with `detailed`, each certificate links the next through `issuerCertificate`.
 * A certificate node:crypto cannot parse yields just `{ raw }`.
 */
export function peerCertificateFromChain(chain: readonly Uint8Array[], detailed = false): PeerCertificate | object {
  if (chain.length === 0) return {};
  const parse = (der: Uint8Array): PeerCertificate | { raw: Buffer } => {
    try {
      return describe(der);
    } catch {
      return { raw: Buffer.from(der) };
    }
  };
  const leaf = parse(chain[0]);
  if (!detailed) return leaf;
  let current = leaf as PeerCertificate;
  for (let i = 1; i < chain.length; i++) {
    const next = parse(chain[i]) as PeerCertificate;
    current.issuerCertificate = next;
    current = next;
  }
  const selfIssued = current.subject && JSON.stringify(current.subject) === JSON.stringify(current.issuer);
  if (selfIssued) current.issuerCertificate = current;
  return leaf;
}
