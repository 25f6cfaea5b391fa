// Which certificate a client answers a CertificateRequest with (RFC 5246 §7.4.4, §7.4.6): the
// `selectClientCertificate` callback when given, else the `cert`/`key` options; none → empty Certificate.
import { certificatesFromOption, privateKeyFromOption } from "../credentials.js";
import type { CertificateRequest } from "../messages/certificate.js";
import type { PemOrDer, PrivateKeyInput } from "../options.js";
import type { ProviderRsaPrivateKey } from "../provider.js";
import type { HandshakeContext } from "./context.js";

/** The request as the selection callback sees it. */
export interface ClientCertificateRequest {
  /** ClientCertificateType codes (1 = rsa_sign; this engine signs with RSA only). */
  certificateTypes: readonly number[];
  /** DER DistinguishedNames of the CAs the server accepts (may be empty: any). */
  authorities: readonly Uint8Array[];
  /** TLS 1.2 signature schemes the server accepts (empty before TLS 1.2). */
  signatureSchemes: readonly number[];
  /** The negotiated version, node:tls spelling. */
  version: string;
}

/** A chain (leaf first) and its private key, as for the `cert` / `key` options. */
export interface ClientCredentials {
  cert: PemOrDer | PemOrDer[];
  key: PrivateKeyInput;
}

/** Picks the client's credentials for a request, or `null` to send an empty Certificate. May be async. */
export type ClientCertificateSelector = (
  request: ClientCertificateRequest,
) => ClientCredentials | null | undefined | Promise<ClientCredentials | null | undefined>;

/** Credentials ready to use; `dispose` frees a key imported for this handshake. */
export interface SelectedCredentials {
  chain: readonly Uint8Array[];
  key: ProviderRsaPrivateKey;
  dispose(): void;
}

/** The credentials answering the server's request, or undefined (empty Certificate). */
export async function selectClientCredentials(
  ctx: HandshakeContext,
  request: CertificateRequest,
  version: string,
): Promise<SelectedCredentials | undefined> {
  const { config } = ctx;
  const selector = config.selectClientCertificate;
  if (!selector) {
    if (config.certificateChain.length === 0 || !config.privateKey) return undefined;
    return { chain: config.certificateChain, key: config.privateKey, dispose: () => {} };
  }
  const chosen = await selector({
    certificateTypes: request.certificateTypes,
    authorities: request.authorities,
    signatureSchemes: request.signatureAlgorithms ?? [],
    version,
  });
  if (!chosen) return undefined;
  const chain = certificatesFromOption(chosen.cert);
  if (chain.length === 0) return undefined;
  const key = privateKeyFromOption(chosen.key, config.provider);
  const imported = key !== chosen.key;
  return { chain, key, dispose: () => (imported ? key.dispose?.() : undefined) };
}
