// Client handshake states (RFC 5246 §7.3, full handshake with RSA key exchange). Flow: flows.ts.
import { fail } from "../alerts.js";
import { computeExtendedMasterSecret, computeMasterSecret } from "../keys/master-secret.js";
import { decodeCertificate, decodeCertificateRequest, encodeCertificate } from "../messages/certificate.js";
import {
  decodeAlpn,
  type Extension,
  ExtensionType,
  encodeAlpn,
  encodeServerName,
  encodeSignatureAlgorithms,
  expectEmptyExtension,
} from "../messages/extensions.js";
import { type HandshakeMessage, HandshakeType } from "../messages/handshake-types.js";
import { decodeServerHello, encodeClientHello } from "../messages/hello.js";
import { decodeEmpty, encodeCertificateVerify, encodeRsaClientKeyExchange } from "../messages/key-exchange.js";
import { suiteAllowsVersion, TLS_EMPTY_RENEGOTIATION_INFO_SCSV, TLS_FALLBACK_SCSV } from "../suites.js";
import { SSL3, TLS12, versionName } from "../versions.js";
import { checkPeerCertificate } from "./certificate-check.js";
import {
  certificateVerifyDigest,
  chooseSignatureScheme,
  RSA_SIGN,
  SUPPORTED_SIGNATURE_SCHEMES,
} from "./client-auth.js";
import { selectClientCredentials } from "./client-certificate.js";
import { DOWNGRADE_SENTINEL_TLS11, type HandshakeContext, isDowngradeToTls11 } from "./context.js";
import { receiveExportServerKeyExchange } from "./export-key-exchange.js";
import { sendFinished } from "./finish-states.js";
import { decodeMaxFragmentLength, encodeMaxFragmentLength } from "./max-fragment-length.js";
import {
  checkServerRenegotiationInfo,
  checkUnchangedServerCertificate,
  clientRenegotiationExtension,
} from "./renegotiation.js";
import { afterClientFinishedFlight, offerSession, resumeAsClient, serverResumes } from "./resumption.js";
import { ExpectMessage, type HandshakeState } from "./state.js";

function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(":");
}

/** Sends the ClientHello and returns the first client state (RFC 5246 §7.4.1.2). */
export function startClientHandshake(ctx: HandshakeContext): HandshakeState {
  const { config } = ctx;
  ctx.clientRandom = config.provider.randomBytes(32);
  ctx.clientHelloVersion = config.maxVersion;
  const extensions: Extension[] = [];
  // RFC 6066 §3: host names only, no IP literals, no trailing dot.
  if (config.servername && !isIpLiteral(config.servername)) {
    extensions.push({ type: ExtensionType.server_name, data: encodeServerName(config.servername.replace(/\.$/, "")) });
  }
  // RFC 5746 §3.4/§3.5: renegotiation_info, empty initially, the previous verify_data on renegotiation.
  const renegotiationInfo = clientRenegotiationExtension(ctx);
  if (renegotiationInfo) extensions.push(renegotiationInfo);
  if (config.extendedMasterSecret)
    extensions.push({ type: ExtensionType.extended_master_secret, data: new Uint8Array(0) });
  if (config.encryptThenMac && config.suites.some((s) => s.kind === "cbc")) {
    extensions.push({ type: ExtensionType.encrypt_then_mac, data: new Uint8Array(0) });
  }
  if (config.alpnProtocols.length > 0) {
    extensions.push({ type: ExtensionType.alpn, data: encodeAlpn(config.alpnProtocols) });
  }
  if (config.maxFragmentLength !== undefined) {
    extensions.push({
      type: ExtensionType.max_fragment_length,
      data: encodeMaxFragmentLength(config.maxFragmentLength),
    });
  }
  if (config.maxVersion >= TLS12) {
    extensions.push({
      type: ExtensionType.signature_algorithms,
      data: encodeSignatureAlgorithms([...SUPPORTED_SIGNATURE_SCHEMES]),
    });
  }
  const ssl3Only = config.maxVersion === SSL3;
  const sessionId = ssl3Only ? new Uint8Array(0) : offerSession(ctx, extensions);
  // An SSL 3.0-only renegotiation carries renegotiation_info itself (the SCSV is for initial hellos).
  const ssl3Extensions = ctx.renegotiating && renegotiationInfo ? [renegotiationInfo] : [];
  ctx.sendHandshake(
    HandshakeType.client_hello,
    encodeClientHello({
      version: config.maxVersion,
      random: ctx.clientRandom,
      sessionId,
      // RFC 5746 §3.3: an SSL 3.0-only hello carries no extensions, so the SCSV signals secure
      // renegotiation; RFC 7507 §4: the fallback SCSV last, only on a deliberate fallback retry.
      cipherSuites: [
        ...config.suites.map((s) => s.id),
        ...(ssl3Only && !ctx.renegotiating ? [TLS_EMPTY_RENEGOTIATION_INFO_SCSV] : []),
        ...(config.fallbackSCSV ? [TLS_FALLBACK_SCSV] : []),
      ],
      compressionMethods: [0],
      extensions: ssl3Only ? ssl3Extensions : extensions,
    }),
  );
  // With the SCSV the server may still answer renegotiation_info (RFC 5746 §3.6).
  const answerable = ssl3Only ? [ExtensionType.renegotiation_info] : extensions.map((e) => e.type);
  return new ExpectServerHello(new Set(answerable));
}

/** Waiting for ServerHello: version, suite, compression and extensions are checked against the offer. */
export class ExpectServerHello extends ExpectMessage {
  readonly name = "ExpectServerHello";
  readonly expects = [HandshakeType.server_hello];

  constructor(private readonly offeredExtensions: Set<number>) {
    super();
  }

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState {
    const { config } = ctx;
    const hello = decodeServerHello(message.body);
    // 1. Version: within our range (a server may not pick above our offer).
    if (hello.version < config.minVersion || hello.version > config.maxVersion) {
      fail("protocol_version", `server chose version ${hello.version.toString(16)}`);
    }
    // 2. RFC 8446 §4.1.3 downgrade sentinel: a TLS 1.2-capable server had to pick ≤ 1.1 — someone interfered.
    if (isDowngradeToTls11(hello.version, config.maxVersion)) {
      const tail = hello.random.subarray(24);
      if (tail.every((b, i) => b === DOWNGRADE_SENTINEL_TLS11[i])) fail("illegal_parameter", "downgrade sentinel");
    }
    // 3. Suite: one we offered, valid for this version; compression null.
    const suite = config.suites.find((s) => s.id === hello.cipherSuite);
    if (!suite || !suiteAllowsVersion(suite, hello.version))
      fail("illegal_parameter", "server chose a suite not offered");
    if (hello.compressionMethod !== 0) fail("illegal_parameter", "server chose compression");
    // 4. Extensions: only ones we offered (RFC 5246 §7.4.1.4).
    let renegotiationInfo: Uint8Array | undefined;
    for (const ext of hello.extensions) {
      if (!this.offeredExtensions.has(ext.type)) fail("unsupported_extension", `unsolicited extension ${ext.type}`);
      // An SSL 3.0 ServerHello may only answer renegotiation_info (RFC 5746 §4.6; RFC 6101 has none).
      if (hello.version === SSL3 && ext.type !== ExtensionType.renegotiation_info) {
        fail("unsupported_extension", `extension ${ext.type} in an SSL 3.0 ServerHello`);
      }
      if (ext.type === ExtensionType.renegotiation_info) renegotiationInfo = ext.data;
      if (ext.type === ExtensionType.extended_master_secret) {
        expectEmptyExtension(ext.data, "extended_master_secret");
        ctx.extendedMasterSecret = true;
      }
      if (ext.type === ExtensionType.server_name) expectEmptyExtension(ext.data, "server_name");
      if (ext.type === ExtensionType.session_ticket) {
        expectEmptyExtension(ext.data, "session_ticket");
        ctx.ticketExpected = true;
      }
      if (ext.type === ExtensionType.max_fragment_length) {
        // RFC 6066 §4: the server must echo exactly the length asked for.
        const length = decodeMaxFragmentLength(ext.data);
        if (length !== config.maxFragmentLength) fail("illegal_parameter", "max_fragment_length differs from ours");
        ctx.limitFragmentLength(length);
      }
      if (ext.type === ExtensionType.alpn) {
        // RFC 7301 §3.1: exactly one protocol, one we offered.
        const [chosen, ...more] = decodeAlpn(ext.data);
        if (more.length > 0 || !config.alpnProtocols.includes(chosen)) fail("illegal_parameter", "bad ALPN answer");
        ctx.alpnProtocol = chosen;
      }
      if (ext.type === ExtensionType.encrypt_then_mac) {
        expectEmptyExtension(ext.data, "encrypt_then_mac");
        // RFC 7366 §3: never with a stream or AEAD suite.
        if (suite.kind !== "cbc") fail("illegal_parameter", "encrypt_then_mac with a non-CBC suite");
        ctx.encryptThenMac = true;
      }
    }
    // 5. RFC 5746: renegotiation_info (empty initially; both verify_data on renegotiation).
    checkServerRenegotiationInfo(ctx, renegotiationInfo);
    ctx.serverRandom = hello.random;
    ctx.sessionId = hello.sessionId;
    ctx.servername = config.servername;
    ctx.negotiated(hello.version, suite);
    ctx.hooks.trace(
      "hello negotiated",
      `${versionName(hello.version)} ${suite.name}${ctx.extendedMasterSecret ? " EMS" : ""}`,
    );
    // 6. Resumption: the server echoed the session ID we offered (RFC 5246 §7.4.1.3).
    if (serverResumes(ctx, hello, suite)) return resumeAsClient(ctx);
    return new ExpectCertificate();
  }
}

/** Waiting for the server's Certificate (mandatory with RSA key exchange). */
export class ExpectCertificate extends ExpectMessage {
  readonly name = "ExpectCertificate";
  readonly expects = [HandshakeType.certificate];

  protected async handle(ctx: HandshakeContext, message: HandshakeMessage): Promise<HandshakeState> {
    const chain = decodeCertificate(message.body);
    if (chain.length === 0) fail("handshake_failure", "server sent no certificate");
    checkUnchangedServerCertificate(ctx, chain);
    await checkPeerCertificate(ctx, chain);
    return new ExpectServerHelloDone(false, ctx.suite!.exportKeyMaterialLength > 0);
  }
}

/**
 * Waiting for ServerHelloDone, optionally preceded by one CertificateRequest. A ServerKeyExchange is
 * unexpected with RSA key exchange (this is what stops FREAK-style export downgrades).
 */
export class ExpectServerHelloDone extends ExpectMessage {
  readonly name = "ExpectServerHelloDone";
  readonly expects: readonly number[];

  /** `exportKeyExchange`: an export suite, where ServerKeyExchange may come first (export-key-exchange.ts). */
  constructor(afterCertificateRequest = false, exportKeyExchange = false) {
    super();
    this.expects = afterCertificateRequest
      ? [HandshakeType.server_hello_done]
      : [
          ...(exportKeyExchange ? [HandshakeType.server_key_exchange] : []),
          HandshakeType.certificate_request,
          HandshakeType.server_hello_done,
        ];
  }

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState | Promise<HandshakeState> {
    if (message.type === HandshakeType.server_key_exchange) {
      receiveExportServerKeyExchange(ctx, message);
      return new ExpectServerHelloDone();
    }
    if (message.type === HandshakeType.certificate_request) {
      const request = decodeCertificateRequest(message.body, ctx.version);
      ctx.certificateRequested = true;
      ctx.certificateRequest = request;
      ctx.requestedSignatureSchemes = request.signatureAlgorithms ?? [];
      ctx.canSignCertificateVerify = request.certificateTypes.includes(RSA_SIGN);
      return new ExpectServerHelloDone(true);
    }
    decodeEmpty(message.body, "ServerHelloDone");
    return sendClientKeyExchangeFlight(ctx).then(() => afterClientFinishedFlight(ctx));
  }
}

/**
 * The client's second flight: [Certificate], ClientKeyExchange with the RSA-encrypted premaster
 * (client_version ‖ 46 random bytes, RFC 5246 §7.4.7.1), [CertificateVerify], ChangeCipherSpec, Finished.
 */
async function sendClientKeyExchangeFlight(ctx: HandshakeContext): Promise<void> {
  const { provider } = ctx.config;
  // 1. Answer a CertificateRequest with our chain, or an empty one when we have none (RFC 5246 §7.4.6).
  const credentials =
    ctx.certificateRequest && ctx.canSignCertificateVerify
      ? await selectClientCredentials(ctx, ctx.certificateRequest, versionName(ctx.version) ?? "")
      : undefined;
  if (ctx.certificateRequested && !credentials && ctx.version === SSL3) ctx.sendNoCertificateAlert();
  else if (ctx.certificateRequested) {
    ctx.sendHandshake(HandshakeType.certificate, encodeCertificate(credentials ? [...credentials.chain] : []));
  }
  // 2. Premaster secret with the version we offered, not the negotiated one (version-rollback check).
  const premaster = provider.randomBytes(48);
  premaster[0] = ctx.clientHelloVersion >> 8;
  premaster[1] = ctx.clientHelloVersion & 0xff;
  const serverKey = ctx.peerPublicKey!;
  const encrypted = serverKey.encryptPkcs1v15(premaster);
  ctx.sendHandshake(HandshakeType.client_key_exchange, encodeRsaClientKeyExchange(encrypted, ctx.version));
  ctx.hooks.trace(
    "pre-master secret encrypted",
    `${premaster.length} bytes under the server's ${serverKey.bits}-bit RSA key`,
  );
  // The server's key is not needed again in this handshake: free its provider resources now.
  serverKey.dispose?.();
  ctx.peerPublicKey = undefined;
  // 3. Master secret (RFC 7627: over the session hash through ClientKeyExchange) and keys.
  ctx.masterSecret = ctx.extendedMasterSecret
    ? computeExtendedMasterSecret(ctx.prf!, premaster, ctx.transcript.hash())
    : computeMasterSecret(ctx.prf!, premaster, ctx.clientRandom, ctx.serverRandom);
  premaster.fill(0);
  ctx.hooks.trace("master secret computed", ctx.extendedMasterSecret ? "extended (RFC 7627)" : "RFC 5246 §8.1");
  // 4. CertificateVerify over the transcript so far (the key operation may be asynchronous).
  if (credentials) {
    const scheme = ctx.version >= TLS12 ? chooseSignatureScheme(ctx.requestedSignatureSchemes) : undefined;
    const { hash, digest } = certificateVerifyDigest(ctx, scheme);
    let signature: Uint8Array;
    try {
      signature = await credentials.key.signPkcs1v15(hash, digest);
    } finally {
      credentials.dispose();
    }
    ctx.sendHandshake(HandshakeType.certificate_verify, encodeCertificateVerify({ scheme, signature }, ctx.version));
    ctx.hooks.trace("client signature sent", hash);
  }
  ctx.deriveKeys();
  ctx.sendChangeCipherSpec();
  sendFinished(ctx);
}
