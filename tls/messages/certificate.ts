// Certificate and CertificateRequest (RFC 5246 §7.4.2, §7.4.4).
import { Reader, readU16List } from "../codec/reader.js";
import { Writer } from "../codec/writer.js";
import { TLS12 } from "../versions.js";

/** Encodes a Certificate body: a chain of DER certificates, leaf first (may be empty). */
export function encodeCertificate(chain: readonly Uint8Array[]): Uint8Array {
  return new Writer(64 + chain.reduce((n, c) => n + c.length + 3, 0))
    .vec24((w) => {
      for (const cert of chain) w.vec24(cert);
    })
    .finish();
}

/** Decodes a Certificate body; each certificate must be non-empty. */
export function decodeCertificate(body: Uint8Array): Uint8Array[] {
  const r = new Reader(body);
  const list = new Reader(r.vec24());
  r.end("Certificate");
  const chain: Uint8Array[] = [];
  while (list.remaining > 0) chain.push(list.vec24(1));
  return chain;
}

/** CertificateRequest fields. */
export interface CertificateRequest {
  /** ClientCertificateType codes (1 = rsa_sign). */
  certificateTypes: number[];
  /** TLS 1.2 supported_signature_algorithms (absent before TLS 1.2). */
  signatureAlgorithms?: number[];
  /** DER DistinguishedNames of acceptable CAs. */
  authorities: Uint8Array[];
}

/** Encodes a CertificateRequest for `version`. */
export function encodeCertificateRequest(m: CertificateRequest, version: number): Uint8Array {
  const w = new Writer().vec8(Uint8Array.from(m.certificateTypes));
  if (version >= TLS12) {
    w.vec16((v) => {
      for (const s of m.signatureAlgorithms ?? []) v.u16(s);
    });
  }
  w.vec16((v) => {
    for (const dn of m.authorities) v.vec16(dn);
  });
  return w.finish();
}

/** Decodes a CertificateRequest for `version`. */
export function decodeCertificateRequest(body: Uint8Array, version: number): CertificateRequest {
  const r = new Reader(body);
  const certificateTypes = Array.from(r.vec8(1));
  const signatureAlgorithms = version >= TLS12 ? readU16List(r.vec16(2, 0xfffe)) : undefined;
  const names = new Reader(r.vec16());
  r.end("CertificateRequest");
  const authorities: Uint8Array[] = [];
  while (names.remaining > 0) authorities.push(names.vec16(1));
  return { certificateTypes, signatureAlgorithms, authorities };
}
