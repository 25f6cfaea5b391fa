// Renegotiation with GnuTLS and the RFC 5746 matrix: gnutls-cli --rehandshake against the wassl server
// (safe, %DISABLE_SAFE_RENEGOTIATION refused by default and allowed with the legacy option), the wassl
// client against gnutls-serv (safe and unsafe), EMS on/off with resumption.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { initInteropProvider } from "../support/interop-provider.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { startGnutlsServer } from "../support/peers.js";
import { startProcess, withTimeout } from "../support/processes.js";
import {
  closeCleanly,
  connectWassl,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

beforeAll(initInteropProvider);

const SAFE = "NORMAL:-VERS-ALL:+VERS-TLS1.2:-KX-ALL:+RSA";
const UNSAFE = `${SAFE}:%DISABLE_SAFE_RENEGOTIATION`;

describeWithPeers(["gnutls-cli"], "gnutls-cli --rehandshake → wassl server", () => {
  const pki = testPki();
  const servers: WasslEchoServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  /** Runs gnutls-cli with --rehandshake; returns its output once it reports the rehandshake outcome. */
  async function rehandshake(port: number, priority: string): Promise<string> {
    const args = ["127.0.0.1", "-p", String(port), "--priority", priority, "--x509cafile", pki.files.caCert];
    args.push("--sni-hostname", "localhost", "--verify-hostname", "localhost", "--rehandshake");
    const client = startProcess("gnutls-cli", args);
    try {
      await client.waitForOutput(/ReHandshake was completed|ReHandshake has failed/, INTEROP_TIMEOUT_MS);
      return client.stdout().toString() + client.stderr();
    } finally {
      await client.stop();
    }
  }

  const cases = [
    { name: "safe client, default server", priority: SAFE, server: {}, completes: true },
    { name: "unsafe client, default server: refused", priority: UNSAFE, server: {}, completes: false },
    { name: "unsafe client, legacy server: allowed", priority: UNSAFE, server: { legacy: true }, completes: true },
    {
      name: "unsafe client, allowInsecureRenegotiation: allowed",
      priority: UNSAFE,
      server: { allowInsecureRenegotiation: true },
      completes: true,
    },
    {
      name: "safe client, policy never: refused",
      priority: SAFE,
      server: { renegotiation: "never" as const },
      completes: false,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const server = await startWasslEchoServer(c.server);
      servers.push(server);
      const log = await rehandshake(server.port, c.priority);
      expect(/ReHandshake was completed/i.test(log), log).toBe(c.completes);
    });
  }
});

describeWithPeers(["gnutls-serv"], "wassl client → gnutls-serv (RFC 5746, resumption, EMS)", () => {
  const files = serverCertFiles();

  it("safe server: client-initiated renegotiation completes", async () => {
    const server = await startGnutlsServer({ ...files, priority: SAFE });
    try {
      const socket = await connectWassl(server.port);
      expect(socket.connection.session?.secureRenegotiation).toBe(true);
      await withTimeout(socket.connection.renegotiate(), INTEROP_TIMEOUT_MS, "renegotiate");
      await closeCleanly(socket);
    } finally {
      await server.stop();
    }
  });

  it("server without RFC 5746: refused by default, allowed with legacy", async () => {
    const server = await startGnutlsServer({ ...files, priority: UNSAFE });
    try {
      await expect(connectWassl(server.port)).rejects.toThrow(/handshake_failure|RFC 5746/);
      const socket = await connectWassl(server.port, { legacy: true });
      expect(socket.connection.session?.secureRenegotiation).toBe(false);
      await closeCleanly(socket);
    } finally {
      await server.stop();
    }
  });

  for (const ems of [true, false]) {
    it(`resumes by session ID and ticket, EMS ${ems ? "on" : "off (%NO_SESSION_HASH)"}`, async () => {
      const server = await startGnutlsServer({ ...files, priority: ems ? SAFE : `${SAFE}:%NO_SESSION_HASH` });
      try {
        for (const sessionTickets of [true, false]) {
          const first = await connectWassl(server.port, { sessionTickets });
          expect(first.connection.session?.extendedMasterSecret).toBe(ems);
          const session = first.getSession();
          await closeCleanly(first);
          const second = await connectWassl(server.port, { session, sessionTickets });
          expect(second.isSessionReused(), `tickets=${sessionTickets}`).toBe(true);
          await closeCleanly(second);
        }
      } finally {
        await server.stop();
      }
    });
  }
});
