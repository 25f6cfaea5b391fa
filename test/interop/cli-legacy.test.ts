// The CLI options of issue 6 against OpenSSL: `wassl server --require-cert/--request-cert --cafile` with
// `openssl s_client -cert/-key`, `wassl client --cert/--key` with `openssl s_server -Verify 1`,
// `--fallback-scsv`, `--max-fragment-length`, and SSL 3.0 between two wassl processes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { cliServerCertArgs, startWasslCli, startWasslCliServer } from "../support/cli-runner.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { type PeerServer, startOpensslClient, startOpensslServer } from "../support/peers.js";
import type { PeerProcess } from "../support/processes.js";

const CLI_RUN_TIMEOUT_MS = 45_000;

describeWithPeers(["openssl"], "wassl CLI: client certificates, fallback SCSV, max fragment length", () => {
  const processes: PeerProcess[] = [];
  let verifying: PeerServer;
  beforeAll(async () => {
    const pki = testPki();
    verifying = await startOpensslServer({
      ...serverCertFiles(),
      caFile: pki.files.caCert,
      requireClientCert: true,
      naccept: 10,
      extraArgs: ["-verify_return_error"],
    });
  });
  afterAll(async () => {
    await verifying?.stop();
    for (const p of processes) await p.stop();
  });

  it("wassl client --cert/--key → openssl s_server -Verify 1", async () => {
    const pki = testPki();
    const args = ["client", `127.0.0.1:${verifying.port}`, "--servername", "localhost", "--cafile", pki.files.caCert];
    const client = startWasslCli([...args, "--cert", pki.files.clientCert, "--key", pki.files.clientKey]);
    client.write("with cert\nCLOSE\n");
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    expect(client.stdout().toString()).toBe("trec htiw\n");
    expect(status.code, client.stderr()).toBe(0);
  });

  it("wassl server --require-cert: openssl s_client with a certificate is served, without refused", async () => {
    const pki = testPki();
    const server = await startWasslCliServer([
      ...cliServerCertArgs(),
      "--cafile",
      pki.files.caCert,
      "--require-cert",
      "--www",
      "--trace",
    ]);
    processes.push(server.process);
    const withCert = startOpensslClient({
      port: server.port,
      caFile: pki.files.caCert,
      certFile: pki.files.clientCert,
      keyFile: pki.files.clientKey,
      input: "GET / HTTP/1.0\r\n\r\n",
    });
    expect((await withCert.waitForExit(CLI_RUN_TIMEOUT_MS)).code, withCert.stderr()).toBe(0);
    expect(withCert.stdout().toString()).toMatch(/wassl test client/);
    const without = startOpensslClient({ port: server.port, caFile: pki.files.caCert, input: "GET /\r\n\r\n" });
    expect((await without.waitForExit(CLI_RUN_TIMEOUT_MS)).code).not.toBe(0);
    await server.process.waitForOutput(/handshake failed: .*handshake_failure/, CLI_RUN_TIMEOUT_MS);
  });

  it("wassl client --fallback-scsv --max-version tls1.1 → openssl s_server: inappropriate_fallback, exit 1", async () => {
    const pki = testPki();
    const client = startWasslCli([
      "client",
      `127.0.0.1:${verifying.port}`,
      "--cafile",
      pki.files.caCert,
      "--min-version",
      "tls1.0",
      "--max-version",
      "tls1.1",
      "--fallback-scsv",
    ]);
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    expect(status.code).toBe(1);
    expect(client.stderr()).toMatch(/inappropriate_fallback/);
  });

  it("wassl server --legacy --min-version ssl3 ↔ wassl client --legacy --max-version ssl3", async () => {
    const pki = testPki();
    const server = await startWasslCliServer([...cliServerCertArgs(), "--legacy", "--min-version", "ssl3", "--echo"]);
    processes.push(server.process);
    const client = startWasslCli([
      "client",
      `127.0.0.1:${server.port}`,
      "--cafile",
      pki.files.caCert,
      "--servername",
      "localhost",
      "--legacy",
      "--min-version",
      "ssl3",
      "--max-version",
      "ssl3",
      "--trace",
    ]);
    processes.push(client);
    const line = "over SSL 3.0\n".repeat(100);
    client.write(line);
    const out = await client.waitForStdoutBytes(line.length, CLI_RUN_TIMEOUT_MS);
    expect(out.toString()).toBe(line);
    expect(client.stderr()).toMatch(/session: SSLv3/);
    await client.stop();
  });

  it("--max-fragment-length rejects other values (exit 2)", async () => {
    const client = startWasslCli(["client", "127.0.0.1:1", "--max-fragment-length", "8192"]);
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    expect(status.code).toBe(2);
    expect(client.stderr()).toMatch(/--max-fragment-length must be one of/);
  });
});
