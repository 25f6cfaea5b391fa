// Session resumption (RFC 5246 §7.3 abbreviated handshake, RFC 5077 session tickets, RFC 7627 §5.3):
// what the client offers, how each side decides to resume, NewSessionTicket, and keeping sessions.
import { fail } from "../alerts.js";
import { Reader } from "../codec/reader.js";
import { Writer } from "../codec/writer.js";
import { type Extension, ExtensionType } from "../messages/extensions.js";
import { type HandshakeMessage, HandshakeType } from "../messages/handshake-types.js";
import type { ClientHello, ServerHello } from "../messages/hello.js";
import { encodeSessionState, type SessionState } from "../session/state.js";
import { type CipherSuite, suiteAllowsVersion } from "../suites.js";
import type { HandshakeContext } from "./context.js";
import { ExpectChangeCipherSpec, sendFinished } from "./finish-states.js";
import { ExpectMessage, type HandshakeState } from "./state.js";

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Client: chooses the session to offer (never on renegotiation; only towards the same server name and
 * when its version and suite are still allowed), adds the session_ticket extension (RFC 5077 §3.2) and
 * returns the session ID for the ClientHello. With a ticket and no ID, a random ID lets the client
 * recognise the server's acceptance (RFC 5077 §3.4).
 */
export function offerSession(ctx: HandshakeContext, extensions: Extension[]): Uint8Array {
  const { config } = ctx;
  const session = ctx.renegotiating ? undefined : config.session;
  const usable =
    session !== undefined &&
    session.servername === (config.servername ?? "") &&
    session.version >= config.minVersion &&
    session.version <= config.maxVersion &&
    config.suites.some((s) => s.id === session.cipherSuite);
  if (config.sessionTickets) {
    const ticket = usable ? session.ticket : new Uint8Array(0);
    extensions.push({ type: ExtensionType.session_ticket, data: ticket });
  }
  if (!usable) return new Uint8Array(0);
  ctx.offeredSession = session;
  let id = session.sessionId;
  if (id.length === 0 && session.ticket.length > 0 && config.sessionTickets) id = config.provider.randomBytes(32);
  if (id.length === 0) {
    ctx.offeredSession = undefined;
    return id;
  }
  ctx.offeredSession = { ...session, sessionId: id };
  ctx.hooks.trace(
    "session offered",
    session.ticket.length > 0 && config.sessionTickets ? "session ticket (RFC 5077)" : "session ID",
  );
  return id;
}

/**
 * Client: true when the ServerHello resumes the offered session (it echoes the offered ID). Resumption
 * never changes version or suite (illegal_parameter) and needs the same extended-master-secret status
 * (RFC 7627 §5.3: handshake_failure otherwise).
 */
export function serverResumes(ctx: HandshakeContext, hello: ServerHello, suite: CipherSuite): boolean {
  const offered = ctx.offeredSession;
  if (!offered || hello.sessionId.length === 0 || !sameBytes(hello.sessionId, offered.sessionId)) return false;
  if (hello.version !== offered.version) fail("illegal_parameter", "resumed session with another version");
  if (suite.id !== offered.cipherSuite) fail("illegal_parameter", "resumed session with another cipher suite");
  if (offered.extendedMasterSecret !== ctx.extendedMasterSecret) {
    fail("handshake_failure", "extended master secret status differs from the resumed session (RFC 7627 §5.3)");
  }
  return true;
}

/** Client: continues an abbreviated handshake with the stored master secret. */
export function resumeAsClient(ctx: HandshakeContext): HandshakeState {
  const session = ctx.offeredSession!;
  ctx.resumed = true;
  ctx.masterSecret = new Uint8Array(session.masterSecret);
  ctx.peerCertificates = session.peerCertificates;
  ctx.authorized = session.authorized;
  if (!session.authorized) ctx.authorizationError = "SESSION_NOT_AUTHORIZED";
  ctx.hooks.trace("session resumed", "abbreviated handshake with the stored master secret");
  ctx.deriveKeys();
  return ctx.ticketExpected ? new ExpectNewSessionTicket(true) : new ExpectChangeCipherSpec(true);
}

/** Client: the state after its Finished flight in a full handshake. */
export function afterClientFinishedFlight(ctx: HandshakeContext): HandshakeState {
  return ctx.ticketExpected ? new ExpectNewSessionTicket(false) : new ExpectChangeCipherSpec(false);
}

/** Client: waiting for NewSessionTicket (RFC 5077 §3.3), announced by an empty session_ticket extension. */
export class ExpectNewSessionTicket extends ExpectMessage {
  readonly name = "ExpectNewSessionTicket";
  readonly expects = [HandshakeType.new_session_ticket];

  constructor(private readonly abbreviated: boolean) {
    super();
  }

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState {
    const r = new Reader(message.body);
    const lifetime = (r.u16() * 0x10000 + r.u16()) >>> 0;
    const ticket = r.vec16();
    r.end("NewSessionTicket");
    // An empty ticket means "no new ticket" (RFC 5077 §3.3).
    if (ticket.length > 0) ctx.receivedTicket = { ticket: new Uint8Array(ticket), lifetime };
    ctx.hooks.trace("session ticket stored", `${ticket.length} bytes, lifetime hint ${lifetime}s`);
    return new ExpectChangeCipherSpec(this.abbreviated);
  }
}

/**
 * Server: the session a ClientHello asks to resume, or undefined for a full handshake. A valid ticket
 * takes precedence over the session ID. Never on renegotiation (a full handshake then, as the peer
 * usually wants new credentials). The session must have this version,
 * a suite both sides still offer, and the same server name; RFC 7627 §5.3: a session with extended
 * master secret offered without the extension is refused (handshake_failure), one without it is not
 * resumed when the extension is offered.
 */
export async function findResumableSession(
  ctx: HandshakeContext,
  hello: ClientHello,
  version: number,
): Promise<SessionState | undefined> {
  const { config } = ctx;
  const ticketExt = hello.extensions.find((e) => e.type === ExtensionType.session_ticket);
  // Tickets are issued on renegotiation too (GnuTLS clients expect one whenever they offer the extension).
  ctx.clientSupportsTickets = ticketExt !== undefined && config.ticketKeys !== undefined;
  if (ctx.renegotiating) return undefined;
  let session: SessionState | undefined;
  let source = "";
  if (ticketExt && ticketExt.data.length > 0 && config.ticketKeys) {
    session = config.ticketKeys.open(ticketExt.data);
    source = "ticket";
    if (!session) ctx.hooks.trace("session ticket refused", "unknown key, bad tag or expired");
  }
  if (!session && hello.sessionId.length > 0 && config.sessionCache) {
    session = await config.sessionCache.get(hello.sessionId);
    source = "session ID";
  }
  if (!session) return undefined;
  const suite = config.suites.find((s) => s.id === session.cipherSuite);
  const compatible =
    session.version === version &&
    suite !== undefined &&
    suiteAllowsVersion(suite, version) &&
    hello.cipherSuites.includes(session.cipherSuite) &&
    session.servername === (ctx.servername ?? "");
  if (!compatible) {
    ctx.hooks.trace("session not resumed", "version, suite or server name differ");
    return undefined;
  }
  if (session.extendedMasterSecret && !ctx.extendedMasterSecret) {
    fail("handshake_failure", "resumption of an extended-master-secret session without the extension (RFC 7627 §5.3)");
  }
  if (!session.extendedMasterSecret && ctx.extendedMasterSecret) {
    ctx.hooks.trace("session not resumed", "the session has no extended master secret (RFC 7627 §5.3)");
    return undefined;
  }
  ctx.hooks.trace("session found", source);
  return session;
}

/**
 * Server: after its ServerHello echoing the client's session ID, the abbreviated handshake sends
 * ChangeCipherSpec and Finished first (RFC 5246 §7.3 Figure 2) and waits for the client's.
 */
export function resumeAsServer(ctx: HandshakeContext, session: SessionState): HandshakeState {
  ctx.masterSecret = new Uint8Array(session.masterSecret);
  ctx.peerCertificates = session.peerCertificates;
  ctx.authorized = session.authorized;
  if (!session.authorized && session.peerCertificates.length === 0) {
    ctx.authorizationError = "PEER_DID_NOT_RETURN_A_CERTIFICATE";
  }
  ctx.deriveKeys();
  ctx.sendChangeCipherSpec();
  sendFinished(ctx);
  return new ExpectChangeCipherSpec(true);
}

/** The session state of the current handshake. */
function currentSession(ctx: HandshakeContext): SessionState {
  return {
    version: ctx.version,
    cipherSuite: ctx.suite!.id,
    masterSecret: new Uint8Array(ctx.masterSecret!),
    extendedMasterSecret: ctx.extendedMasterSecret,
    sessionId: ctx.sessionId,
    ticket: new Uint8Array(0),
    ticketLifetime: 0,
    createdAt: Date.now(),
    peerCertificates: ctx.peerCertificates,
    authorized: ctx.authorized,
    servername: ctx.servername ?? "",
  };
}

/** Server: sends NewSessionTicket before its ChangeCipherSpec (RFC 5077 §3.3). */
export function sendNewSessionTicket(ctx: HandshakeContext): void {
  const keys = ctx.config.ticketKeys!;
  const ticket = keys.seal(currentSession(ctx));
  const body = new Writer(ticket.length + 6)
    .u16(Math.floor(keys.lifetimeSeconds / 0x10000) & 0xffff)
    .u16(keys.lifetimeSeconds & 0xffff)
    .vec16(ticket)
    .finish();
  ctx.sendHandshake(HandshakeType.new_session_ticket, body);
}

/** Server: stores the session of a completed full handshake in the cache (errors are ignored). */
export function rememberServerSession(ctx: HandshakeContext): void {
  const cache = ctx.config.sessionCache;
  if (!cache || ctx.sessionId.length === 0) return;
  try {
    const pending = cache.set(ctx.sessionId, currentSession(ctx));
    if (pending) pending.catch(() => undefined);
  } catch {
    // A failing cache only costs a future full handshake.
  }
}

/** Server: removes the connection's session from the cache after a fatal alert (RFC 5246 §7.2.2). */
export function forgetServerSession(ctx: HandshakeContext): void {
  const cache = ctx.config.sessionCache;
  if (!cache || ctx.config.role !== "server" || ctx.sessionId.length === 0) return;
  try {
    const pending = cache.delete(ctx.sessionId);
    if (pending) pending.catch(() => undefined);
  } catch {
    // Nothing to undo.
  }
}

/**
 * Client: the resumable session after a completed handshake (encoded for the `session` event), or
 * undefined when the server gave neither a session ID nor a ticket. A resumed session keeps its ticket
 * unless a new one arrived.
 */
export function clientSessionBytes(ctx: HandshakeContext): Uint8Array | undefined {
  const ticket =
    ctx.receivedTicket?.ticket ?? (ctx.resumed ? (ctx.offeredSession?.ticket ?? new Uint8Array(0)) : new Uint8Array(0));
  if (ctx.sessionId.length === 0 && ticket.length === 0) return undefined;
  const session = currentSession(ctx);
  session.ticket = ticket;
  session.ticketLifetime = ctx.receivedTicket?.lifetime ?? 0;
  if (ctx.resumed && ctx.offeredSession) session.createdAt = ctx.offeredSession.createdAt;
  // A ticket-only session keeps no ID: the next offer invents a fresh one.
  if (
    ticket.length > 0 &&
    ctx.offeredSession &&
    sameBytes(ctx.sessionId, ctx.offeredSession.sessionId) &&
    ctx.config.session?.sessionId.length === 0
  ) {
    session.sessionId = new Uint8Array(0);
  }
  const bytes = encodeSessionState(session);
  session.masterSecret.fill(0);
  return bytes;
}
