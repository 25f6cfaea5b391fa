// Server identity check, RFC 6125 §6 (as profiled by RFC 9525 for wildcards): DNS-IDs from the
// subjectAltName dNSName entries, the wildcard only as the complete left-most label, IP literals
// against iPAddress entries, and the subject commonName only when no DNS-ID/URI-ID exists and the
// caller opts in.

import { equalBytes } from "./bytes.js";
import type { Certificate } from "./certificate.js";
import { parseIp } from "./ip.js";

/** Options of `matchesHostname`. */
export interface HostnameOptions {
  /** Fall back to the subject CN when the certificate has no dNSName/URI subjectAltName. Default false. */
  allowCommonName?: boolean;
}

/** True when `cert` is valid for `hostname` (a DNS name or an IPv4/IPv6 literal). */
export function matchesHostname(cert: Certificate, hostname: string, options: HostnameOptions = {}): boolean {
  const san = cert.extensions.subjectAltNames;
  const ip = parseIp(hostname);
  if (ip) return (san?.ipAddresses ?? []).some((candidate) => equalBytes(candidate, ip));
  const dnsNames = san?.dnsNames ?? [];
  if (dnsNames.length > 0 || (san?.uris.length ?? 0) > 0) return dnsNames.some((p) => matchesPattern(p, hostname));
  if (!options.allowCommonName) return false;
  const cn = cert.subject.commonName;
  return cn !== undefined && matchesPattern(cn, hostname);
}

/** Lower-cases, drops one trailing dot and checks LDH-ish syntax; null when not a usable DNS name. */
function normalizeDnsName(name: string): string | null {
  const lower = (name.endsWith(".") ? name.slice(0, -1) : name).toLowerCase();
  if (lower.length === 0 || lower.length > 253) return null;
  const labels = lower.split(".");
  return labels.every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l)) ? lower : null;
}

/**
 * Matches one presented identifier (a SAN dNSName or CN) against a host name. `*` is accepted only as the entire
 * left-most label of a name with at least three labels, and stands for exactly one label.
 */
export function matchesPattern(pattern: string, hostname: string): boolean {
  const host = normalizeDnsName(hostname);
  if (host === null) return false;
  const p = (pattern.endsWith(".") ? pattern.slice(0, -1) : pattern).toLowerCase();
  if (!p.includes("*")) return normalizeDnsName(p) === host;
  const labels = p.split(".");
  if (labels[0] !== "*" || labels.length < 3 || labels.slice(1).some((l) => l.includes("*"))) return false;
  const suffix = labels.slice(1).join(".");
  if (normalizeDnsName(suffix) !== suffix) return false;
  const dot = host.indexOf(".");
  return dot > 0 && host.slice(dot + 1) === suffix;
}
