// States shared by both roles: ExpectChangeCipherSpec, ExpectFinished, and Connected.
import { fail, TlsAlertError } from "../alerts.js";
import { computeVerifyData, VERIFY_DATA_LENGTH } from "../keys/finished.js";
import { SSL3_VERIFY_DATA_LENGTH, ssl3VerifyData } from "../keys/ssl3.js";
import { type HandshakeMessage, HandshakeType, handshakeMessageName } from "../messages/handshake-types.js";
import { decodeFinished } from "../messages/key-exchange.js";
import { SSL3 } from "../versions.js";
import type { HandshakeContext } from "./context.js";
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

  override onChangeCipherSpec(ctx: HandshakeContext): HandshakeState {
    ctx.activateReadKeys();
    return new ExpectFinished();
  }

  protected handle(): HandshakeState {
    return fail("unexpected_message", "handshake message before ChangeCipherSpec");
  }
}

/**
 * Waiting for the peer's Finished: verify_data compared with `provider.constantTimeEqual`
 * (decrypt_error on mismatch, RFC 5246 §7.4.9). The server then answers with its own
 * ChangeCipherSpec and Finished; the client is done.
 */
export class ExpectFinished extends ExpectMessage {
  readonly name = "ExpectFinished";
  readonly expects = [HandshakeType.finished];
  protected override readonly hashesOnEntry = false;

  protected handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState {
    const peer = ctx.config.role === "client" ? "server" : "client";
    const ssl3 = ctx.version === SSL3;
    const received = decodeFinished(message.body, ssl3 ? SSL3_VERIFY_DATA_LENGTH : VERIFY_DATA_LENGTH);
    const expected = verifyDataFor(ctx, peer);
    if (!ctx.config.provider.constantTimeEqual(expected, received))
      fail("decrypt_error", "Finished verify_data mismatch");
    ctx.transcript.add(message.raw);
    if (peer === "client") {
      ctx.clientVerifyData = expected;
      ctx.sendChangeCipherSpec();
      sendFinished(ctx);
    } else {
      ctx.serverVerifyData = expected;
    }
    ctx.hooks.trace("handshake complete", `${ctx.info().version} ${ctx.suite!.name}`);
    ctx.hooks.completed(ctx.info());
    return new Connected();
  }
}

/**
 * Handshake complete: application data flows. A HelloRequest (client) or ClientHello (server) asks for
 * renegotiation, which arrives with issue 6; until then it is declined with a no_renegotiation
 * warning (RFC 5246 §7.4.1.1, RFC 5746 §4.2/§4.4). Other handshake messages are unexpected.
 */
export class Connected implements HandshakeState {
  readonly name = "Connected";
  readonly connected = true;

  onHandshake(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState {
    const renegotiationRequest =
      ctx.config.role === "client" ? HandshakeType.hello_request : HandshakeType.client_hello;
    if (message.type !== renegotiationRequest) {
      fail("unexpected_message", `${handshakeMessageName(message.type)} after the handshake`);
    }
    throw new DeclineRenegotiation();
  }

  onChangeCipherSpec(): HandshakeState {
    return fail("unexpected_message", "ChangeCipherSpec after the handshake");
  }
}

/** Signals the connection to send a no_renegotiation warning and stay connected. */
export class DeclineRenegotiation extends TlsAlertError {
  constructor() {
    super("no_renegotiation", "renegotiation is not supported yet");
  }
}
