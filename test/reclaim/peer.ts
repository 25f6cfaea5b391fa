// Test peers for the reclaim backend: an openssl-made CA and server certificate, a Node TLS echo server
// on 127.0.0.1, and a runner that drives reclaim's client over a TCP socket until the echo comes back.
import { connect } from "node:net";
import * as tls from "node:tls";
import { loadX509FromPem, makeTLSClient } from "@reclaimprotocol/tls";
import { OpenSslDir } from "../x509/openssl.js";

/** PEM material for a CA and a `localhost` server certificate signed by it. */
export interface TestPki {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** Makes an RSA-2048 CA and server certificate (SAN localhost, 127.0.0.1) with the openssl CLI. */
export function makeTestPki(): TestPki {
  const dir = new OpenSslDir();
  try {
    dir.run(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "2",
      "-subj",
      "/CN=wassl test CA",
    );
    dir.run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=localhost");
    dir.write("ext.cnf", "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
    dir.run(
      "x509",
      "-req",
      "-in",
      "srv.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "srv.pem",
      "-days",
      "2",
      "-extfile",
      "ext.cnf",
    );
    return { caPem: dir.read("ca.pem"), certPem: dir.read("srv.pem"), keyPem: dir.read("srv.key") };
  } finally {
    dir.dispose();
  }
}

/** Node TLS settings for one server. */
export interface ServerSettings {
  minVersion: tls.SecureVersion;
  maxVersion: tls.SecureVersion;
  ciphers?: string;
}

/** What the server saw once the connection closed. */
export interface ServerView {
  protocol: string | null;
  cipher: string;
}

/** Starts an echo server ("echo:" + data); resolves with its port and a promise of what it negotiated. */
export async function startEchoServer(pki: TestPki, settings: ServerSettings) {
  let seen: (view: ServerView) => void = () => {};
  const negotiated = new Promise<ServerView>((resolve) => {
    seen = resolve;
  });
  const server = tls.createServer({ key: pki.keyPem, cert: pki.certPem, ...settings }, (socket) => {
    seen({ protocol: socket.getProtocol(), cipher: socket.getCipher().standardName });
    socket.on("data", (data) => socket.write(Buffer.concat([Buffer.from("echo:"), data])));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { port: address.port, negotiated, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const quiet = () => {};
const SILENT = { debug: quiet, info: quiet, warn: quiet, error: quiet, trace: quiet };

/** Client choices passed to reclaim's makeTLSClient. */
export type ClientSettings = Pick<
  Parameters<typeof makeTLSClient>[0],
  "cipherSuites" | "namedCurves" | "supportedProtocolVersions"
>;

/** Handshakes with reclaim's client, sends `message`, and resolves with the echoed bytes and metadata. */
export function reclaimRoundTrip(port: number, caPem: string, client: ClientSettings, message: string) {
  return new Promise<{ reply: string; version?: string; cipherSuite?: string }>((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const timer = setTimeout(() => fail(new Error("reclaim handshake timed out")), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const client_ = makeTLSClient({
      host: "localhost",
      rootCAs: [loadX509FromPem(caPem)],
      logger: SILENT,
      ...client,
      write({ header, content }) {
        socket.write(header);
        socket.write(content);
      },
      onHandshake() {
        client_.write(new TextEncoder().encode(message)).catch(fail);
      },
      onApplicationData(plaintext) {
        const { version, cipherSuite } = client_.getMetadata();
        clearTimeout(timer);
        client_.end().finally(() => socket.end());
        resolve({ reply: new TextDecoder().decode(plaintext), version, cipherSuite });
      },
      onTlsEnd(error) {
        if (error) fail(error);
      },
    });
    socket.on("data", (data) => client_.handleReceivedBytes(new Uint8Array(data)).catch(fail));
    socket.once("connect", () => client_.startHandshake().catch(fail));
    socket.once("error", fail);
  });
}
