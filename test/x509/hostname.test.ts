import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Certificate } from "../../tls/x509/certificate.js";
import { matchesHostname, matchesPattern } from "../../tls/x509/hostname.js";
import { formatIp, parseIp } from "../../tls/x509/ip.js";
import { buildChainFixtures, type ChainFixtures } from "./chains.js";

describe("RFC 6125 presented-identifier matching", () => {
  it.each([
    ["*.example.com", "a.example.com", true],
    ["*.example.com", "a.b.example.com", false],
    ["*.example.com", "example.com", false],
    ["*.EXAMPLE.com", "a.example.com", true],
    ["*.example.com.", "a.example.com", true],
    ["a.example.com", "a.example.com", true],
    ["A.Example.COM", "a.example.com", true],
    ["a.example.com", "b.example.com", false],
    ["a.example.com", "aa.example.com", false],
    ["*.com", "example.com", false],
    ["*", "example", false],
    ["f*.example.com", "foo.example.com", false],
    ["*o.example.com", "foo.example.com", false],
    ["*.*.example.com", "a.b.example.com", false],
    ["a.*.example.com", "a.b.example.com", false],
    ["*.example.com", "*.example.com", false],
    ["example.com", "example.com", true],
    ["xn--caf-dma.example", "xn--caf-dma.example", true],
  ])("%s vs %s → %s", (pattern, host, expected) => {
    expect(matchesPattern(pattern, host)).toBe(expected);
  });
});

describe("IP literals", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::1", "0:0:0:0:0:0:0:1"],
    ["[::1]", "0:0:0:0:0:0:0:1"],
    ["2001:db8::ff00:42:8329", "2001:DB8:0:0:0:FF00:42:8329"],
    ["::ffff:192.0.2.1", "0:0:0:0:0:FFFF:C000:201"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
  ])("%s → %s", (text, formatted) => {
    expect(formatIp(parseIp(text)!)).toBe(formatted);
  });
  it.each([
    "256.0.0.1",
    "1.2.3",
    "01.2.3.4",
    "1::2::3",
    "1:2:3:4:5:6:7:8:9",
    "12345::",
    "example.com",
    ":1",
    "1:2:3:4:5:6:7::8",
  ])("rejects %s", (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe("matchesHostname agrees with node:crypto X509Certificate.checkHost/checkIP", () => {
  let fx: ChainFixtures;
  beforeAll(() => {
    fx = buildChainFixtures();
  });
  const HOSTS = [
    "a.example.com",
    "A.EXAMPLE.COM",
    "b.example.com",
    "x.wild.example.com",
    "wild.example.com",
    "a.b.wild.example.com",
    "example.com",
    "cn.example.com",
    "wildcard",
    "a.example.co",
  ];
  const IPS = ["127.0.0.1", "127.0.0.2", "::1", "0:0:0:0:0:0:0:1", "::2"];
  const CERTS = ["leaf", "leafWildcard", "leafCnOnly", "leafClientOnly"];
  const cases = CERTS.flatMap((c) => [...HOSTS, ...IPS].map((h) => [c, h] as const));
  it.each(cases)("%s for %s", (name, host) => {
    const cert = Certificate.fromPem(fx.pem[name]!);
    const node = new X509Certificate(fx.pem[name]!);
    const nodeResult = parseIp(host) ? node.checkIP(host) !== undefined : node.checkHost(host) !== undefined;
    // node's default `subject: "default"` uses the CN when there is no dNSName SAN: our allowCommonName.
    expect(matchesHostname(cert, host, { allowCommonName: true })).toBe(nodeResult);
    if (cert.extensions.subjectAltNames) expect(matchesHostname(cert, host)).toBe(nodeResult);
    else expect(matchesHostname(cert, host)).toBe(false);
  });
});
