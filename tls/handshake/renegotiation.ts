// Renegotiation (RFC 5246 §7.4.1.1, RFC 5746): the policy, the renegotiation_info checks of both roles,
// and how the Connected state turns a HelloRequest (client) or ClientHello (server) into a new handshake.
import { fail, TlsAlertError } from "../alerts.js";
import {
  decodeRenegotiationInfo,
  type Extension,
  ExtensionType,
  encodeRenegotiationInfo,
} from "../messages/extensions.js";
import { type HandshakeMessage, HandshakeType } from "../messages/handshake-types.js";
import type { ClientHello } from "../messages/hello.js";
import { TLS_EMPTY_RENEGOTIATION_INFO_SCSV } from "../suites.js";
import type { HandshakeContext } from "./context.js";

/** Signals the connection to send a no_renegotiation warning and stay connected (RFC 5746 §4.2, §4.4). */
export class DeclineRenegotiation extends TlsAlertError {
  constructor(reason: string) {
    super("no_renegotiation", reason);
  }
}

/**
 * Why a renegotiation must be declined under the configured policy, or undefined when it may go
 * ahead: `renegotiation: 'never'`, `'once'` already used, or a peer without RFC 5746 while insecure
 * renegotiation is not allowed.
 */
export function renegotiationRefusal(ctx: HandshakeContext): string | undefined {
  const { renegotiation, allowInsecureRenegotiation } = ctx.config;
  if (renegotiation === "never") return "renegotiation disabled by policy";
  if (renegotiation === "once" && ctx.renegotiations >= 1) return "renegotiation already used (policy 'once')";
  if (!ctx.secureRenegotiation && !allowInsecureRenegotiation) return "peer lacks RFC 5746 secure renegotiation";
  return undefined;
}

/** Fails with DeclineRenegotiation (caught by the connection) when the policy refuses. */
export function assertRenegotiationAllowed(ctx: HandshakeContext): void {
  const refusal = renegotiationRefusal(ctx);
  if (refusal) {
    ctx.hooks.trace("renegotiation declined", refusal);
    throw new DeclineRenegotiation(refusal);
  }
}

/** Checks a HelloRequest's body (RFC 5246 §7.4.1.1: empty). */
export function checkHelloRequest(message: HandshakeMessage): void {
  if (message.type !== HandshakeType.hello_request) fail("unexpected_message", "expected HelloRequest");
  if (message.body.length !== 0) fail("decode_error", "HelloRequest must be empty");
}

/**
 * Client: the renegotiation_info extension for a ClientHello — empty initially (RFC 5746 §3.4), the
 * previous client verify_data when renegotiating a secure connection (§3.5), none when renegotiating
 * an insecure one (legacy, §4.2).
 */
export function clientRenegotiationExtension(ctx: HandshakeContext): Extension | undefined {
  if (ctx.renegotiating && !ctx.secureRenegotiation) return undefined;
  const data = ctx.renegotiating ? ctx.clientVerifyData : new Uint8Array(0);
  return { type: ExtensionType.renegotiation_info, data: encodeRenegotiationInfo(data) };
}

/**
 * Client: checks the ServerHello's renegotiation_info (RFC 5746 §3.4, §3.5). Initial handshake: empty,
 * or absent only when `legacy`. Renegotiation: exactly client_verify_data ‖ server_verify_data.
 */
export function checkServerRenegotiationInfo(ctx: HandshakeContext, extension: Uint8Array | undefined): void {
  const info = extension === undefined ? undefined : decodeRenegotiationInfo(extension);
  if (ctx.renegotiating) {
    if (!ctx.secureRenegotiation) {
      if (info !== undefined) fail("handshake_failure", "renegotiation_info appeared on an insecure connection");
      return;
    }
    const expected = concat(ctx.clientVerifyData, ctx.serverVerifyData);
    if (info === undefined || !ctx.config.provider.constantTimeEqual(info, expected)) {
      fail("handshake_failure", "renegotiation_info does not match the previous handshake (RFC 5746 §3.5)");
    }
    ctx.hooks.trace("renegotiation_info verified", "previous client and server verify_data");
    return;
  }
  if (info === undefined) {
    if (!ctx.config.legacy) fail("handshake_failure", "server does not support secure renegotiation (RFC 5746)");
  } else if (info.length !== 0) {
    fail("handshake_failure", "non-empty renegotiation_info on the initial handshake");
  } else {
    ctx.secureRenegotiation = true;
  }
}

/**
 * Server: checks the ClientHello's SCSV and renegotiation_info (RFC 5746 §3.6, §3.7). Initial: SCSV or
 * an empty extension sets secure renegotiation; non-empty → handshake_failure. Renegotiation of a
 * secure connection: the SCSV is an error and the extension must equal the previous client verify_data.
 */
export function checkClientRenegotiationInfo(ctx: HandshakeContext, hello: ClientHello): void {
  const scsv = hello.cipherSuites.includes(TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
  const ext = hello.extensions.find((e) => e.type === ExtensionType.renegotiation_info);
  const info = ext ? decodeRenegotiationInfo(ext.data) : undefined;
  if (!ctx.renegotiating) {
    if (info !== undefined && info.length !== 0) fail("handshake_failure", "non-empty renegotiation_info");
    if (scsv || info !== undefined) ctx.secureRenegotiation = true;
    return;
  }
  if (!ctx.secureRenegotiation) {
    // RFC 5746 §4.4: legacy renegotiation (explicitly allowed); a secure signal now would be inconsistent.
    if (scsv || info !== undefined) fail("handshake_failure", "renegotiation_info on an insecure connection");
    return;
  }
  if (scsv) fail("handshake_failure", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV in a renegotiation ClientHello");
  if (info === undefined || !ctx.config.provider.constantTimeEqual(info, ctx.clientVerifyData)) {
    fail("handshake_failure", "renegotiation_info does not match the previous client Finished (RFC 5746 §3.7)");
  }
  ctx.hooks.trace("renegotiation_info verified", "previous client verify_data");
}

/** Server: the renegotiation_info data for the ServerHello (RFC 5746 §3.6/§3.7); undefined: omit it. */
export function serverRenegotiationInfo(ctx: HandshakeContext): Uint8Array | undefined {
  if (!ctx.secureRenegotiation) return undefined;
  const data = ctx.renegotiating ? concat(ctx.clientVerifyData, ctx.serverVerifyData) : new Uint8Array(0);
  return encodeRenegotiationInfo(data);
}

/**
 * Client: the server certificate must not change on renegotiation (the "triple handshake" and
 * identity-switch defences; RFC 7627 §5.4 discussion). Compares the new leaf with the previous one.
 */
export function checkUnchangedServerCertificate(ctx: HandshakeContext, chain: Uint8Array[]): void {
  if (!ctx.renegotiating) return;
  const previous = ctx.previousPeerCertificates[0];
  const leaf = chain[0];
  if (!previous || !leaf || previous.length !== leaf.length || !previous.every((b, i) => b === leaf[i])) {
    fail("bad_certificate", "server certificate changed on renegotiation");
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
