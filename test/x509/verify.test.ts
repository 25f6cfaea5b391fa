import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { Certificate } from "../../tls/x509/certificate.js";
import { CertificateError } from "../../tls/x509/errors.js";
import { checkCertificateSignature } from "../../tls/x509/signature-check.js";
import { checkChain, type VerifyChainOptions, verifyChain } from "../../tls/x509/verify.js";
import { buildChainFixtures, type ChainFixtures } from "./chains.js";

let fx: ChainFixtures;
const certs: Record<string, Certificate> = {};
const DAY = 86_400_000;
let validNow: Date;

beforeAll(() => {
  fx = buildChainFixtures();
  for (const [name, der] of Object.entries(fx.der)) certs[name] = Certificate.fromDer(der);
  validNow = new Date(certs.leaf!.notBefore.getTime() + DAY);
});

/** Flips one byte of `name`'s DER at `offset` from the end (negative) or start. */
function tampered(name: string, offset: number): Certificate {
  const der = fx.der[name]!.slice();
  const i = offset < 0 ? der.length + offset : offset;
  der[i]! ^= 0x01;
  return Certificate.fromDer(der);
}

interface Case {
  name: string;
  chain: (string | (() => Certificate))[];
  roots?: string[];
  options?: Partial<VerifyChainOptions> & { nowOffset?: (leaf: Certificate) => Date };
  expected: string;
  depth?: number;
}

const CASES: Case[] = [
  { name: "good chain", chain: ["leaf", "inter"], expected: "OK" },
  { name: "good chain with root and unrelated extras", chain: ["leaf", "otherRoot", "root", "inter"], expected: "OK" },
  { name: "intermediate as trust anchor", chain: ["leaf"], roots: ["inter"], expected: "OK" },
  { name: "leaf without its intermediate", chain: ["leaf"], expected: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", depth: 0 },
  {
    name: "untrusted root",
    chain: ["leaf", "inter"],
    roots: ["otherRoot"],
    expected: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    depth: 1,
  },
  {
    name: "untrusted root presented",
    chain: ["leaf", "inter", "root"],
    roots: ["otherRoot"],
    expected: "SELF_SIGNED_CERT_IN_CHAIN",
    depth: 2,
  },
  { name: "no roots", chain: ["leaf", "inter"], roots: [], expected: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", depth: 1 },
  {
    name: "expired",
    chain: ["leaf", "inter"],
    options: { nowOffset: (leaf) => new Date(leaf.notAfter.getTime() + DAY) },
    expected: "CERT_HAS_EXPIRED",
  },
  {
    name: "not yet valid",
    chain: ["leaf", "inter"],
    options: { nowOffset: (leaf) => new Date(leaf.notBefore.getTime() - DAY) },
    expected: "CERT_NOT_YET_VALID",
  },
  { name: "client-only EKU for a server", chain: ["leafClientOnly", "inter"], expected: "INVALID_PURPOSE", depth: 0 },
  {
    name: "client-only EKU for a client",
    chain: ["leafClientOnly", "inter"],
    options: { purpose: "clientAuth", hostname: undefined },
    expected: "OK",
  },
  {
    name: "server-only EKU for a client",
    chain: ["leafServerOnly", "inter"],
    options: { purpose: "clientAuth", hostname: undefined },
    expected: "INVALID_PURPOSE",
  },
  {
    name: "leaf keyUsage keyCertSign only",
    chain: ["leafKeyCertSignOnly", "inter"],
    expected: "INVALID_PURPOSE",
    depth: 0,
  },
  { name: "CA:false intermediate", chain: ["leafUnderNotCa", "interNotCa"], expected: "INVALID_CA", depth: 1 },
  {
    name: "intermediate without keyCertSign",
    chain: ["leafNoCertSign", "interNoCertSign"],
    expected: "KEYUSAGE_NO_CERTSIGN",
    depth: 1,
  },
  {
    name: "intermediate EKU clientAuth, server purpose",
    chain: ["leafUnderClientEku", "interClientEku"],
    expected: "INVALID_PURPOSE",
    depth: 1,
  },
  {
    name: "intermediate EKU clientAuth, client purpose",
    chain: ["leafUnderClientEku", "interClientEku"],
    options: { purpose: "clientAuth" },
    expected: "OK",
  },
  {
    name: "pathLen 0 exceeded",
    chain: ["leafPathLen", "subInterUnderPathLen0", "inter"],
    expected: "PATH_LENGTH_EXCEEDED",
    depth: 2,
  },
  { name: "two intermediates without pathLen", chain: ["leafDeep", "interUnlimited", "subInter"], expected: "OK" },
  {
    name: "chain longer than maxDepth",
    chain: ["leafDeep", "subInter", "interUnlimited"],
    options: { maxDepth: 3 },
    expected: "CERT_CHAIN_TOO_LONG",
  },
  {
    name: "wrong host",
    chain: ["leaf", "inter"],
    options: { hostname: "b.example.com" },
    expected: "HOSTNAME_MISMATCH",
    depth: 0,
  },
  { name: "wildcard SAN host", chain: ["leaf", "inter"], options: { hostname: "x.wild.example.com" }, expected: "OK" },
  { name: "IPv4 SAN", chain: ["leaf", "inter"], options: { hostname: "127.0.0.1" }, expected: "OK" },
  { name: "IPv6 SAN", chain: ["leaf", "inter"], options: { hostname: "::1" }, expected: "OK" },
  {
    name: "IP not in SAN",
    chain: ["leaf", "inter"],
    options: { hostname: "127.0.0.2" },
    expected: "HOSTNAME_MISMATCH",
  },
  {
    name: "CN only, CN not allowed",
    chain: ["leafCnOnly", "inter"],
    options: { hostname: "cn.example.com" },
    expected: "HOSTNAME_MISMATCH",
  },
  {
    name: "CN only, CN allowed",
    chain: ["leafCnOnly", "inter"],
    options: { hostname: "cn.example.com", allowCommonName: true },
    expected: "OK",
  },
  { name: "no hostname given", chain: ["leafCnOnly", "inter"], options: { hostname: undefined }, expected: "OK" },
  { name: "self-signed leaf", chain: ["selfSigned"], expected: "DEPTH_ZERO_SELF_SIGNED_CERT", depth: 0 },
  {
    name: "self-signed leaf with intermediates",
    chain: ["selfSigned", "inter"],
    expected: "DEPTH_ZERO_SELF_SIGNED_CERT",
  },
  { name: "self-signed leaf in roots", chain: ["selfSigned"], roots: ["selfSigned"], expected: "OK" },
  {
    name: "unknown critical extension",
    chain: ["leafUnknownCritical", "inter"],
    options: { hostname: undefined },
    expected: "UNHANDLED_CRITICAL_EXTENSION",
  },
  { name: "unknown non-critical extension", chain: ["leafUnknownNonCritical", "inter"], expected: "OK" },
  { name: "sha1WithRSAEncryption", chain: ["leafSha1", "inter"], expected: "OK" },
  { name: "sha384WithRSAEncryption", chain: ["leafSha384", "inter"], expected: "OK" },
  { name: "sha512WithRSAEncryption", chain: ["leafSha512", "inter"], expected: "OK" },
  { name: "RSASSA-PSS (salt = digest length)", chain: ["leafPss", "inter"], expected: "OK" },
  {
    name: "RSASSA-PSS (maximum salt)",
    chain: ["leafPssMaxSalt", "inter"],
    expected: "UNSUPPORTED_SIGNATURE_ALGORITHM",
  },
  { name: "md5WithRSAEncryption", chain: ["leafMd5", "inter"], expected: "CA_MD_TOO_WEAK", depth: 0 },
  {
    name: "tampered signature",
    chain: [() => tampered("leaf", -1), "inter"],
    expected: "CERT_SIGNATURE_FAILURE",
    depth: 0,
  },
  {
    name: "tampered TBS",
    chain: [() => tampered("leaf", 200), "inter"],
    options: { hostname: undefined },
    expected: "CERT_SIGNATURE_FAILURE",
  },
  {
    name: "tampered intermediate",
    chain: ["leaf", () => tampered("inter", -1)],
    expected: "CERT_SIGNATURE_FAILURE",
    depth: 1,
  },
  { name: "empty chain", chain: [], expected: "EMPTY_CHAIN" },
  { name: "EC leaf key", chain: ["leafEc", "inter"], expected: "UNSUPPORTED_PUBLIC_KEY", depth: 0 },
  {
    name: "ECDSA-signed certificate",
    chain: ["interUnderEcRoot"],
    roots: ["ecRoot"],
    expected: "UNSUPPORTED_SIGNATURE_ALGORITHM",
    depth: 0,
  },
  { name: "version 1 root as trust anchor", chain: ["leafUnderV1Root"], roots: ["v1Root"], expected: "OK" },
  {
    name: "version 1 intermediate",
    chain: ["leafUnderV1Inter", "v1Inter"],
    roots: ["v1Root"],
    expected: "INVALID_CA",
    depth: 1,
  },
];

function run(c: Case) {
  const chain = c.chain.map((x) => (typeof x === "string" ? certs[x]! : x()));
  const { nowOffset, ...rest } = c.options ?? {};
  const options: VerifyChainOptions = {
    roots: (c.roots ?? ["root"]).map((r) => certs[r]!),
    hostname: "a.example.com",
    purpose: "serverAuth",
    provider: nodeCryptoProvider,
    now: nowOffset ? nowOffset(certs.leaf!) : validNow,
    ...rest,
  };
  return { chain, result: checkChain(chain, options), options };
}

describe("verifyChain", () => {
  it.each(CASES)("$name → $expected", (c) => {
    const { chain, result } = run(c);
    if (c.expected === "OK") {
      if (!result.ok) throw result.error;
      expect(result.path[0]).toBe(chain[0]);
      expect(result.leafKey).toEqual(chain[0]!.publicKey);
      const last = result.path.at(-1)!;
      expect(c.roots ?? ["root"]).toContain(Object.keys(certs).find((k) => certs[k] === last));
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.reason).toBe(c.expected);
      expect(result.error.code).toBe(c.expected);
      if (c.depth !== undefined) expect(result.error.depth).toBe(c.depth);
    }
  });

  it("throws CertificateError from verifyChain", () => {
    const c = CASES.find((x) => x.name === "wrong host")!;
    const { chain, options } = run(c);
    expect(() => verifyChain(chain, options)).toThrow(CertificateError);
  });

  it("returns the full path leaf → intermediate → root", () => {
    const { result } = run(CASES[0]!);
    expect(result.ok && result.path.map((p) => p.subject.commonName)).toEqual([
      "a.example.com",
      "Test Intermediate",
      "Test Root",
    ]);
  });
});

describe("signature checks agree with node:crypto X509Certificate.verify", () => {
  const PAIRS: [string, string][] = [
    ["leaf", "inter"],
    ["leaf", "root"],
    ["inter", "root"],
    ["inter", "otherRoot"],
    ["leafSha1", "inter"],
    ["leafSha384", "inter"],
    ["leafSha512", "inter"],
    ["leafPss", "inter"],
    ["leafPss", "root"],
    ["root", "root"],
    ["selfSigned", "selfSigned"],
    ["leafDeep", "subInter"],
    ["subInter", "interUnlimited"],
    ["leafOtherRoot", "otherRoot"],
    ["leafOtherRoot", "root"],
  ];
  it.each(PAIRS)("%s signed by %s", (child, issuer) => {
    const ours = checkCertificateSignature(certs[child]!, certs[issuer]!, nodeCryptoProvider) === null;
    const node = new X509Certificate(fx.pem[child]!).verify(new X509Certificate(fx.pem[issuer]!).publicKey);
    expect(ours).toBe(node);
  });
  it("tampered certificates fail in both", () => {
    const bad = tampered("leaf", -1);
    expect(checkCertificateSignature(bad, certs.inter!, nodeCryptoProvider)?.reason).toBe("CERT_SIGNATURE_FAILURE");
    expect(new X509Certificate(Buffer.from(bad.raw)).verify(new X509Certificate(fx.pem.inter!).publicKey)).toBe(false);
  });
});

describe("every single-bit corruption of a valid chain is rejected", () => {
  it.each([0, 1])("flipping bits anywhere in chain[%i] yields a parse error or a failed validation", (position) => {
    const names = ["leaf", "inter"];
    const der = fx.der[names[position]!]!;
    const outcomes = new Map<string, number>();
    for (let i = 0; i < der.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const bad = der.slice();
        bad[i]! ^= mask;
        let reason: string;
        try {
          const chain = names.map((n, j) => (j === position ? Certificate.fromDer(bad) : certs[n]!));
          const result = checkChain(chain, {
            roots: [certs.root!],
            hostname: "a.example.com",
            purpose: "serverAuth",
            provider: nodeCryptoProvider,
            now: validNow,
          });
          reason = result.ok ? "OK" : result.error.reason;
        } catch (e) {
          if (!(e instanceof CertificateError)) throw e;
          reason = e.reason;
        }
        outcomes.set(reason, (outcomes.get(reason) ?? 0) + 1);
      }
    }
    expect(outcomes.get("OK")).toBeUndefined();
    expect(outcomes.get("CERT_PARSE_ERROR")).toBeGreaterThan(0);
    expect(outcomes.get("CERT_SIGNATURE_FAILURE")).toBeGreaterThan(0);
  });
});

describe("the signature check is pluggable through the provider", () => {
  it("hashes the exact TBS bytes with the certificate's hash and asks the issuer key", () => {
    const calls: string[] = [];
    const provider: VerifyChainOptions["provider"] = {
      hash: (name, data) => {
        calls.push(`hash ${name} ${Buffer.from(data).toString("hex").slice(0, 16)} ${data.length}`);
        return nodeCryptoProvider.hash(name, data);
      },
      importRsaPublicKey: (key) => {
        const real = nodeCryptoProvider.importRsaPublicKey(key);
        calls.push(`import ${Buffer.from(key.n).toString("hex").slice(0, 16)}`);
        return {
          bits: real.bits,
          encryptPkcs1v15: () => {
            throw new Error("unused");
          },
          verifyPkcs1v15: (h, d, s) => {
            calls.push(`pkcs1 ${h}`);
            return real.verifyPkcs1v15(h, d, s);
          },
          verifyPss: (h, d, s) => {
            calls.push(`pss ${h}`);
            return real.verifyPss(h, d, s);
          },
        };
      },
    };
    const leaf = certs.leafPss!;
    expect(checkCertificateSignature(leaf, certs.inter!, provider)).toBeNull();
    const tbs = Buffer.from(leaf.tbs);
    expect(calls).toEqual([
      `import ${Buffer.from(certs.inter!.publicKey!.n).toString("hex").slice(0, 16)}`,
      `hash sha256 ${tbs.toString("hex").slice(0, 16)} ${tbs.length}`,
      "pss sha256",
    ]);
  });

  it("a provider that rejects the key yields UNSUPPORTED_PUBLIC_KEY, and a refusing verifier a signature failure", () => {
    const rejecting: VerifyChainOptions["provider"] = {
      hash: nodeCryptoProvider.hash,
      importRsaPublicKey: () => {
        throw new RangeError("modulus too large");
      },
    };
    expect(checkCertificateSignature(certs.leaf!, certs.inter!, rejecting)?.reason).toBe("UNSUPPORTED_PUBLIC_KEY");
    const refusing: VerifyChainOptions["provider"] = {
      hash: nodeCryptoProvider.hash,
      importRsaPublicKey: (key) => ({
        ...nodeCryptoProvider.importRsaPublicKey(key),
        verifyPkcs1v15: () => false,
        bits: 1024,
      }),
    };
    const result = checkChain([certs.leaf!, certs.inter!], {
      roots: [certs.root!],
      purpose: "serverAuth",
      provider: refusing,
      now: validNow,
    });
    expect(!result.ok && result.error.reason).toBe("CERT_SIGNATURE_FAILURE");
  });
});
