// Test peers for the reclaim backend: a Node TLS echo server on 127.0.0.1 (certificate from the shared
// test PKI), and a runner that drives reclaim's client over a TCP socket until the echo comes back.
import { connect } from "node:net";
import * as tls from "node:tls";
import { loadX509FromPem, makeTLSClient } from "@reclaimprotocol/tls";
import type { TestPki } from "../support/certs.js";

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
  const server = tls.createServer({ key: pki.serverKey, cert: pki.serverCert, ...settings }, (socket) => {
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
