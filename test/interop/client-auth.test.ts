// Client certificate authentication against real peers, both roles, TLS 1.0–1.2 (CertificateVerify with
// MD5‖SHA-1 before TLS 1.2, a signature scheme in TLS 1.2): openssl s_server -Verify 1 / s_client -cert,
// gnutls-serv --verify-client-cert / gnutls-cli --x509certfile, Node tls.connect({cert,key}) / requestCert.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { WasslSocket } from "../../tls/adapters/node.js";
import type { PeerCertificate } from "../../tls/adapters/node-peer-certificate.js";
import type { HashName, ProviderRsaPrivateKey, SignatureHash } from "../../tls/provider.js";
import { decodeRsaPrivateKeyPem } from "../../tls/x509/keys.js";
import { serverCertFiles, testPki } from "../support/certs.js";
import { initInteropProvider, interopProvider } from "../support/interop-provider.js";
import { connectNodeTls, startNodeTlsServer } from "../support/node-peers.js";
import { describeWithPeers } from "../support/peer-availability.js";
import {
  gnutlsPriority,
  type PeerServer,
  startGnutlsClient,
  startGnutlsServer,
  startOpensslClient,
  startOpensslServer,
} from "../support/peers.js";
import {
  closeCleanly,
  connectWassl,
  echoRoundTrip,
  INTEROP_TIMEOUT_MS,
  startWasslEchoServer,
  type WasslEchoServer,
} from "../support/wassl-peers.js";

type Version = "TLSv1" | "TLSv1.1" | "TLSv1.2";
const VERSIONS: Version[] = ["TLSv1", "TLSv1.1", "TLSv1.2"];
const CLIENT_CN = "wassl test client";
const LINE = "client auth\n";

beforeAll(initInteropProvider);

/** The CN of the certificate our server saw from the client. */
function peerCn(socket: WasslSocket): unknown {
  return (socket.getPeerCertificate() as Partial<PeerCertificate>).subject?.CN;
}

const clientCredentials = () => ({ cert: testPki().clientCert, key: testPki().clientKey });

/** A wassl server asking for (`require`: demanding) a client certificate issued by the test CA. */
function startAuthServer(require: boolean): Promise<WasslEchoServer> {
  return startWasslEchoServer({ requestCert: true, rejectUnauthorized: require, ca: testPki().caCert });
}

describeWithPeers(["openssl"], "client auth: wassl client ↔ openssl s_server -Verify 1", () => {
  let server: PeerServer;
  beforeAll(async () => {
    const pki = testPki();
    server = await startOpensslServer({
      ...serverCertFiles(),
      caFile: pki.files.caCert,
      requireClientCert: true,
      cipher: "AES128-SHA:AES128-GCM-SHA256",
      naccept: 100,
      extraArgs: ["-verify_return_error"],
    });
  });
  afterAll(() => server?.stop());

  it.each(VERSIONS)("%s with a certificate", async (version) => {
    const socket = await connectWassl(server.port, {
      minVersion: version,
      maxVersion: version,
      ...clientCredentials(),
    });
    const echoed = await echoRoundTrip(socket, Buffer.from(LINE));
    expect(echoed.toString()).toBe([...LINE.trimEnd()].reverse().join("") + "\n");
    await closeCleanly(socket);
    expect(server.process.stdout() + server.process.stderr()).toContain(CLIENT_CN);
  });

  it("without a certificate the server refuses", async () => {
    // TLS 1.2: the client learns of the refusal from the server's alert after its own Finished.
    const attempt = connectWassl(server.port, { maxVersion: "TLSv1.2" }).then(async (socket) => {
      await echoRoundTrip(socket, Buffer.from(LINE), 5_000);
      return socket;
    });
    await expect(attempt).rejects.toThrow();
  });
});

describeWithPeers(["openssl"], "client auth: openssl s_client -cert → wassl server", () => {
  let required: WasslEchoServer;
  let optional: WasslEchoServer;
  beforeAll(async () => {
    required = await startAuthServer(true);
    optional = await startAuthServer(false);
  });
  afterAll(async () => {
    await required?.close();
    await optional?.close();
  });

  it.each(VERSIONS)("%s: requireCert, client certificate verified", async (version) => {
    const pki = testPki();
    const accepted = required.nextSocket();
    const client = startOpensslClient({
      port: required.port,
      caFile: pki.files.caCert,
      servername: "localhost",
      verify: true,
      version,
      cipher: "AES128-SHA:AES128-GCM-SHA256",
      certFile: pki.files.clientCert,
      keyFile: pki.files.clientKey,
      input: LINE,
    });
    try {
      const ours = await accepted;
      expect(ours.getProtocol()).toBe(version);
      expect(ours.authorized).toBe(true);
      expect(peerCn(ours)).toBe(CLIENT_CN);
      await client.waitForStdoutBytes(LINE.length, INTEROP_TIMEOUT_MS);
      await closeCleanly(ours);
      expect((await client.waitForExit(INTEROP_TIMEOUT_MS)).code, client.stderr()).toBe(0);
    } finally {
      await client.stop();
    }
  });

  it("requestCert without requireCert: a client without a certificate is accepted, unauthorized", async () => {
    const accepted = optional.nextSocket();
    const client = startOpensslClient({ port: optional.port, caFile: testPki().files.caCert, input: LINE });
    try {
      const ours = await accepted;
      expect(ours.authorized).toBe(false);
      expect(ours.authorizationError).toBe("PEER_DID_NOT_RETURN_A_CERTIFICATE");
      expect(peerCn(ours)).toBeUndefined();
      await closeCleanly(ours);
    } finally {
      await client.stop();
    }
  });

  it("requireCert: a client without a certificate gets handshake_failure", async () => {
    const before = required.errors.length;
    const client = startOpensslClient({ port: required.port, caFile: testPki().files.caCert, input: LINE });
    try {
      const status = await client.waitForExit(INTEROP_TIMEOUT_MS);
      expect(status.code).not.toBe(0);
      expect(client.stderr()).toMatch(/handshake failure/i);
      expect(required.errors.length).toBeGreaterThan(before);
      expect(String(required.errors.at(-1)?.message)).toMatch(/handshake_failure/);
    } finally {
      await client.stop();
    }
  });
});

describeWithPeers(["gnutls-serv", "gnutls-cli"], "client auth: GnuTLS", () => {
  let gnutlsServer: PeerServer;
  let wasslServer: WasslEchoServer;
  beforeAll(async () => {
    const pki = testPki();
    gnutlsServer = await startGnutlsServer({
      ...serverCertFiles(),
      caFile: pki.files.caCert,
      requireClientCert: true,
    });
    wasslServer = await startAuthServer(true);
  });
  afterAll(async () => {
    await gnutlsServer?.stop();
    await wasslServer?.close();
  });

  it.each(VERSIONS)("wassl client → gnutls-serv -r --verify-client-cert, %s", async (version) => {
    const socket = await connectWassl(gnutlsServer.port, {
      minVersion: version,
      maxVersion: version,
      ciphers: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      ...clientCredentials(),
    });
    expect((await echoRoundTrip(socket, Buffer.from(LINE))).toString()).toBe(LINE);
    await closeCleanly(socket);
  });

  it.each(VERSIONS)("gnutls-cli --x509certfile → wassl server, %s", async (version) => {
    const pki = testPki();
    const accepted = wasslServer.nextSocket();
    const client = startGnutlsClient({
      port: wasslServer.port,
      caFile: pki.files.caCert,
      certFile: pki.files.clientCert,
      keyFile: pki.files.clientKey,
      priority: gnutlsPriority({ version, cipher: "3DES-CBC", mac: "SHA1" }),
      input: LINE,
    });
    try {
      const ours = await accepted;
      expect(ours.getProtocol()).toBe(version);
      expect(ours.authorized).toBe(true);
      expect(peerCn(ours)).toBe(CLIENT_CN);
      expect((await client.waitForStdoutBytes(LINE.length, INTEROP_TIMEOUT_MS)).toString()).toBe(LINE);
      await closeCleanly(ours);
      expect((await client.waitForExit(INTEROP_TIMEOUT_MS)).code, client.stderr()).toBe(0);
    } finally {
      await client.stop();
    }
  });
});

describeWithPeers([], "client auth: node:tls", () => {
  it.each(VERSIONS)("node tls.connect({cert, key}) → wassl server, %s", async (version) => {
    const pki = testPki();
    const server = await startAuthServer(true);
    try {
      const accepted = server.nextSocket();
      const client = await connectNodeTls(server.port, {
        servername: "localhost",
        ca: pki.caCert,
        cert: pki.clientCert,
        key: pki.clientKey,
        minVersion: version,
        maxVersion: version,
        ciphers: "AES128-SHA:AES128-GCM-SHA256:@SECLEVEL=0",
      });
      const ours = await accepted;
      expect(ours.authorized).toBe(true);
      expect(peerCn(ours)).toBe(CLIENT_CN);
      expect((await echoRoundTrip(client, Buffer.from(LINE))).toString()).toBe(LINE);
      client.destroy();
    } finally {
      await server.close();
    }
  });

  it.each(VERSIONS)("wassl client → node tls server requestCert, %s", async (version) => {
    const pki = testPki();
    const server = await startNodeTlsServer({
      cert: pki.serverCert,
      key: pki.serverKey,
      ca: pki.caCert,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: "TLSv1",
      ciphers: "AES128-SHA:AES128-GCM-SHA256:@SECLEVEL=0",
    });
    try {
      const socket = await connectWassl(server.port, {
        minVersion: version,
        maxVersion: version,
        ...clientCredentials(),
      });
      expect((await echoRoundTrip(socket, Buffer.from(LINE))).toString()).toBe(LINE);
      const nodeSide = server.sockets[0];
      expect(nodeSide.authorized).toBe(true);
      expect(nodeSide.getPeerCertificate().subject.CN).toBe(CLIENT_CN);
      await closeCleanly(socket);
    } finally {
      await server.close();
    }
  });
});

/** A provider key whose private operations resolve later, as from a remote signer. */
function delayedKey(pem: string): ProviderRsaPrivateKey & { calls: string[] } {
  const local = interopProvider.importRsaPrivateKey(decodeRsaPrivateKeyPem(pem));
  const calls: string[] = [];
  const later =
    <A extends unknown[], R>(name: string, op: (...args: A) => R | Promise<R>) =>
    (...args: A) =>
      new Promise<R>((resolve, reject) => {
        calls.push(name);
        setTimeout(() => Promise.resolve(op(...args)).then(resolve, reject), 10);
      });
  return {
    calls,
    bits: local.bits,
    publicKey: local.publicKey,
    decryptTlsPremaster: later("decrypt", (c: Uint8Array, v: number) => local.decryptTlsPremaster(c, v)),
    signPkcs1v15: later("sign", (h: SignatureHash, d: Uint8Array) => local.signPkcs1v15(h, d)),
    signPss: later("signPss", (h: HashName, d: Uint8Array) => local.signPss(h, d)),
  };
}

describeWithPeers(["openssl"], "asynchronous keys against openssl", () => {
  it("openssl s_client → wassl server whose key decrypts remotely", async () => {
    const pki = testPki();
    const key = delayedKey(pki.serverKey);
    const server = await startWasslEchoServer({ key });
    try {
      const accepted = server.nextSocket();
      const client = startOpensslClient({ port: server.port, caFile: pki.files.caCert, verify: true, input: LINE });
      try {
        await accepted;
        expect((await client.waitForStdoutBytes(LINE.length, INTEROP_TIMEOUT_MS)).toString()).toBe(LINE);
        expect(key.calls).toEqual(["decrypt"]);
      } finally {
        await client.stop();
      }
    } finally {
      await server.close();
    }
  });

  it.each(VERSIONS)("wassl client with a remote signing key → openssl s_server -Verify 1, %s", async (version) => {
    const pki = testPki();
    const server = await startOpensslServer({
      ...serverCertFiles(),
      caFile: pki.files.caCert,
      requireClientCert: true,
      cipher: "AES128-SHA:AES128-GCM-SHA256",
      extraArgs: ["-verify_return_error"],
    });
    try {
      const key = delayedKey(pki.clientKey);
      const socket = await connectWassl(server.port, {
        minVersion: version,
        maxVersion: version,
        cert: pki.clientCert,
        key,
      });
      expect((await echoRoundTrip(socket, Buffer.from(LINE))).toString()).toBe("htua tneilc\n");
      expect(key.calls).toEqual(["sign"]);
      await closeCleanly(socket);
    } finally {
      await server.stop();
    }
  });
});
