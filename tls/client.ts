// The client role.
import { fail } from "./alerts.js";
import { TlsConnection } from "./connection.js";
import { startClientHandshake } from "./handshake/client-states.js";
import { resolveConfig } from "./handshake/config.js";
import type { HandshakeState } from "./handshake/state.js";
import type { TlsClientOptions } from "./options.js";

/**
 * A TLS client connection (sans I/O). Register listeners, then call `start()` to emit the ClientHello.
 *
 * @example
 * const client = new TlsClient({ servername: "localhost", ca, provider });
 * client.on("send", (bytes) => socket.write(bytes));
 * client.on("handshake", (info) => console.log(info.version, info.cipherSuite.name));
 * client.on("data", (data) => console.log(new TextDecoder().decode(data)));
 * socket.on("data", (bytes) => client.receive(bytes));
 * await client.start();
 */
export class TlsClient extends TlsConnection {
  private started = false;

  /** Validates options (throws WasslError for unusable ones); sends nothing yet. */
  constructor(options: TlsClientOptions) {
    super(resolveConfig("client", options), () => new NotStarted());
  }

  /** Begins the handshake: queues the ClientHello (delivered via `send`). Idempotent. */
  start(): Promise<void> {
    return this.enqueue(() => {
      if (this.started) return;
      this.started = true;
      this.state = startClientHandshake(this.context);
    });
  }
}

/** Before `start()`: nothing is expected yet, so any handshake input is unexpected. */
class NotStarted implements HandshakeState {
  readonly name = "NotStarted";
  readonly connected = false;

  onHandshake(): HandshakeState {
    return fail("unexpected_message", "handshake data before the client started");
  }

  onChangeCipherSpec(): HandshakeState {
    return fail("unexpected_message", "ChangeCipherSpec before the client started");
  }
}
