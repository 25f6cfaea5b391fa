// The server role.
import { TlsConnection } from "./connection.js";
import { resolveConfig } from "./handshake/config.js";
import { ExpectClientHello } from "./handshake/server-states.js";
import type { TlsServerOptions } from "./options.js";

/**
 * A TLS server connection (sans I/O), one per accepted transport connection. It waits for the
 * ClientHello; feed it with `receive()`.
 *
 * @example
 * const server = new TlsServer({ cert, key, provider });
 * server.on("send", (bytes) => socket.write(bytes));
 * server.on("data", (data) => server.write(data)); // echo
 * socket.on("data", (bytes) => server.receive(bytes));
 */
export class TlsServer extends TlsConnection {
  /** Validates options and imports the key (throws WasslError when `cert`/`key` are missing or unusable). */
  constructor(options: TlsServerOptions) {
    super(resolveConfig("server", options), () => new ExpectClientHello());
  }
}
