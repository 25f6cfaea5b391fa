// Test helper: builds certificate chains with the openssl CLI (OpenSSL 3.0 syntax) in a temp dir.
import { X509Certificate } from "node:crypto";
import { OpenSslDir } from "./openssl.js";

/** Extension sections used by the fixtures (openssl x509v3_config syntax). */
const EXTENSIONS = `
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[inter]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_unlimited]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_not_ca]
basicConstraints = critical, CA:false
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_no_certsign]
basicConstraints = critical, CA:true
keyUsage = critical, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[inter_client_eku]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:a.example.com, DNS:*.wild.example.com, IP:127.0.0.1, IP:::1
authorityKeyIdentifier = keyid
[leaf_client_only]
extendedKeyUsage = clientAuth
subjectAltName = DNS:a.example.com
[leaf_server_only]
extendedKeyUsage = serverAuth
subjectAltName = DNS:a.example.com
[leaf_key_cert_sign_only]
keyUsage = critical, keyCertSign
subjectAltName = DNS:a.example.com
[leaf_wildcard]
subjectAltName = DNS:*.example.com
[leaf_cn_only]
basicConstraints = CA:false
[leaf_unknown_critical]
subjectAltName = DNS:a.example.com
1.3.6.1.4.1.99999.1 = critical, ASN1:NULL
[leaf_unknown_noncritical]
subjectAltName = DNS:a.example.com
1.3.6.1.4.1.99999.1 = ASN1:NULL
[self_signed]
basicConstraints = CA:false
subjectAltName = DNS:a.example.com
`;

/** Named PEM certificates of the fixture set. */
export interface ChainFixtures {
  /** PEM text per certificate name. */
  pem: Record<string, string>;
  /** DER bytes per certificate name. */
  der: Record<string, Uint8Array>;
}

type Spec = [name: string, issuer: string | null, subject: string, section: string, key: string, extra?: string[]];

/**
 * Certificates (issuer `null` = self-signed):
 * root → inter (pathlen 0) → leaf* ; root → interNotCa → leafUnderNotCa ; root → interUnlimited →
 * subInter → leafDeep ; inter → subInterUnderPathLen0 → leafPathLen ; root → interNoCertSign → leafNoCertSign ;
 * otherRoot (untrusted) ; selfSigned ; leaf variants signed with sha1/sha384/sha512/PSS/md5 ; an EC leaf
 * and an EC root ; a version-1 root (no extensions) with a leaf and a version-1 intermediate below it.
 */
const SPECS: Spec[] = [
  ["root", null, "/O=wassl test/CN=Test Root", "root", "root"],
  ["otherRoot", null, "/O=wassl test/CN=Other Root", "root", "other"],
  ["inter", "root", "/O=wassl test/CN=Test Intermediate", "inter", "inter"],
  ["interNotCa", "root", "/CN=Not A CA", "inter_not_ca", "inter"],
  ["interUnlimited", "root", "/CN=Unlimited Intermediate", "inter_unlimited", "inter"],
  ["interNoCertSign", "root", "/CN=No CertSign Intermediate", "inter_no_certsign", "inter"],
  ["interClientEku", "root", "/CN=Client EKU Intermediate", "inter_client_eku", "inter"],
  ["subInter", "interUnlimited", "/CN=Sub Intermediate", "inter_unlimited", "sub"],
  ["subInterUnderPathLen0", "inter", "/CN=Sub Under PathLen 0", "inter_unlimited", "sub"],
  ["leaf", "inter", "/CN=a.example.com", "leaf", "leaf"],
  ["leafSha1", "inter", "/CN=a.example.com", "leaf", "leaf", ["-sha1"]],
  ["leafSha384", "inter", "/CN=a.example.com", "leaf", "leaf", ["-sha384"]],
  ["leafSha512", "inter", "/CN=a.example.com", "leaf", "leaf", ["-sha512"]],
  [
    "leafPss",
    "inter",
    "/CN=a.example.com",
    "leaf",
    "leaf",
    [
      "-sha256",
      "-sigopt",
      "rsa_padding_mode:pss",
      "-sigopt",
      "rsa_pss_saltlen:digest",
      "-sigopt",
      "rsa_mgf1_md:sha256",
    ],
  ],
  [
    "leafPssMaxSalt",
    "inter",
    "/CN=a.example.com",
    "leaf",
    "leaf",
    ["-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:max"],
  ],
  ["leafMd5", "inter", "/CN=a.example.com", "leaf", "leaf", ["-md5"]],
  ["leafClientOnly", "inter", "/CN=client", "leaf_client_only", "leaf"],
  ["leafServerOnly", "inter", "/CN=server", "leaf_server_only", "leaf"],
  ["leafKeyCertSignOnly", "inter", "/CN=odd usage", "leaf_key_cert_sign_only", "leaf"],
  ["leafWildcard", "inter", "/CN=wildcard", "leaf_wildcard", "leaf"],
  ["leafCnOnly", "inter", "/CN=cn.example.com", "leaf_cn_only", "leaf"],
  ["leafUnknownCritical", "inter", "/CN=critical", "leaf_unknown_critical", "leaf"],
  ["leafUnknownNonCritical", "inter", "/CN=noncritical", "leaf_unknown_noncritical", "leaf"],
  ["leafUnderNotCa", "interNotCa", "/CN=a.example.com", "leaf", "leaf"],
  ["leafDeep", "subInter", "/CN=a.example.com", "leaf", "leaf"],
  ["leafPathLen", "subInterUnderPathLen0", "/CN=a.example.com", "leaf", "leaf"],
  ["leafNoCertSign", "interNoCertSign", "/CN=a.example.com", "leaf", "leaf"],
  ["leafUnderClientEku", "interClientEku", "/CN=a.example.com", "leaf", "leaf"],
  ["leafOtherRoot", "otherRoot", "/CN=a.example.com", "leaf", "leaf"],
  ["leafEc", "inter", "/CN=a.example.com", "leaf", "ec"],
  ["ecRoot", null, "/CN=EC Root", "root", "ec"],
  ["interUnderEcRoot", "ecRoot", "/CN=Under EC Root", "inter", "inter"],
  ["v1Root", null, "/CN=Version 1 Root", "", "other"],
  ["v1Inter", "v1Root", "/CN=Version 1 Intermediate", "", "inter"],
  ["leafUnderV1Root", "v1Root", "/CN=a.example.com", "leaf_server_only", "leaf"],
  ["leafUnderV1Inter", "v1Inter", "/CN=a.example.com", "leaf_server_only", "leaf"],
  ["selfSigned", null, "/CN=a.example.com", "self_signed", "leaf"],
];

/** Builds every fixture certificate (1024-bit keys, 30-day validity starting now). */
export function buildChainFixtures(): ChainFixtures {
  const ssl = new OpenSslDir();
  try {
    ssl.write("ext.cnf", EXTENSIONS);
    for (const key of ["root", "other", "inter", "sub", "leaf"]) {
      ssl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", `${key}.key`);
    }
    ssl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
    const keyOf = new Map<string, string>();
    const pem: Record<string, string> = {};
    const der: Record<string, Uint8Array> = {};
    let serial = 1;
    for (const [name, issuer, subject, section, key, extra = []] of SPECS) {
      keyOf.set(name, key);
      const extensions = section === "" ? [] : ["-extfile", "ext.cnf", "-extensions", section];
      const common = ["-days", "30", ...extensions, "-set_serial", String(serial++), "-out", `${name}.pem`];
      ssl.run("req", "-new", "-key", `${key}.key`, "-subj", subject, "-out", `${name}.csr`);
      if (issuer === null) {
        ssl.run(
          "x509",
          "-req",
          "-in",
          `${name}.csr`,
          "-signkey",
          `${key}.key`,
          ...common,
          ...(extra.length ? extra : ["-sha256"]),
        );
      } else {
        ssl.run(
          "x509",
          "-req",
          "-in",
          `${name}.csr`,
          "-CA",
          `${issuer}.pem`,
          "-CAkey",
          `${keyOf.get(issuer)}.key`,
          ...common,
          ...(extra.length ? extra : ["-sha256"]),
        );
      }
      pem[name] = ssl.read(`${name}.pem`);
      der[name] = new Uint8Array(new X509Certificate(pem[name]).raw);
    }
    return { pem, der };
  } finally {
    ssl.dispose();
  }
}
