// Resumption and renegotiation against the OpenSSL 3 CLI: s_server driven by `r`/`R` on stdin,
// `-client_renegotiation`; s_client typing `R`, `-reconnect`, `-sess_out`/`-sess_in`, EMS mismatch.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { WasslSocket } from "../../tls/adapters/node.js";
import { serverCertFiles, testPki } from "../support/certs.js";
import { initInteropProvider } from "../support/interop-provider.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { startOpensslClient, startOpensslServer } from "../support/peers.js";
import { makeTempDir, startProcess, withTimeout } from "../support/processes.js";
import {
  closeCleanly,
  connectWassl,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

beforeAll(initInteropProvider);

/** Resolves on the engine's next `renegotiated` event (bounded). */
function nextRenegotiation(socket: WasslSocket): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      const done = () => {
        socket.connection.off("renegotiated", done);
        resolve();
      };
      socket.connection.on("renegotiated", done);
    }),
    INTEROP_TIMEOUT_MS,
    "renegotiation",
  );
}

describeWithPeers(["openssl"], "wassl client ↔ openssl s_server", () => {
  const pki = testPki();
  const stdioServer = (extraArgs: string[] = []) =>
    startOpensslServer({
      mode: "stdio",
      ...serverCertFiles(),
      caFile: pki.files.caCert,
      cipher: "AES128-GCM-SHA256:AES128-SHA",
      extraArgs,
    });

  for (const command of ["r", "R"] as const) {
    it(`server-initiated renegotiation (s_server stdin '${command}')${command === "R" ? " with a client certificate" : ""}`, async () => {
      const server = await stdioServer();
      try {
        const socket = await connectWassl(server.port, { cert: pki.clientCert, key: pki.clientKey });
        const renegotiated = nextRenegotiation(socket);
        const steps: string[] = [];
        socket.connection.on("trace", (t) => steps.push(t.step));
        server.process.write(`${command}\n`);
        await renegotiated;
        expect(socket.connection.session?.secureRenegotiation).toBe(true);
        socket.write("after renegotiation\n");
        await server.process.waitForOutput(/after renegotiation/, INTEROP_TIMEOUT_MS);
        // 'R' asks for a certificate in the renegotiation only: the client answers with its chain.
        expect(steps.includes("CertificateRequest received")).toBe(command === "R");
        expect(steps.includes("CertificateVerify sent")).toBe(command === "R");
        socket.destroy();
      } finally {
        await server.stop();
      }
    });
  }

  it("client-initiated renegotiation: accepted with -client_renegotiation, refused (no_renegotiation) without", async () => {
    const allowing = await stdioServer(["-client_renegotiation"]);
    try {
      const socket = await connectWassl(allowing.port);
      await withTimeout(socket.connection.renegotiate(), INTEROP_TIMEOUT_MS, "renegotiate");
      socket.write("still here\n");
      await allowing.process.waitForOutput(/still here/, INTEROP_TIMEOUT_MS);
      socket.destroy();
    } finally {
      await allowing.stop();
    }
    const refusing = await stdioServer();
    try {
      const socket = await connectWassl(refusing.port);
      const outcome = await withTimeout(
        socket.connection.renegotiate().then(
          () => "renegotiated",
          (error: { code?: string }) => error.code,
        ),
        INTEROP_TIMEOUT_MS,
        "renegotiate",
      );
      expect(outcome).toBe("ERR_TLS_RENEGOTIATION_REFUSED");
      socket.write("still open\n");
      await refusing.process.waitForOutput(/still open/, INTEROP_TIMEOUT_MS);
      socket.destroy();
    } finally {
      await refusing.stop();
    }
  });

  for (const tickets of [true, false]) {
    it(`resumes with s_server's ${tickets ? "ticket" : "session ID"}`, async () => {
      const server = await startOpensslServer({
        ...serverCertFiles(),
        naccept: 2,
        extraArgs: tickets ? [] : ["-no_ticket"],
      });
      try {
        const first = await connectWassl(server.port);
        const session = first.getSession();
        expect(session).toBeDefined();
        await closeCleanly(first);
        const second = await connectWassl(server.port, { session });
        expect(second.isSessionReused()).toBe(true);
        await closeCleanly(second);
      } finally {
        await server.stop();
      }
    });
  }
});

describeWithPeers(["openssl"], "openssl s_client ↔ wassl server", () => {
  const pki = testPki();
  let server: WasslEchoServer;
  beforeAll(async () => {
    server = await startWasslEchoServer();
  });
  afterAll(() => server?.close());

  /** Full-output s_client (no -brief: it prints `New,`/`Reused,` per connection and obeys `R`). */
  const sClient = (extra: string[], env?: Record<string, string>) =>
    startProcess(
      "openssl",
      [
        "s_client",
        "-connect",
        `127.0.0.1:${server.port}`,
        "-servername",
        "localhost",
        "-CAfile",
        pki.files.caCert,
        "-cipher",
        "AES128-GCM-SHA256:@SECLEVEL=0",
        ...extra,
      ],
      { env },
    );

  for (const noTicket of [false, true]) {
    it(`s_client -reconnect resumes${noTicket ? " by session ID (-no_ticket)" : " with tickets"}`, async () => {
      const client = sClient(["-reconnect", ...(noTicket ? ["-no_ticket"] : [])]);
      try {
        const match = await client.waitForOutput(/(Reused, TLSv1\.2[\s\S]*){5}/, INTEROP_TIMEOUT_MS);
        expect(match[0]).toContain("Reused");
      } finally {
        await client.stop();
      }
    });
  }

  it("-sess_out then -sess_in resumes; the same session offered without EMS is refused (RFC 7627 §5.3)", async () => {
    const file = join(makeTempDir(), "session.pem");
    const first = sClient(["-sess_out", file, "-no_ticket"]);
    try {
      await first.waitForOutput(/New, TLSv1\.2/, INTEROP_TIMEOUT_MS);
      await withTimeout(
        (async () => {
          while (!existsSync(file)) await new Promise((r) => setTimeout(r, 10));
        })(),
        INTEROP_TIMEOUT_MS,
        "session file",
      );
    } finally {
      await first.stop();
    }
    const second = sClient(["-sess_in", file, "-no_ticket"]);
    try {
      await second.waitForOutput(/Reused, TLSv1\.2/, INTEROP_TIMEOUT_MS);
    } finally {
      await second.stop();
    }
    const before = server.errors.length;
    const noEms = startOpensslClient({
      port: server.port,
      servername: "localhost",
      caFile: pki.files.caCert,
      cipher: "AES128-GCM-SHA256",
      ems: false,
      extraArgs: ["-sess_in", file, "-no_ticket"],
    });
    try {
      await noEms.waitForOutput(/handshake failure/i, INTEROP_TIMEOUT_MS);
    } finally {
      await noEms.stop();
    }
    expect(
      server.errors
        .slice(before)
        .map((e) => e.message)
        .join("\n"),
    ).toMatch(/RFC 7627/);
  });

  it("s_client typing 'R' renegotiates with the wassl server", async () => {
    const accepted = server.nextSocket();
    const client = sClient([]);
    try {
      const socket = await accepted;
      const renegotiated = nextRenegotiation(socket);
      await client.waitForOutput(/Verify return code: 0/, INTEROP_TIMEOUT_MS);
      client.write("R\n");
      await renegotiated;
      client.write("echo after\n");
      await client.waitForOutput(/echo after/, INTEROP_TIMEOUT_MS);
      expect(client.stderr() + client.stdout().toString()).toContain("RENEGOTIATING");
    } finally {
      await client.stop();
    }
  });
});
