// Migrating from node-forge's TLS (docs/migrating-from-forge.md), runnable:
//   npx tsx examples/forge-migration.ts
//
// 1. `wasslClientAndServer`: the client/server pair of forge's README rewritten on wassl, each event
//    listener named after the forge callback it replaces.
// 2. `forgeClientToWasslServer`: a migration in progress — an unchanged forge client talks to a wassl
//    server (forge speaks at most TLS 1.1, so the server allows it explicitly).
import { generateKeyPairSync } from "node:crypto";
import { pathToFileURL } from "node:url";
import forge from "node-forge";
import { init } from "../bindings/index.js";
import { type CloseInfo, defaultPeerVerifier, TlsClient, TlsServer } from "../tls/index.js";

/** PEM credentials: a CA, and a server certificate for `localhost` issued by it. */
export interface ExamplePki {
  caCert: string;
  serverCert: string;
  serverKey: string;
}

/** What happened, in order: `client handshake TLSv1.2 …`, `server data Hi server!`, … */
export type Transcript = string[];

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** Resolves with a connection's `close` event (forge: `closed`, or `error` for a failure). */
const closed = (connection: TlsClient | TlsServer) =>
  new Promise<CloseInfo>((resolve) => connection.on("close", resolve));

/**
 * forge's README client and server, on wassl: both greet on `connected`, the client closes after the
 * server's greeting (`dataReady`), and both report `closed`.
 */
export async function wasslClientAndServer(pki: ExamplePki): Promise<Transcript> {
  await init(); // forge needs no init; wassl instantiates its WebAssembly core once
  const log: Transcript = [];

  // forge.tls.createConnection({ server: true, getCertificate, getPrivateKey, cipherSuites, … })
  const server = new TlsServer({ cert: pki.serverCert, key: pki.serverKey });
  // forge.tls.createConnection({ server: false, caStore, virtualHost, verify, cipherSuites, … })
  const client = new TlsClient({
    ca: pki.caCert, // caStore
    servername: "localhost", // virtualHost (SNI), and the name the certificate must match
    // verify: (c, verified, depth, certs) => verified — one call for the whole chain; wrap the default
    // check to add your own (pinning, extra name rules) or return { ok: false, code, message } to refuse.
    verifyPeerCertificate: async (request) => {
      const result = await defaultPeerVerifier(request);
      log.push(`client verify chain=${request.chain.length} ok=${result.ok}`);
      return result;
    },
  });

  // tlsDataReady: c => peer.process(c.tlsData.getBytes())  (bytes, not binary strings)
  client.on("send", (bytes) => void server.receive(bytes));
  server.on("send", (bytes) => void client.receive(bytes));

  // connected: c => c.prepare(forge.util.encodeUtf8("Hi …!"))
  client.on("handshake", (info) => {
    log.push(`client handshake ${info.version} ${info.cipherSuite.name} authorized=${info.authorized}`);
    void client.write(utf8.encode("Hi server!"));
  });
  server.on("handshake", () => {
    log.push("server handshake");
    void server.write(utf8.encode("Hi client!"));
  });

  // dataReady: c => forge.util.decodeUtf8(c.data.getBytes())
  client.on("data", (data) => {
    log.push(`client data ${text.decode(data)}`);
    void client.close(); // connection.close(): close_notify
  });
  server.on("data", (data) => log.push(`server data ${text.decode(data)}`));

  // error: (c, error) => …  — alerts are events; a failure also arrives as `close` with `error`
  for (const [name, connection] of [
    ["client", client],
    ["server", server],
  ] as const) {
    connection.on("alert", (alert) => log.push(`${name} alert ${alert.direction} ${alert.name}`));
  }

  const done = Promise.all([closed(client), closed(server)]);
  await client.start(); // connection.handshake()
  for (const [name, info] of [
    ["client", (await done)[0]],
    ["server", (await done)[1]],
  ] as const) {
    log.push(`${name} closed ${info.reason}${info.error ? ` ${info.error.message}` : ""}`);
  }
  return log;
}

/**
 * An unchanged forge client against a wassl server: what a fleet looks like halfway through a
 * migration. forge stops at TLS 1.1 and offers no AEAD suite, so the server allows TLS 1.1 and
 * TLS_RSA_WITH_AES_128_CBC_SHA explicitly (wassl's default is TLS 1.2 only).
 */
export async function forgeClientToWasslServer(pki: ExamplePki): Promise<Transcript> {
  await init();
  const log: Transcript = [];
  const server = new TlsServer({
    cert: pki.serverCert,
    key: pki.serverKey,
    minVersion: "TLSv1.1",
    ciphers: "TLS_RSA_WITH_AES_128_CBC_SHA",
  });
  server.on("handshake", (info) => {
    log.push(`server handshake ${info.version} ${info.cipherSuite.name}`);
    void server.write(utf8.encode("Hi forge!"));
  });
  server.on("data", (data) => log.push(`server data ${text.decode(data)}`));
  const serverClosed = closed(server);

  const clientDone = new Promise<void>((resolve, reject) => {
    const client = forge.tls.createConnection({
      server: false,
      caStore: forge.pki.createCaStore([pki.caCert]),
      virtualHost: "localhost",
      cipherSuites: [forge.tls.CipherSuites.TLS_RSA_WITH_AES_128_CBC_SHA],
      verify: (_c, verified) => verified,
      connected: (c) => {
        log.push("forge connected");
        c.prepare(forge.util.encodeUtf8("Hi wassl!"));
      },
      tlsDataReady: (c) => void server.receive(forge.util.binary.raw.decode(c.tlsData.getBytes())),
      dataReady: (c) => {
        log.push(`forge data ${forge.util.decodeUtf8(c.data.getBytes())}`);
        c.close();
      },
      closed: () => resolve(),
      error: (_c, error) => reject(new Error(`forge: ${error.message}`)),
    });
    server.on("send", (bytes) => client.process(forge.util.binary.raw.encode(bytes)));
    client.handshake();
  });
  await clientDone;
  log.push(`server closed ${(await serverClosed).reason}`);
  return log;
}

/** Throwaway credentials for running this file directly (node:crypto keys, forge certificates). */
export function examplePki(): ExamplePki {
  const issue = (subject: string, issuer: string, publicPem: string, signingPem: string, ca: boolean) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
    cert.serialNumber = `0${Math.floor(Math.random() * 1e9).toString(16)}`;
    cert.validity.notBefore = new Date(Date.now() - 60_000);
    cert.validity.notAfter = new Date(Date.now() + 86_400_000);
    cert.setSubject([{ name: "commonName", value: subject }]);
    cert.setIssuer([{ name: "commonName", value: issuer }]);
    cert.setExtensions(
      ca
        ? [
            { name: "basicConstraints", cA: true, critical: true },
            { name: "keyUsage", keyCertSign: true, critical: true },
          ]
        : [
            { name: "basicConstraints", cA: false },
            { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
            { name: "extKeyUsage", serverAuth: true },
            { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] },
          ],
    );
    cert.sign(forge.pki.privateKeyFromPem(signingPem), forge.md.sha256.create());
    return forge.pki.certificateToPem(cert);
  };
  const keyPair = () =>
    generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
  const ca = keyPair();
  const leaf = keyPair();
  return {
    caCert: issue("example CA", "example CA", ca.publicKey, ca.privateKey, true),
    serverCert: issue("localhost", "example CA", leaf.publicKey, ca.privateKey, false),
    serverKey: leaf.privateKey,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pki = examplePki();
  console.log("wassl client ↔ wassl server (forge's README flow):");
  for (const line of await wasslClientAndServer(pki)) console.log(`  ${line}`);
  console.log("forge client → wassl server:");
  for (const line of await forgeClientToWasslServer(pki)) console.log(`  ${line}`);
}
