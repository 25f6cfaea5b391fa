// The handshake state interface: each state is named after what it expects and returns the next state.
import { fail } from "../alerts.js";
import { type HandshakeMessage, handshakeMessageName } from "../messages/handshake-types.js";
import type { HandshakeContext } from "./context.js";

/** A handshake state. Handlers may be asynchronous (private-key operations, certificate checks). */
export interface HandshakeState {
  /** The state's name, e.g. `ExpectServerHello` (traces, flow-table tests). */
  readonly name: string;
  /** True once the handshake is complete (application data allowed). */
  readonly connected: boolean;
  /** Consumes one handshake message. */
  onHandshake(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState | Promise<HandshakeState>;
  /** Consumes a ChangeCipherSpec. */
  onChangeCipherSpec(ctx: HandshakeContext): HandshakeState;
}

/**
 * Base of the `Expect*` states: accepts only the listed message types (anything else is
 * unexpected_message, RFC 5246 §7.4) and adds accepted messages to the transcript before `handle`.
 */
export abstract class ExpectMessage implements HandshakeState {
  abstract readonly name: string;
  /** Handshake types this state accepts. */
  abstract readonly expects: readonly number[];
  readonly connected: boolean = false;

  onHandshake(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState | Promise<HandshakeState> {
    if (!this.expects.includes(message.type)) {
      fail("unexpected_message", `${handshakeMessageName(message.type)} in ${this.name}`);
    }
    ctx.hooks.trace(`${handshakeMessageName(message.type)} received`, `${message.body.length} bytes`, this.name);
    if (this.hashesOnEntry) ctx.transcript.add(message.raw);
    return this.handle(ctx, message);
  }

  onChangeCipherSpec(_ctx: HandshakeContext): HandshakeState {
    return fail("unexpected_message", `ChangeCipherSpec in ${this.name}`);
  }

  /** False for states that must hash the transcript before adding the message (Finished). */
  protected readonly hashesOnEntry: boolean = true;

  /** Processes an accepted message. */
  protected abstract handle(ctx: HandshakeContext, message: HandshakeMessage): HandshakeState | Promise<HandshakeState>;
}
