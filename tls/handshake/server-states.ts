// Server handshake states (RFC 5246 §7.3, full handshake with RSA key exchange). Flow: flows.ts.
import { fail } from "../alerts.js";
import { computeExtendedMasterSecret, computeMasterSecret } from "../keys/master-secret.js";
import { decodeCertificate, encodeCertificate, encodeCertificateRequest } from "../messages/certificate.js";
import {
  decodeAlpn,
  decodeServerName,
  decodeSignatureAlgorithms,
  type Extension,
  ExtensionType,
  encodeAlpn,
  expectEmptyExtension,
} from "../messages/extensions.js";
import { type HandshakeMessage, HandshakeType } from "../messages/handshake-types.js";
import { type ClientHello, decodeClientHello, encodeServerHello } from "../messages/hello.js";
import { decodeCertificateVerify, decodeRsaClientKeyExchange } from "../messages/key-exchange.js";
import { type CipherSuite, suiteAllowsVersion, TLS_FALLBACK_SCSV } from "../suites.js";
import { SSL3, TLS12, versionName } from "../versions.js";
import { checkPeerCertificate } from "./certificate-check.js";
import {
  certificateAuthorities,
  certificateVerifyDigest,
  hashOfScheme,
  RSA_SIGN,
  SUPPORTED_SIGNATURE_SCHEMES,
} from "./client-auth.js";
import { DOWNGRADE_SENTINEL_TLS11, type HandshakeContext, isDowngradeToTls11 } from "./context.js";
import { sendExportServerKeyExchange } from "./export-key-exchange.js";
import { ExpectChangeCipherSpec } from "./finish-states.js";
import { decodeMaxFragmentLength, encodeMaxFragmentLength, type MaxFragmentLength } from "./max-fragment-length.js";
import { checkClientRenegotiationInfo, serverRenegotiationInfo } from "./renegotiation.js";
import { findResumableSession, resumeAsServer } from "./resumption.js";
import { ExpectMessage, type HandshakeState } from "./state.js";

/** Highest common version, or protocol_version (RFC 5246 Appendix E.1). */
export function negotiateVersion(clientVersion: number, minVersion: number, maxVersion: number): number {
  if (clientVersion >> 8 !== 3) fail("protocol_version", `client version ${clientVersion.toString(16)}`);
  const version = Math.min(clientVersion, maxVersion);
  if (version < minVersion) fail("protocol_version", `client offers at most ${clientVersion.toString(16)}`);
  return version;
}

/** The suite to use: server order by default (`honorCipherOrder`), else the client's; handshake_failure if none. */
export function selectSuite(
  serverSuites: readonly CipherSuite[],
  clientSuites: number[],
  version: number,
  serverPreference: boolean,
): CipherSuite {
  const usable = serverSuites.filter((s) => suiteAllowsVersion(s, version));
  const offered = new Set(clientSuites);
  const chosen = serverPreference
    ? usable.find((s) => offered.has(s.id))
    : clientSuites.map((id) => usable.find((s) => s.id === id)).find((s) => s !== undefined);
  return chosen ?? fail("handshake_failure", "no cipher suite in common");
}

/** Waiting for the ClientHello that starts the handshake. */
export class ExpectClientHello extends ExpectMessage {
  readonly name = "ExpectClientHello";
  readonly expects = [HandshakeType.client_hello];

  protected async handle(ctx: HandshakeContext, message: HandshakeMessage): Promise<HandshakeState> {
    const { config } = ctx;
    const hello = decodeClientHello(message.body);
    // 1. Version and suite. RFC 7507: a fallback retry below our best version means a downgrade attack.
    const version = negotiateVersion(hello.version, config.minVersion, config.maxVersion);
    if (hello.cipherSuites.includes(TLS_FALLBACK_SCSV) && hello.version < config.maxVersion) {
      fail("inappropriate_fallback", "TLS_FALLBACK_SCSV below the highest supported version");
    }
    const suite = selectSuite(config.suites, hello.cipherSuites, version, config.honorCipherOrder);
    if (!hello.compressionMethods.includes(0)) fail("illegal_parameter", "client does not offer null compression");
    // 2. Extensions we understand.
    readClientExtensions(ctx, hello);
    // RFC 7366 §3: encrypt-then-MAC only applies to CBC suites.
    if (suite.kind !== "cbc") ctx.encryptThenMac = false;
    if (version === SSL3) withoutTlsExtensions(ctx);
    ctx.clientHelloVersion = hello.version;
    ctx.clientRandom = hello.random;
    ctx.negotiated(version, suite);
    ctx.hooks.trace(
      "hello negotiated",
      `${versionName(version)} ${suite.name}${ctx.extendedMasterSecret ? " EMS" : ""}`,
    );
    // 3. Resumption (session ID or RFC 5077 ticket): ServerHello echoing the ID, ChangeCipherSpec, Finished.
    const session = version === SSL3 ? undefined : await findResumableSession(ctx, hello, version);
    if (session) {
      const resumedSuite = config.suites.find((s) => s.id === session.cipherSuite)!;
      if (resumedSuite.kind !== "cbc") ctx.encryptThenMac = false;
      ctx.negotiated(version, resumedSuite);
      ctx.resumed = true;
      ctx.sessionId = hello.sessionId.length > 0 ? hello.sessionId : config.provider.randomBytes(32);
      ctx.hooks.trace("session resumed", `abbreviated handshake, ${resumedSuite.name}`);
      sendServerHello(ctx, version, resumedSuite);
      return resumeAsServer(ctx, session);
    }
    ctx.ticketExpected = ctx.clientSupportsTickets && version !== SSL3;
    // 4. ServerHello, Certificate, [CertificateRequest], ServerHelloDone.
    sendServerHello(ctx, version, suite);
    ctx.sendHandshake(HandshakeType.certificate, encodeCertificate(config.certificateChain));
    // Export suites: a temporary 512-bit key unless the certificate key is already that small.
    if (suite.exportKeyMaterialLength > 0 && config.privateKey!.bits > 512) {
      return sendExportServerKeyExchange(ctx).then(() => finishServerFlight(ctx, version));
    }
    return finishServerFlight(ctx, version);
  }
}

/** CertificateRequest (when asked for) and ServerHelloDone; the state waiting for the client's reply. */
function finishServerFlight(ctx: HandshakeContext, version: number): HandshakeState {
  const { config } = ctx;
  const requestCert = ctx.requestCertNow ?? config.requestCert;
  if (requestCert) {
    const request = {
      certificateTypes: [RSA_SIGN],
      signatureAlgorithms: [...SUPPORTED_SIGNATURE_SCHEMES],
      authorities: certificateAuthorities(config.roots),
    };
    ctx.sendHandshake(HandshakeType.certificate_request, encodeCertificateRequest(request, version));
  }
  ctx.sendHandshake(HandshakeType.server_hello_done, new Uint8Array(0));
  return requestCert ? new ExpectClientCertificate(version === SSL3) : new ExpectClientKeyExchange(false);
}

/** SSL 3.0 has no extensions: only renegotiation_info may be answered (RFC 5746 §4.6). */
function withoutTlsExtensions(ctx: HandshakeContext): void {
  ctx.extendedMasterSecret = false;
  ctx.encryptThenMac = false;
  ctx.alpnProtocol = undefined;
  ctx.maxFragmentLength = undefined;
}

function readClientExtensions(ctx: HandshakeContext, hello: ClientHello): void {
  const { config } = ctx;
  // RFC 5746 §3.6/§3.7: SCSV or renegotiation_info (empty initially, bound to the previous Finished after).
  checkClientRenegotiationInfo(ctx, hello);
  for (const ext of hello.extensions) {
    switch (ext.type) {
      case ExtensionType.extended_master_secret:
        expectEmptyExtension(ext.data, "extended_master_secret");
        ctx.extendedMasterSecret = config.extendedMasterSecret;
        break;
      case ExtensionType.encrypt_then_mac:
        expectEmptyExtension(ext.data, "encrypt_then_mac");
        ctx.encryptThenMac = config.encryptThenMac;
        break;
      case ExtensionType.alpn:
        selectAlpn(ctx, decodeAlpn(ext.data));
        break;
      case ExtensionType.server_name:
        ctx.servername = decodeServerName(ext.data) || undefined;
        break;
      case ExtensionType.signature_algorithms:
        ctx.peerSignatureAlgorithms = decodeSignatureAlgorithms(ext.data);
        break;
      case ExtensionType.max_fragment_length:
        ctx.maxFragmentLength = decodeMaxFragmentLength(ext.data);
        break;
    }
  }
}

/** RFC 7301 §3.2: the server's first protocol the client offers; no overlap → no_application_protocol. */
function selectAlpn(ctx: HandshakeContext, offered: string[]): void {
  const ours = ctx.config.alpnProtocols;
  if (ours.length === 0) return;
  ctx.alpnProtocol =
    ours.find((p) => offered.includes(p)) ?? fail("no_application_protocol", "no ALPN protocol in common");
}

function sendServerHello(ctx: HandshakeContext, version: number, suite: CipherSuite): void {
  const { config } = ctx;
  const random = config.provider.randomBytes(32);
  // RFC 8446 §4.1.3: a TLS 1.2 server negotiating TLS 1.1 or below marks its random.
  if (isDowngradeToTls11(version, config.maxVersion)) random.set(DOWNGRADE_SENTINEL_TLS11, 24);
  ctx.serverRandom = random;
  if (!ctx.resumed) ctx.sessionId = config.provider.randomBytes(32);
  const extensions: Extension[] = [];
  const renegotiationInfo = serverRenegotiationInfo(ctx);
  if (renegotiationInfo) extensions.push({ type: ExtensionType.renegotiation_info, data: renegotiationInfo });
  if (ctx.ticketExpected) extensions.push({ type: ExtensionType.session_ticket, data: new Uint8Array(0) });
  if (ctx.extendedMasterSecret)
    extensions.push({ type: ExtensionType.extended_master_secret, data: new Uint8Array(0) });
  if (ctx.encryptThenMac) extensions.push({ type: ExtensionType.encrypt_then_mac, data: new Uint8Array(0) });
  if (ctx.alpnProtocol !== undefined) {
    extensions.push({ type: ExtensionType.alpn, data: encodeAlpn([ctx.alpnProtocol]) });
  }
  const fragmentLength = ctx.maxFragmentLength as MaxFragmentLength | undefined;
  if (fragmentLength !== undefined) {
    extensions.push({ type: ExtensionType.max_fragment_length, data: encodeMaxFragmentLength(fragmentLength) });
  }
  ctx.sendHandshake(
    HandshakeType.server_hello,
    encodeServerHello({
      version,
      random,
      sessionId: ctx.sessionId,
      cipherSuite: suite.id,
      compressionMethod: 0,
      extensions,
    }),
  );
  // RFC 6066 §4: the smaller records start right after the ServerHello that accepted them.
  if (fragmentLength !== undefined) ctx.limitFragmentLength(fragmentLength);
}

/**
 * Waiting for ClientKeyExchange. The premaster is decrypted by the provider (possibly asynchronously),
 * which returns 48 random bytes on any failure: no alert here, the Finished check fails instead
 * (RFC 5246 §7.4.7.1, Bleichenbacher).
 */
export class ExpectClientKeyExchange extends ExpectMessage {
  readonly name = "ExpectClientKeyExchange";
  readonly expects = [HandshakeType.client_key_exchange];

  /** `expectCertificateVerify`: the client sent a certificate, so CertificateVerify follows. */
  constructor(private readonly expectCertificateVerify: boolean) {
    super();
  }

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): Promise<HandshakeState> {
    return receiveClientKeyExchange(ctx, message, this.expectCertificateVerify);
  }
}

/** Decrypts the premaster (through the provider, maybe asynchronously) and derives the keys. */
async function receiveClientKeyExchange(
  ctx: HandshakeContext,
  message: HandshakeMessage,
  expectCertificateVerify: boolean,
): Promise<HandshakeState> {
  const encrypted = decodeRsaClientKeyExchange(message.body, ctx.version);
  const key = ctx.keyExchangeKey ?? ctx.config.privateKey!;
  // A ciphertext of the wrong length (public information) gets a random premaster like any bad
  // padding: no early alert. The key operation itself never fails for bad content (contract), so an
  // exception or rejection from it (an HSM or remote signer down) is a real failure: internal_error.
  const premaster =
    encrypted.length === Math.ceil(key.bits / 8)
      ? await key.decryptTlsPremaster(encrypted, ctx.clientHelloVersion)
      : ctx.config.provider.randomBytes(48);
  ctx.hooks.trace("pre-master secret decrypted", `${encrypted.length}-byte RSA ciphertext`);
  ctx.masterSecret = ctx.extendedMasterSecret
    ? computeExtendedMasterSecret(ctx.prf!, premaster, ctx.transcript.hash())
    : computeMasterSecret(ctx.prf!, premaster, ctx.clientRandom, ctx.serverRandom);
  premaster.fill(0);
  ctx.hooks.trace("master secret computed", ctx.extendedMasterSecret ? "extended (RFC 7627)" : "RFC 5246 §8.1");
  ctx.deriveKeys();
  return expectCertificateVerify ? new ExpectCertificateVerify() : new ExpectChangeCipherSpec();
}

/**
 * Waiting for the client's Certificate after a CertificateRequest. An empty chain is refused with
 * handshake_failure when `rejectUnauthorized` (RFC 5246 §7.4.6), else recorded as unauthorized.
 */
export class ExpectClientCertificate extends ExpectMessage {
  readonly name = "ExpectClientCertificate";
  readonly expects: readonly number[];

  /** `ssl3`: an SSL 3.0 client without a certificate sends a no_certificate alert and ClientKeyExchange. */
  constructor(ssl3 = false) {
    super();
    this.expects = ssl3 ? [HandshakeType.certificate, HandshakeType.client_key_exchange] : [HandshakeType.certificate];
  }

  protected async handle(ctx: HandshakeContext, message: HandshakeMessage): Promise<HandshakeState> {
    const skipped = message.type === HandshakeType.client_key_exchange;
    const chain = skipped ? [] : decodeCertificate(message.body);
    if (chain.length === 0) {
      if (ctx.config.rejectUnauthorized) fail("handshake_failure", "client sent no certificate");
      ctx.authorized = false;
      ctx.authorizationError = "PEER_DID_NOT_RETURN_A_CERTIFICATE";
      return skipped ? receiveClientKeyExchange(ctx, message, false) : new ExpectClientKeyExchange(false);
    }
    await checkPeerCertificate(ctx, chain);
    return new ExpectClientKeyExchange(true);
  }
}

/**
 * Waiting for CertificateVerify: the client's signature over the transcript so far, with the scheme's
 * hash in TLS 1.2 (one we offered; never MD5) or MD5 ‖ SHA-1 before (decrypt_error when it fails).
 */
export class ExpectCertificateVerify extends ExpectMessage {
  readonly name = "ExpectCertificateVerify";
  readonly expects = [HandshakeType.certificate_verify];
  protected override readonly hashesOnEntry = false;

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState {
    const verify = decodeCertificateVerify(message.body, ctx.version);
    if (ctx.version >= TLS12 && !(verify.scheme !== undefined && hashOfScheme(verify.scheme))) {
      fail("illegal_parameter", `CertificateVerify with unoffered scheme ${verify.scheme}`);
    }
    const { hash, digest } = certificateVerifyDigest(ctx, verify.scheme);
    const key = ctx.peerPublicKey ?? fail("internal_error", "no client key");
    if (!key.verifyPkcs1v15(hash, digest, verify.signature))
      fail("decrypt_error", "CertificateVerify signature invalid");
    ctx.transcript.add(message.raw);
    key.dispose?.();
    ctx.peerPublicKey = undefined;
    ctx.hooks.trace("client signature verified", hash);
    return new ExpectChangeCipherSpec();
  }
}
