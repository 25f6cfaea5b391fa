// `--alpn` on both CLI roles: `wassl client --alpn` ↔ `openssl s_server -alpn`, and
// `openssl s_client -alpn` ↔ `wassl server --alpn --echo`.
import { afterAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { cliClientArgs, cliServerCertArgs, startWasslCli, startWasslCliServer } from "../support/cli-runner.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { startOpensslClient, startOpensslServer } from "../support/peers.js";
import type { PeerProcess } from "../support/processes.js";

const CLI_RUN_TIMEOUT_MS = 45_000;

describeWithPeers(["openssl"], "wassl CLI --alpn", () => {
  const stops: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it("the client offers its list and reports the protocol openssl s_server chose", async () => {
    const server = await startOpensslServer({
      ...serverCertFiles(),
      extraArgs: ["-alpn", "h2"],
    });
    stops.push(server.stop);
    const client = startWasslCli([...cliClientArgs(server.port), "--alpn", "http/1.1,h2"]);
    client.write("alpn\nCLOSE\n");
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    expect(status.code, client.stderr()).toBe(0);
    expect(client.stderr()).toMatch(/wassl: ALPN protocol: h2\n/);
  });

  it("the server selects its first protocol that openssl s_client offers", async () => {
    const pki = testPki();
    const server = await startWasslCliServer([...cliServerCertArgs(), "--echo", "--alpn", "h2,http/1.1", "--trace"]);
    stops.push(() => (server.process as PeerProcess).stop());
    const client = startOpensslClient({
      port: server.port,
      caFile: pki.files.caCert,
      servername: "localhost",
      verify: true,
      extraArgs: ["-alpn", "http/1.1,h2"],
    });
    client.write("ping\n");
    const out = await client.waitForStdoutBytes(5, CLI_RUN_TIMEOUT_MS);
    expect(out.toString()).toBe("ping\n");
    await server.process.waitForOutput(/session: .*ALPN h2/, CLI_RUN_TIMEOUT_MS);
    await client.stop();
  });
});
