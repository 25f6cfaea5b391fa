// Object identifiers used by the key and certificate parsers (dotted form).

/** rsaEncryption, RFC 8017 Appendix C. */
export const OID_RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
/** id-RSASSA-PSS, RFC 8017 Appendix C / RFC 4055 §3.1. */
export const OID_RSASSA_PSS = "1.2.840.113549.1.1.10";
/** id-mgf1, RFC 8017 Appendix B.2.1. */
export const OID_MGF1 = "1.2.840.113549.1.1.8";
/** id-ecPublicKey, RFC 5480 §2.1.1 (recognized so non-RSA keys can be reported). */
export const OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1";
/** id-Ed25519, RFC 8410 §3. */
export const OID_ED25519 = "1.3.101.112";

/** PKCS#1 v1.5 signature algorithms (RFC 8017 Appendix C, RFC 4055 §5) → their digest. */
export const PKCS1_SIGNATURE_OIDS: Readonly<
  Record<string, "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512">
> = {
  "1.2.840.113549.1.1.4": "md5",
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.14": "sha224",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
};

/** Digest algorithm identifiers (RFC 8017 Appendix B.1, NIST CSOR). */
export const HASH_OIDS: Readonly<Record<string, "md5" | "sha1" | "sha224" | "sha256" | "sha384" | "sha512">> = {
  "1.2.840.113549.2.5": "md5",
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.4": "sha224",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/** Certificate extensions, RFC 5280 §4.2. */
export const OID_EXT = {
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  extKeyUsage: "2.5.29.37",
  authorityKeyIdentifier: "2.5.29.35",
} as const;

/** Extended key usage purposes, RFC 5280 §4.2.1.12. */
export const OID_EKU = {
  anyExtendedKeyUsage: "2.5.29.37.0",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
} as const;

/** Short names of distinguished-name attribute types (RFC 4514 §3 plus the OpenSSL short names). */
export const DN_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.42": "GN",
  "2.5.4.13": "description",
  "2.5.4.15": "businessCategory",
  "2.5.4.16": "postalAddress",
  "2.5.4.17": "postalCode",
  "2.5.4.41": "name",
  "2.5.4.43": "initials",
  "2.5.4.44": "generationQualifier",
  "2.5.4.46": "dnQualifier",
  "2.5.4.65": "pseudonym",
  "2.5.4.97": "organizationIdentifier",
  "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionL",
  "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionST",
  "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionC",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID",
  "1.2.840.113549.1.9.1": "emailAddress",
};

/** OID of the commonName attribute. */
export const OID_COMMON_NAME = "2.5.4.3";
