// IP address text <-> bytes for iPAddress subjectAltNames (RFC 5280 §4.2.1.6: 4 or 16 octets).

/** Parses an IPv4 dotted quad or an RFC 4291 §2.2 IPv6 literal (optional `[...]`) to bytes, else null. */
export function parseIp(text: string): Uint8Array | null {
  const host = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  return parseIpv4(host) ?? parseIpv6(host);
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    out[i] = Number(p);
  }
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  if (!text.includes(":") || text.split("::").length > 2) return null;
  let groups: string[] = [];
  let tail = text;
  let v4: Uint8Array | null = null;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = text.slice(0, lastColon + 1) + "0:0";
  }
  const [head, rest] = tail.split("::") as [string, string | undefined];
  const headGroups = head === "" ? [] : head.split(":");
  const restGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const missing = 8 - headGroups.length - restGroups.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill("0"), ...restGroups];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = groups[i]!;
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    const v = Number.parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  }
  if (v4) out.set(v4, 12);
  return out;
}

/** Formats 4 or 16 address bytes the way OpenSSL prints them (IPv6 as 8 upper-case groups). */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join(".");
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16).toUpperCase());
  return groups.join(":");
}
