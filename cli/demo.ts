// `npm run demo`: an in-process wassl client and server complete the SSL handshake of the seed,
// step by step with timings, then exchange protected application data and close.
//
//   npm run demo                                   TLS 1.2, TLS_RSA_WITH_AES_128_GCM_SHA256
//   npm run demo -- --version TLSv1 --ciphers AES128-SHA
//   npm run demo -- --ciphers TLS_RSA_WITH_3DES_EDE_CBC_SHA
import { parseArgs } from "node:util";
import { activeBuild, init } from "../bindings/index.js";
import { TlsClient, type TlsConnection, TlsServer, type TlsVersionName } from "../tls/index.js";
import { DEMO_CA_PEM, DEMO_SERVER_CERT_PEM, DEMO_SERVER_KEY_PEM } from "./demo-credentials.js";

const { values } = parseArgs({
  options: {
    version: { type: "string", default: "TLSv1.2" },
    ciphers: { type: "string", default: "TLS_RSA_WITH_AES_128_GCM_SHA256" },
    legacy: { type: "boolean", default: false },
    bytes: { type: "string", default: String(1 << 20) },
  },
});

const started = performance.now();
let last = started;
const ms = (t: number) => `${t.toFixed(2).padStart(7)} ms`;

function log(who: string, step: string, detail?: string): void {
  const now = performance.now();
  const line = `${ms(now - started)} (+${(now - last).toFixed(2)} ms)  ${who.padEnd(6)} ${step}`;
  console.log(detail ? `${line} — ${detail}` : line);
  last = now;
}

function wire(from: TlsConnection, to: TlsConnection): void {
  from.on("send", (bytes) => void to.receive(bytes));
}

await init();
const version = values.version as TlsVersionName;
console.log(`wassl demo — WebAssembly core: ${activeBuild()} build; ${version}, suites ${values.ciphers}\n`);

const common = { minVersion: version, maxVersion: version, ciphers: values.ciphers, legacy: values.legacy };
const server = new TlsServer({ ...common, cert: DEMO_SERVER_CERT_PEM, key: DEMO_SERVER_KEY_PEM });
const client = new TlsClient({ ...common, ca: DEMO_CA_PEM, servername: "localhost" });
for (const [who, conn] of [
  ["client", client],
  ["server", server],
] as const) {
  conn.on("trace", ({ step, detail }) => log(who, step, detail));
  conn.on("alert", (a) => log(who, `alert ${a.direction}: ${a.level} ${a.name}`));
}
wire(client, server);
wire(server, client);

const handshakeDone = new Promise<void>((resolve, reject) => {
  client.on("handshake", (info) => {
    log(
      "client",
      "handshake complete",
      `${info.version}, ${info.cipherSuite.name}, peer authorized: ${info.authorized}`,
    );
    resolve();
  });
  client.on("close", (info) => reject(info.error ?? new Error(`closed: ${info.reason}`)));
});
// The client speaks first: start() sends the ClientHello; writes before completion are queued.
const request = new TextEncoder().encode("GET / HTTP/1.0\r\n\r\n");
void client.start();
void client.write(request);
await handshakeDone;

// Protected application data: the server echoes what it receives.
server.on("data", (data) => void server.write(data));
const total = Number(values.bytes);
let received = 0;
const echoed = new Promise<void>((resolve) => {
  client.on("data", (data) => {
    received += data.length;
    if (received >= request.length + total) resolve();
  });
});
const payload = new Uint8Array(total).map((_, i) => i & 0xff);
const bulkStart = performance.now();
for (let off = 0; off < total; off += 16384) void client.write(payload.subarray(off, off + 16384));
await echoed;
const seconds = (performance.now() - bulkStart) / 1000;
log(
  "both",
  "protected application data",
  `${total} bytes echoed (${((2 * total) / seconds / 1e6).toFixed(1)} MB/s both ways)`,
);

await client.close();
await server.close();
log("both", "closed", "close_notify sent and received");
