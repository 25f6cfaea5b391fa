// The connection's side of renegotiate(): the pending request's Promise and starting the handshake.
import { WasslError } from "../../bindings/errors.js";
import { HandshakeType } from "../messages/handshake-types.js";
import { ContentType } from "../record/constants.js";
import { startClientHandshake } from "./client-states.js";
import { Connected } from "./connected.js";
import type { HandshakeContext } from "./context.js";
import { renegotiationRefusal } from "./renegotiation.js";
import type { HandshakeState } from "./state.js";

/** Options of `renegotiate()` (node:tls `tlsSocket.renegotiate(options)` names). */
export interface RenegotiationOptions {
  /** Server: request a client certificate in this handshake (e.g. only for a protected resource). */
  requestCert?: boolean;
}

interface Deferred {
  resolve(): void;
  reject(error: Error): void;
}

/** Tracks our own renegotiation request: at most one at a time. */
export class RenegotiationControl {
  private waiting: Deferred[] = [];
  private inProgress = false;

  /** True while a renegotiation we asked for has not completed. */
  get pending(): boolean {
    return this.inProgress;
  }

  /** Returns the Promise of a new request. */
  request(): Promise<void> {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Why a renegotiation cannot start now (status, state, policy), or undefined. */
  refusalFor(ctx: HandshakeContext, connected: boolean, status: string): string | undefined {
    if (status !== "open") return `connection is ${status}`;
    if (!connected && !ctx.renegotiating) return "the initial handshake is not complete";
    return renegotiationRefusal(ctx);
  }

  /**
   * True when a renegotiation is already under way (ours, or one the peer started): the new request
   * simply waits for it to complete instead of starting another.
   */
  joinsRunning(ctx: HandshakeContext): boolean {
    if (this.inProgress) return true;
    if (!ctx.renegotiating) return false;
    this.inProgress = true;
    return true;
  }

  /** Client: sends a ClientHello; server: a HelloRequest (not hashed, RFC 5246 §7.4.1.1). */
  start(ctx: HandshakeContext, options: RenegotiationOptions): HandshakeState {
    this.inProgress = true;
    if (ctx.config.role === "client") {
      ctx.beginRenegotiation();
      return startClientHandshake(ctx);
    }
    ctx.requestCertNow = options.requestCert;
    // HelloRequest is never part of a transcript (RFC 5246 §7.4.1.1).
    ctx.sendUnhashed(ContentType.handshake, Uint8Array.of(HandshakeType.hello_request, 0, 0, 0));
    ctx.hooks.trace("HelloRequest sent", options.requestCert ? "client certificate requested" : undefined);
    return new Connected();
  }

  /** The peer answered no_renegotiation: back to Connected, the request fails. */
  declined(ctx: HandshakeContext, state: HandshakeState): HandshakeState {
    ctx.hooks.trace("renegotiation declined by the peer");
    this.reject("peer declined renegotiation (no_renegotiation)");
    if (state.connected) return state;
    ctx.renegotiating = false;
    return new Connected();
  }

  /** The renegotiation completed. */
  resolve(): void {
    this.inProgress = false;
    for (const d of this.waiting.splice(0)) d.resolve();
  }

  /** Fails pending requests. */
  reject(reason: string, code = "ERR_TLS_RENEGOTIATION_REFUSED"): void {
    this.inProgress = false;
    for (const d of this.waiting.splice(0)) d.reject(new WasslError(code, reason));
  }
}
