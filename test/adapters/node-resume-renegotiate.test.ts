// Node adapter: session / 'session' / getSession() / isSessionReused(), renegotiate(options, callback).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../tls/adapters/node.js";
import { testPki } from "../support/certs.js";
import { interopProvider } from "../support/interop-provider.js";
import { withTimeout } from "../support/processes.js";
import {
  closeCleanly,
  connectWassl,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

describe("Node adapter resumption and renegotiation (wassl ↔ wassl)", () => {
  let server: WasslEchoServer;
  beforeAll(async () => {
    server = await startWasslEchoServer({ ca: testPki().caCert });
  });
  afterAll(() => server?.close());

  it("renegotiate() returns false before the handshake; the 'session' event carries a Buffer", async () => {
    const socket = connect({
      host: "127.0.0.1",
      port: server.port,
      servername: "localhost",
      ca: testPki().caCert,
      provider: interopProvider,
    });
    expect(socket.renegotiate({}, () => {})).toBe(false);
    const secure = withTimeout(new Promise((r) => socket.once("secureConnect", r)), INTEROP_TIMEOUT_MS, "secure");
    const session = await withTimeout(
      new Promise<Buffer>((resolve) => socket.once("session", resolve)),
      INTEROP_TIMEOUT_MS,
      "session event",
    );
    expect(Buffer.isBuffer(session)).toBe(true);
    await secure;
    expect(socket.getSession()?.equals(session)).toBe(true);
    await closeCleanly(socket);
    const again = await connectWassl(server.port, { session });
    expect(again.isSessionReused()).toBe(true);
    await closeCleanly(again);
  });

  it("server renegotiate({ requestCert }) authenticates the client afterwards; the callback reports success", async () => {
    const pki = testPki();
    const accepted = server.nextSocket();
    const socket = await connectWassl(server.port, { cert: pki.clientCert, key: pki.clientKey });
    const serverSide = await accepted;
    expect(serverSide.authorized).toBe(false);
    const renegotiated = withTimeout(
      new Promise<void>((resolve) => serverSide.once("renegotiated", () => resolve())),
      INTEROP_TIMEOUT_MS,
      "renegotiated event",
    );
    const error = await withTimeout(
      new Promise<Error | null>((resolve) => serverSide.renegotiate({ requestCert: true }, resolve)),
      INTEROP_TIMEOUT_MS,
      "renegotiate callback",
    );
    await renegotiated;
    expect(error).toBeNull();
    expect(serverSide.authorized).toBe(true);
    expect(serverSide.getPeerCertificate()).toMatchObject({ subject: { CN: "wassl test client" } });
    await closeCleanly(socket);
  });
});
