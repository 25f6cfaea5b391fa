// The Connected state: application data flows; a HelloRequest (client) or ClientHello (server) starts
// a renegotiation when the policy allows it (RFC 5246 §7.4.1.1, RFC 5746), else no_renegotiation.
import { fail } from "../alerts.js";
import { type HandshakeMessage, HandshakeType, handshakeMessageName } from "../messages/handshake-types.js";
import { startClientHandshake } from "./client-states.js";
import type { HandshakeContext } from "./context.js";
import { assertRenegotiationAllowed, checkHelloRequest } from "./renegotiation.js";
import { ExpectClientHello } from "./server-states.js";
import type { HandshakeState } from "./state.js";

/**
 * Handshake complete. A renegotiation request is checked against the policy (`renegotiation`,
 * RFC 5746 support); refused ones are answered with a no_renegotiation warning and the connection
 * stays up. Any other handshake message or a ChangeCipherSpec is unexpected_message.
 */
export class Connected implements HandshakeState {
  readonly name = "Connected";
  readonly connected = true;

  onHandshake(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState | Promise<HandshakeState> {
    const isClient = ctx.config.role === "client";
    const request = isClient ? HandshakeType.hello_request : HandshakeType.client_hello;
    if (message.type !== request)
      fail("unexpected_message", `${handshakeMessageName(message.type)} after the handshake`);
    if (isClient) {
      checkHelloRequest(message);
      ctx.hooks.trace("HelloRequest received", "renegotiation requested by the server", this.name);
    }
    assertRenegotiationAllowed(ctx);
    ctx.beginRenegotiation();
    return isClient ? startClientHandshake(ctx) : new ExpectClientHello().onHandshake(ctx, message);
  }

  onChangeCipherSpec(): HandshakeState {
    return fail("unexpected_message", "ChangeCipherSpec after the handshake");
  }
}
