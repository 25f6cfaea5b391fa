// `wassl client --reconnect / --renegotiate` and `wassl server --request-cert-on-renegotiation /
// --renegotiate-after-bytes` against OpenSSL and against each other.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { cliClientArgs, cliServerCertArgs, startWasslCli, startWasslCliServer } from "../support/cli-runner.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { type PeerServer, startOpensslClient, startOpensslServer } from "../support/peers.js";
import type { PeerProcess } from "../support/processes.js";

const CLI_RUN_TIMEOUT_MS = 45_000;

describeWithPeers(["openssl"], "wassl CLI resumption and renegotiation", () => {
  const pki = testPki();
  let openssl: PeerServer;
  let wassl: { port: number; process: PeerProcess };
  beforeAll(async () => {
    openssl = await startOpensslServer({
      ...serverCertFiles(),
      naccept: 10,
      extraArgs: ["-client_renegotiation"],
    });
    wassl = await startWasslCliServer([
      ...cliServerCertArgs(),
      "--cafile",
      pki.files.caCert,
      "--echo",
      "--renegotiate-after-bytes",
      "3",
      "--request-cert-on-renegotiation",
      "--trace",
    ]);
  });
  afterAll(async () => {
    await openssl?.stop();
    await wassl?.process.stop();
  });

  it("wassl client --reconnect --renegotiate against s_server: resumed and renegotiated, traced", async () => {
    const run = startWasslCli([...cliClientArgs(openssl.port), "--reconnect", "--renegotiate", "--trace"]);
    run.write("ping\n");
    await run.waitForOutput(/wassl: renegotiated/, CLI_RUN_TIMEOUT_MS);
    run.write("CLOSE\n");
    await run.waitForExit(CLI_RUN_TIMEOUT_MS);
    const err = run.stderr();
    expect(err).toMatch(/first connection got a resumable session/);
    expect(err).toMatch(/session offered/);
    expect(err).toMatch(/wassl: session resumed/);
    expect(err).toMatch(/renegotiation started/);
    expect(err).toMatch(/renegotiation_info verified/);
  });

  it("wassl server requests a client certificate on renegotiation after N bytes (s_client with -cert)", async () => {
    const client = startOpensslClient({
      port: wassl.port,
      servername: "localhost",
      caFile: pki.files.caCert,
      certFile: pki.files.clientCert,
      keyFile: pki.files.clientKey,
      input: "abcdef\n",
    });
    try {
      await wassl.process.waitForOutput(
        /renegotiated: .*peer certificate CN=wassl test client, verified/,
        CLI_RUN_TIMEOUT_MS,
      );
      await client.waitForOutput(/abcdef/, CLI_RUN_TIMEOUT_MS);
    } finally {
      await client.stop();
    }
  });

  it("wassl client --reconnect against wassl server reports the resumption", async () => {
    const run = startWasslCli([
      ...cliClientArgs(wassl.port),
      "--cert",
      pki.files.clientCert,
      "--key",
      pki.files.clientKey,
      "--reconnect",
    ]);
    try {
      await run.waitForOutput(/wassl: session resumed/, CLI_RUN_TIMEOUT_MS);
      run.write("hello\n");
      await run.waitForOutput(/hello/, CLI_RUN_TIMEOUT_MS);
    } finally {
      await run.stop();
    }
  });
});
