// States shared by both roles: ExpectChangeCipherSpec, ExpectFinished, and Connected.
import { fail } from "../alerts.js";
import { computeVerifyData, VERIFY_DATA_LENGTH } from "../keys/finished.js";
import { SSL3_VERIFY_DATA_LENGTH, ssl3VerifyData } from "../keys/ssl3.js";
import { type HandshakeMessage, HandshakeType } from "../messages/handshake-types.js";
import { decodeFinished } from "../messages/key-exchange.js";
import { SSL3 } from "../versions.js";
import { Connected } from "./connected.js";
import type { HandshakeContext } from "./context.js";
import { rememberServerSession, sendNewSessionTicket } from "./resumption.js";
import { ExpectMessage, type HandshakeState } from "./state.js";

/** verify_data of `sender`'s Finished over the transcript so far (36 bytes in SSL 3.0, RFC 6101 §5.6.9). */
function verifyDataFor(ctx: HandshakeContext, sender: "client" | "server"): Uint8Array {
  if (ctx.version === SSL3) {
    return ssl3VerifyData(ctx.config.provider, ctx.masterSecret!, sender, ctx.transcript.rawMessages);
  }
  return computeVerifyData(ctx.prf!, ctx.masterSecret!, sender, ctx.transcript.hash());
}

/** Sends our Finished (RFC 5246 §7.4.9) after our ChangeCipherSpec; remembers its verify_data. */
export function sendFinished(ctx: HandshakeContext): void {
  const role = ctx.config.role;
  const verifyData = verifyDataFor(ctx, role);
  if (role === "client") ctx.clientVerifyData = verifyData;
  else ctx.serverVerifyData = verifyData;
  ctx.sendHandshake(HandshakeType.finished, verifyData);
}

/** Waiting for the peer's ChangeCipherSpec; then the read direction switches keys. */
export class ExpectChangeCipherSpec extends ExpectMessage {
  readonly name = "ExpectChangeCipherSpec";
  readonly expects: readonly number[] = [];

  /** `abbreviated`: a resumed handshake (RFC 5246 §7.3 Figure 2), where the client's Finished comes last. */
  constructor(private readonly abbreviated = false) {
    super();
  }

  override onChangeCipherSpec(ctx: HandshakeContext): HandshakeState {
    ctx.activateReadKeys();
    return new ExpectFinished(this.abbreviated);
  }

  protected handle(): HandshakeState {
    return fail("unexpected_message", "handshake message before ChangeCipherSpec");
  }
}

/**
 * Waiting for the peer's Finished: verify_data compared with `provider.constantTimeEqual`
 * (decrypt_error on mismatch, RFC 5246 §7.4.9). In a full handshake the server then answers with
 * [NewSessionTicket], ChangeCipherSpec and Finished; in an abbreviated one the client answers.
 */
export class ExpectFinished extends ExpectMessage {
  readonly name = "ExpectFinished";
  readonly expects = [HandshakeType.finished];
  protected override readonly hashesOnEntry = false;

  /** `abbreviated`: a resumed handshake, where the server's Finished comes first. */
  constructor(private readonly abbreviated = false) {
    super();
  }

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState {
    const peer = ctx.config.role === "client" ? "server" : "client";
    const ssl3 = ctx.version === SSL3;
    const received = decodeFinished(message.body, ssl3 ? SSL3_VERIFY_DATA_LENGTH : VERIFY_DATA_LENGTH);
    const expected = verifyDataFor(ctx, peer);
    if (!ctx.config.provider.constantTimeEqual(expected, received))
      fail("decrypt_error", "Finished verify_data mismatch");
    ctx.transcript.add(message.raw);
    if (peer === "client") ctx.clientVerifyData = expected;
    else ctx.serverVerifyData = expected;
    if (this.abbreviated === (peer === "server")) {
      if (peer === "client" && ctx.ticketExpected) sendNewSessionTicket(ctx);
      ctx.sendChangeCipherSpec();
      sendFinished(ctx);
    }
    if (peer === "client" && !ctx.resumed) rememberServerSession(ctx);
    ctx.hooks.trace(
      ctx.resumed ? "abbreviated handshake complete" : "handshake complete",
      `${ctx.info().version} ${ctx.suite!.name}${ctx.resumed ? " (session resumed)" : ""}`,
    );
    ctx.renegotiating = false;
    ctx.hooks.completed(ctx.info());
    return new Connected();
  }
}

export { Connected } from "./connected.js";
export { DeclineRenegotiation } from "./renegotiation.js";
