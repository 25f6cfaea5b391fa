// Smoke tests of the `wassl` CLI against OpenSSL: `wassl client` ↔ `openssl s_server`,
// `wassl server --www/--echo` ↔ `openssl s_client`, and its exit codes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { serverCertFiles, testPki } from "../support/certs.js";
import { cliClientArgs, cliServerCertArgs, startWasslCli, startWasslCliServer } from "../support/cli-runner.js";
import { describeWithPeers } from "../support/peer-availability.js";
import { opensslSummary, type PeerServer, startOpensslClient, startOpensslServer } from "../support/peers.js";
import type { PeerProcess } from "../support/processes.js";

/** Bound on a CLI run: start-up compiles TypeScript on the fly. */
const CLI_RUN_TIMEOUT_MS = 45_000;

describeWithPeers(["openssl"], "wassl client ↔ openssl s_server", () => {
  let server: PeerServer;
  beforeAll(async () => {
    server = await startOpensslServer({
      ...serverCertFiles(),
      cipher: "AES256-SHA:AES128-GCM-SHA256",
      naccept: 10,
    });
  });
  afterAll(() => server?.stop());

  it("copies stdin to the server and the reply to stdout, traces the handshake, exits 0", async () => {
    const client = startWasslCli([
      ...cliClientArgs(server.port),
      "--min-version",
      "tls1.0",
      "--max-version",
      "tls1.1",
      "--ciphers",
      "AES256-SHA",
      "--trace",
    ]);
    client.write("hello wassl\nCLOSE\n");
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    expect(client.stdout().toString()).toBe("lssaw olleh\n");
    expect(status.code, client.stderr()).toBe(0);
    const trace = client.stderr();
    expect(trace).toMatch(/\+\s*[\d.]+ ms .*client_?hello sent/i);
    expect(trace).toMatch(/finished received/i);
    expect(trace).toMatch(/session: TLSv1\.1, TLS_RSA_WITH_AES_256_CBC_SHA, .*verified/);
  });

  it("exits 1 naming the alert when the server's certificate does not verify", async () => {
    const pki = testPki();
    const client = startWasslCli([
      "client",
      `127.0.0.1:${server.port}`,
      "--servername",
      "localhost",
      "--cafile",
      pki.files.clientCert, // not the issuing CA
    ]);
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    expect(status.code).toBe(1);
    expect(client.stderr()).toMatch(/wassl: sent alert unknown_ca/);
  });
});

it("exits 2 with the usage on a bad command line", async () => {
  const client = startWasslCli(["client", "no-port-here"]);
  const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
  expect(status.code).toBe(2);
  expect(client.stderr()).toMatch(/expected HOST:PORT[\s\S]*usage: wassl client/);
});

describeWithPeers(["openssl"], "wassl server ↔ openssl s_client", () => {
  const servers: PeerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it("--www answers GET with a page describing the connection", async () => {
    const pki = testPki();
    const server = await startWasslCliServer([...cliServerCertArgs(), "--www", "--min-version", "tls1.0", "--trace"]);
    servers.push(server.process);
    const client = startOpensslClient({
      port: server.port,
      caFile: pki.files.caCert,
      servername: "localhost",
      verify: true,
      version: "TLSv1",
      cipher: "AES128-SHA",
      input: "GET / HTTP/1.0\r\n\r\n",
    });
    const status = await client.waitForExit(CLI_RUN_TIMEOUT_MS);
    const page = client.stdout().toString();
    expect(status.code, client.stderr()).toBe(0);
    expect(page).toMatch(/^HTTP\/1\.0 200 ok\r\n/);
    expect(page).toMatch(/Protocol version: +TLSv1\n/);
    expect(page).toMatch(/Cipher suite: +TLS_RSA_WITH_AES_128_CBC_SHA \(AES128-SHA\)/);
    expect(page).toMatch(/Server name \(SNI\): +localhost/);
    expect(opensslSummary(client.stderr())).toEqual({ protocol: "TLSv1", cipher: "AES128-SHA" });
    await server.process.waitForOutput(/conn 1 .*handshake complete/, CLI_RUN_TIMEOUT_MS);
  });

  it("--echo sends every byte back", async () => {
    const pki = testPki();
    const server = await startWasslCliServer([...cliServerCertArgs(), "--echo"]);
    servers.push(server.process);
    const client = startOpensslClient({
      port: server.port,
      caFile: pki.files.caCert,
      servername: "localhost",
      verify: true,
    });
    const data = "ping over wassl\n".repeat(1000);
    client.write(data);
    const out = await client.waitForStdoutBytes(data.length, CLI_RUN_TIMEOUT_MS);
    expect(out.toString()).toBe(data);
    expect(opensslSummary(client.stderr())).toEqual({ protocol: "TLSv1.2", cipher: "AES128-GCM-SHA256" });
    await client.stop();
  });
});
