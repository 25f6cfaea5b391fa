// Runs examples/node-server.ts and examples/node-client.ts against each other and against node:tls.
import * as tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendMessage } from "../../examples/node-client.js";
import { type ExampleServer, startExampleServer } from "../../examples/node-server.js";
import { testPki } from "../support/certs.js";
import { type NodeTlsServer, startNodeTlsServer } from "../support/node-peers.js";

describe("examples/node-server.ts and examples/node-client.ts", () => {
  const pki = testPki();
  let server: ExampleServer;
  let nodeServer: NodeTlsServer;

  beforeAll(async () => {
    server = await startExampleServer({ cert: pki.serverCert, key: pki.serverKey });
    nodeServer = await startNodeTlsServer({ cert: pki.serverCert, key: pki.serverKey, maxVersion: "TLSv1.2" }, (s) =>
      s.once("data", (m: Buffer) => s.end(`node says: ${m.toString("utf8")}`)),
    );
  });
  afterAll(async () => {
    await server?.close();
    await nodeServer?.close();
  });

  it("the example client gets the example server's reply over TLS 1.2", async () => {
    const result = await sendMessage({
      host: "127.0.0.1",
      port: server.port,
      ca: pki.caCert,
      servername: "localhost",
      message: "hi",
    });
    expect(result).toMatchObject({ protocol: "TLSv1.2", reply: "you said: hi" });
    expect(result.cipher).toMatch(/^TLS_RSA_WITH_AES_/);
  });

  it("the example client talks to node:tls", async () => {
    const result = await sendMessage({
      host: "127.0.0.1",
      port: nodeServer.port,
      ca: pki.caCert,
      servername: "localhost",
      message: "hey",
    });
    expect(result).toMatchObject({ protocol: "TLSv1.2", reply: "node says: hey" });
  });

  it("the example server answers node:tls clients", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = tls.connect(
        { host: "127.0.0.1", port: server.port, ca: pki.caCert, servername: "localhost" },
        () => socket.write("from node"),
      );
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      socket.on("error", reject);
    });
    expect(reply).toBe("you said: from node");
  });

  it("the example client refuses a server its CA did not issue", async () => {
    const otherCa = tls.rootCertificates[0];
    await expect(
      sendMessage({ host: "127.0.0.1", port: server.port, ca: otherCa, servername: "localhost", message: "x" }),
    ).rejects.toThrow(/unknown_ca/);
  });
});
