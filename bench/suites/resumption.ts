// Resumed TLS 1.2 handshakes per second: wassl client↔server in memory (session ID and ticket) against
// Node's tls over loopback (issue 6 target: ≥ 1.0× Node). Both sides of each handshake run in this process,
// and both clients reuse one client context (CA parsed once), as servers reuse theirs.

import type { AddressInfo } from "node:net";
import * as tls from "node:tls";
import { init } from "../../bindings/index.js";
import { wasmProvider } from "../../bindings/provider.js";
import { testPki } from "../../test/support/certs.js";
import { createSecureContext, TlsClient, TlsServer } from "../../tls/index.js";
import type { BenchGroup, BenchSuite } from "../types.js";

const SUITE = "TLS_RSA_WITH_AES_128_GCM_SHA256";

/** One in-memory handshake: each side's output fed to the other until both are done. */
async function wasslHandshake(clientOptions: object, serverContext: ReturnType<typeof createSecureContext>) {
  const client = new TlsClient({ ...clientOptions, provider: wasmProvider });
  const server = new TlsServer({ secureContext: serverContext });
  const pending: Promise<void>[] = [];
  client.on("send", (bytes) => pending.push(server.receive(bytes)));
  server.on("send", (bytes) => pending.push(client.receive(bytes)));
  await client.start();
  while (pending.length > 0) await pending.shift();
  const resumed = client.isSessionReused();
  const session = client.getSession();
  client.destroy();
  server.destroy();
  return { resumed, session };
}

async function wasslResumedCase(tickets: boolean) {
  const pki = testPki();
  const serverContext = createSecureContext({
    cert: pki.serverCert,
    key: pki.serverKey,
    provider: wasmProvider,
    ciphers: SUITE,
    sessionTickets: tickets,
  });
  const clientContext = createSecureContext({
    ca: pki.caCert,
    provider: wasmProvider,
    ciphers: SUITE,
    sessionTickets: tickets,
  });
  const base = { secureContext: clientContext, servername: "localhost" };
  const { session } = await wasslHandshake(base, serverContext);
  const options = { ...base, session };
  const check = await wasslHandshake(options, serverContext);
  if (!check.resumed) throw new Error("bench: wassl did not resume");
  return () => wasslHandshake(options, serverContext);
}

async function nodeResumedCase(tickets: boolean) {
  const pki = testPki();
  const server = tls.createServer({
    cert: pki.serverCert,
    key: pki.serverKey,
    ciphers: `AES128-GCM-SHA256:@SECLEVEL=0`,
    maxVersion: "TLSv1.2",
  });
  if (!tickets) {
    const cache = new Map<string, Buffer>();
    server.on("newSession", (id: Buffer, data: Buffer, cb: () => void) => {
      cache.set(id.toString("hex"), data);
      cb();
    });
    server.on("resumeSession", (id: Buffer, cb: (e: null, d: Buffer | null) => void) =>
      cb(null, cache.get(id.toString("hex")) ?? null),
    );
  }
  server.on("secureConnection", (s) => {
    s.on("error", () => {});
    s.end();
  });
  server.unref();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const clientContext = tls.createSecureContext({
    ca: pki.caCert,
    ciphers: "AES128-GCM-SHA256:@SECLEVEL=0",
    maxVersion: "TLSv1.2",
    ...(tickets ? {} : { secureOptions: 0x4000 /* SSL_OP_NO_TICKET */ }),
  });
  const connect = (session?: Buffer) =>
    new Promise<{ reused: boolean; session?: Buffer }>((resolve, reject) => {
      const socket = tls.connect({
        host: "127.0.0.1",
        port,
        secureContext: clientContext,
        servername: "localhost",
        session,
      });
      socket.once("secureConnect", () => {
        const result = { reused: socket.isSessionReused(), session: socket.getSession() };
        socket.destroy();
        resolve(result);
      });
      socket.once("error", reject);
    });
  const first = await connect();
  const check = await connect(first.session);
  if (!check.reused) throw new Error("bench: node did not resume");
  return () => connect(first.session);
}

const suite: BenchSuite = async () => {
  await init();
  const groups: BenchGroup[] = [];
  for (const tickets of [false, true]) {
    groups.push({
      id: `TLS 1.2 resumed handshake (${tickets ? "ticket" : "session ID"})`,
      cases: [
        { name: "wassl", fn: await wasslResumedCase(tickets) },
        { name: "node:tls", fn: await nodeResumedCase(tickets) },
      ],
      targets: [{ vs: "node:tls", min: 1.0 }],
    });
  }
  return groups;
};

export default suite;
