// State shared by the handshake states of one connection: negotiated parameters, transcript, keys,
// and the ways to send messages and switch record protection.
import { fail } from "../alerts.js";
import type { HandshakeInfo } from "../events.js";
import { deriveExportKeyBlock } from "../keys/export-keys.js";
import { deriveKeyBlock } from "../keys/key-block.js";
import type { Prf } from "../keys/prf.js";
import { prfFor } from "../keys/prf.js";
import type { CertificateRequest } from "../messages/certificate.js";
import { encodeHandshake, handshakeMessageName } from "../messages/handshake-types.js";
import type { ProviderRsaPrivateKey, ProviderRsaPublicKey } from "../provider.js";
import { ContentType } from "../record/constants.js";
import type { RecordProtection } from "../record/protection.js";
import { createRecordProtection } from "../record/protection-factory.js";
import type { RecordReader } from "../record/record-reader.js";
import type { RecordWriter } from "../record/record-writer.js";
import type { SessionState } from "../session/state.js";
import type { CipherSuite } from "../suites.js";
import { TLS10, TLS11, versionName } from "../versions.js";
import type { HandshakeConfig } from "./config.js";
import { Transcript } from "./transcript.js";

/** Callbacks from the handshake to its connection. */
export interface HandshakeHooks {
  /** A step worth tracing (message sent/received, secret computed); `state` names the receiving state. */
  trace(step: string, detail?: string, state?: string): void;
  /** The handshake finished successfully. */
  completed(info: HandshakeInfo): void;
}

/** Mutable per-handshake state plus the record-layer operations the states need. */
export class HandshakeContext {
  /** Replaced when a renegotiation starts (see {@link beginRenegotiation}). */
  transcript = new Transcript();
  /** Negotiated version (set once the hellos agree). */
  version = 0;
  /** Negotiated suite. */
  suite: CipherSuite | undefined;
  /** The PRF of the negotiated version/suite. */
  prf: Prf | undefined;
  clientRandom: Uint8Array = new Uint8Array(0);
  serverRandom: Uint8Array = new Uint8Array(0);
  sessionId: Uint8Array = new Uint8Array(0);
  /** client_version of the ClientHello (what the premaster must carry, RFC 5246 §7.4.7.1). */
  clientHelloVersion = 0;
  masterSecret: Uint8Array | undefined;
  extendedMasterSecret = false;
  /** Negotiated ALPN protocol (RFC 7301), if any. */
  alpnProtocol: string | undefined;
  /** RFC 7366 encrypt-then-MAC negotiated (CBC suites only). */
  encryptThenMac = false;
  secureRenegotiation = false;
  /** RFC 6066 max_fragment_length agreed (bytes), if any. */
  maxFragmentLength: number | undefined;
  /** verify_data of both Finished messages (RFC 5746 renegotiation binding). */
  clientVerifyData: Uint8Array = new Uint8Array(0);
  serverVerifyData: Uint8Array = new Uint8Array(0);
  peerCertificates: Uint8Array[] = [];
  peerPublicKey: ProviderRsaPublicKey | undefined;
  /** Server, export suites: the temporary RSA key the premaster is encrypted to (RFC 2246 §7.4.3). */
  keyExchangeKey: ProviderRsaPrivateKey | undefined;
  authorized = false;
  authorizationError: string | undefined;
  servername: string | undefined;
  /** Peer's TLS 1.2 signature_algorithms (client authentication). */
  peerSignatureAlgorithms: number[] = [];
  /** The server asked for a client certificate. */
  certificateRequested = false;
  /** The server's TLS 1.2 supported_signature_algorithms from CertificateRequest. */
  requestedSignatureSchemes: number[] = [];
  /** The server's CertificateRequest, when it sent one. */
  certificateRequest: CertificateRequest | undefined;
  /** The CertificateRequest allows an RSA signing certificate (rsa_sign). */
  canSignCertificateVerify = false;
  /** This handshake resumed a session (abbreviated handshake, RFC 5246 §7.3). */
  resumed = false;
  /** Client: the session offered in the ClientHello. */
  offeredSession: SessionState | undefined;
  /** Server: send NewSessionTicket (RFC 5077); client: the server announced one. */
  ticketExpected = false;
  /** Server: the client offered the session_ticket extension. */
  clientSupportsTickets = false;
  /** Client: the ticket received in this handshake, with its lifetime hint. */
  receivedTicket: { ticket: Uint8Array; lifetime: number } | undefined;
  /** A renegotiation handshake is in progress (the previous one's verify_data bind it, RFC 5746). */
  renegotiating = false;
  /** Completed renegotiations on this connection. */
  renegotiations = 0;
  /** Server: request a client certificate in the current (renegotiation) handshake. */
  requestCertNow: boolean | undefined;
  /** Peer chain of the previous handshake (a client refuses a changed server certificate). */
  previousPeerCertificates: Uint8Array[] = [];
  private pendingRead: RecordProtection | undefined;
  private pendingWrite: RecordProtection | undefined;

  constructor(
    readonly config: HandshakeConfig,
    private readonly reader: RecordReader,
    private readonly writer: RecordWriter,
    readonly hooks: HandshakeHooks,
  ) {}

  /** Frames, records in the transcript, and queues a handshake message. */
  sendHandshake(type: number, body: Uint8Array): void {
    const message = encodeHandshake(type, body);
    this.transcript.add(message.raw);
    this.writer.write(ContentType.handshake, message.raw);
    this.hooks.trace(`${handshakeMessageName(type)} sent`, `${body.length} bytes`);
  }

  /** Queues a record that is not part of the transcript (HelloRequest). */
  sendUnhashed(type: number, bytes: Uint8Array): void {
    this.writer.write(type, bytes);
  }

  /** Fixes version and suite: transcript hash, PRF, record versions (RFC 5246 §6.2.1). */
  negotiated(version: number, suite: CipherSuite): void {
    this.version = version;
    this.suite = suite;
    this.prf = prfFor(this.config.provider, version, suite);
    this.transcript.start(this.config.provider, version, suite);
    this.reader.expectedVersion = version;
    this.writer.version = version;
  }

  /**
   * Starts a renegotiation on an established connection: a fresh transcript and per-handshake
   * parameters. The verify_data of the previous handshake stays (renegotiation_info, RFC 5746 §3.5),
   * and so do the record protections until the new ChangeCipherSpecs.
   */
  beginRenegotiation(): void {
    this.transcript.dispose();
    this.transcript = new Transcript();
    this.renegotiating = true;
    this.resumed = false;
    this.offeredSession = undefined;
    this.ticketExpected = false;
    this.clientSupportsTickets = false;
    this.receivedTicket = undefined;
    this.masterSecret = undefined; // the session cache and `session` event hold their own copies
    this.extendedMasterSecret = false;
    this.encryptThenMac = false;
    this.alpnProtocol = undefined;
    this.certificateRequested = false;
    this.requestedSignatureSchemes = [];
    this.peerSignatureAlgorithms = [];
    this.previousPeerCertificates = this.peerCertificates;
    this.hooks.trace("renegotiation started", `after ${this.renegotiations} renegotiation(s)`);
  }

  /**
   * SSL 3.0 client without a certificate (RFC 6101 §5.6.6): a no_certificate warning alert replaces the
   * empty Certificate message (SSL 3.0 servers refuse an empty certificate list).
   */
  sendNoCertificateAlert(): void {
    this.writer.write(ContentType.alert, Uint8Array.of(1, 41));
    this.hooks.trace("no_certificate alert sent", "SSL 3.0: no client certificate");
  }

  /** RFC 6066 §4: from now on send and accept records of at most `length` plaintext bytes. */
  limitFragmentLength(length: number): void {
    this.maxFragmentLength = length;
    this.writer.maxFragmentLength = length;
    this.reader.maxPlaintextLength = length;
  }

  /** Derives the key block and prepares both directions' protections (RFC 5246 §6.3). */
  deriveKeys(): void {
    const suite = this.suite ?? fail("internal_error", "keys before suite");
    const master = this.masterSecret ?? fail("internal_error", "keys before master secret");
    const provider = this.config.provider;
    const keys =
      suite.exportKeyMaterialLength > 0
        ? deriveExportKeyBlock(provider, this.prf!, master, this.clientRandom, this.serverRandom, suite, this.version)
        : deriveKeyBlock(this.prf!, master, this.clientRandom, this.serverRandom, suite, this.version);
    const etm = this.encryptThenMac;
    const clientSide = createRecordProtection(provider, suite, this.version, keys.client, etm);
    const serverSide = createRecordProtection(provider, suite, this.version, keys.server, etm);
    const isClient = this.config.role === "client";
    this.pendingWrite = isClient ? clientSide : serverSide;
    this.pendingRead = isClient ? serverSide : clientSide;
    // The key buffers now belong to the provider contexts (which may keep references): they are wiped
    // by the contexts' dispose(), not here.
    this.hooks.trace("session keys derived", `${suite.name}: key block for both directions`);
  }

  /** Sends ChangeCipherSpec and switches the write direction to the new keys. */
  sendChangeCipherSpec(): void {
    this.writer.write(ContentType.change_cipher_spec, Uint8Array.of(1));
    this.writer.changeProtection(this.pendingWrite ?? fail("internal_error", "CCS before keys"));
    this.pendingWrite = undefined;
    const suite = this.suite!;
    this.writer.splitApplicationData = suite.kind === "cbc" && this.version <= TLS10; // SSL 3.0 too
    this.hooks.trace("ChangeCipherSpec sent");
  }

  /** After receiving ChangeCipherSpec: switches the read direction to the new keys. */
  activateReadKeys(): void {
    this.reader.changeProtection(this.pendingRead ?? fail("unexpected_message", "ChangeCipherSpec before keys"));
    this.pendingRead = undefined;
    this.hooks.trace("ChangeCipherSpec received", undefined, "ExpectChangeCipherSpec");
  }

  /** What the handshake negotiated, for the `handshake` event. */
  info(): HandshakeInfo {
    return {
      version: versionName(this.version) ?? "TLSv1.2",
      cipherSuite: this.suite!,
      peerCertificates: this.peerCertificates,
      authorized: this.authorized,
      authorizationError: this.authorizationError,
      sessionId: this.sessionId,
      extendedMasterSecret: this.extendedMasterSecret,
      encryptThenMac: this.encryptThenMac,
      alpnProtocol: this.alpnProtocol ?? false,
      secureRenegotiation: this.secureRenegotiation,
      servername: this.servername,
      resumed: this.resumed,
      ...(this.maxFragmentLength !== undefined && { maxFragmentLength: this.maxFragmentLength }),
    };
  }

  /** Wipes secrets held by the handshake. */
  dispose(): void {
    this.peerPublicKey?.dispose?.();
    this.peerPublicKey = undefined;
    if (this.config.ownsPrivateKey) this.config.privateKey?.dispose?.();
    this.masterSecret?.fill(0);
    this.pendingRead?.dispose();
    this.pendingWrite?.dispose();
    this.transcript.dispose();
  }
}

/** RFC 8446 §4.1.3 downgrade sentinel for a TLS 1.2 server negotiating TLS 1.1 or below ("DOWNGRD\0"). */
export const DOWNGRADE_SENTINEL_TLS11 = Uint8Array.of(0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x00);

/** True when `version` ≤ TLS 1.1 was negotiated although TLS 1.2 was possible. */
export function isDowngradeToTls11(version: number, maxVersion: number): boolean {
  return version <= TLS11 && maxVersion > TLS11;
}
