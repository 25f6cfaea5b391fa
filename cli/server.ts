// `wassl server …`: serves TLS connections until killed (like `openssl s_server`).
import type { AddressInfo } from "node:net";
import { createServer, type TlsSocketError, type WasslSocket } from "../tls/adapters/node.js";
import {
  alpnFlag,
  type FlagSpec,
  parseFlags,
  parsePort,
  parseVersion,
  stringFlag,
  switchFlag,
  UsageError,
} from "./args.js";
import type { CommandIo } from "./client.js";
import { readPemFile } from "./files.js";
import { loadCliProvider } from "./provider.js";
import { describeSession, traceSocket } from "./trace.js";
import { serveStatusPage } from "./www.js";

/** Usage of `wassl server`. */
export const SERVER_USAGE = `usage: wassl server [--host H] --port P --cert F --key F [--cafile F] [--request-cert | --require-cert]
                    [--echo | --www] [--min-version V] [--max-version V] [--ciphers LIST] [--legacy] [--trace]
                    [--renegotiate-after-bytes N] [--request-cert-on-renegotiation] [--alpn LIST]
  Serves connections until killed. --echo sends every byte back; --www answers GET with a page
  describing the connection; otherwise received data goes to stdout. --host defaults to 127.0.0.1;
  --port 0 picks a free port. Prints "listening on HOST:PORT" to stderr when ready.
  --renegotiate-after-bytes N: once a connection has received N bytes, the server renegotiates
  (HelloRequest). --request-cert-on-renegotiation: that renegotiation asks for a client certificate
  (verified against --cafile; N defaults to 1), like servers that protect only some resources.
  Sessions are cached and tickets issued for resumption. --alpn h2,http/1.1 selects the first of these
  protocols that a client offers (RFC 7301).
  V is ssl3, tls1.0, tls1.1 or tls1.2. Exit status: 0 when stopped by SIGINT/SIGTERM, 1 when it
  cannot listen, 2 on usage errors. Failed connections are reported on stderr (alert named).`;

const SERVER_FLAGS: FlagSpec[] = [
  { name: "host", value: true },
  { name: "alpn", value: true },
  { name: "port", value: true },
  { name: "cert", value: true },
  { name: "key", value: true },
  { name: "cafile", value: true },
  { name: "request-cert", value: false },
  { name: "require-cert", value: false },
  { name: "echo", value: false },
  { name: "www", value: false },
  { name: "min-version", value: true },
  { name: "max-version", value: true },
  { name: "ciphers", value: true },
  { name: "legacy", value: false },
  { name: "trace", value: false },
  { name: "renegotiate-after-bytes", value: true },
  { name: "request-cert-on-renegotiation", value: false },
];

/** Runs `wassl server`; resolves with the exit status once stopped by a signal (or failing to listen). */
export async function runServer(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseFlags(argv, SERVER_FLAGS);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const portText = stringFlag(args, "port");
  if (portText === undefined) throw new UsageError("--port is required");
  const port = parsePort(portText, true);
  const host = stringFlag(args, "host") ?? "127.0.0.1";
  const cert = readPemFile("cert", stringFlag(args, "cert"));
  const key = readPemFile("key", stringFlag(args, "key"));
  if (cert === undefined || key === undefined) throw new UsageError("--cert and --key are required");
  if (switchFlag(args, "echo") && switchFlag(args, "www")) throw new UsageError("--echo and --www exclude each other");
  const requireCert = switchFlag(args, "require-cert");
  if (requireCert && switchFlag(args, "request-cert")) throw new UsageError("give --request-cert or --require-cert");
  const trace = switchFlag(args, "trace");
  const mode = switchFlag(args, "echo") ? "echo" : switchFlag(args, "www") ? "www" : "stdout";
  const certOnRenegotiation = switchFlag(args, "request-cert-on-renegotiation");
  const renegotiateText = stringFlag(args, "renegotiate-after-bytes");
  if (renegotiateText !== undefined && !/^\d+$/.test(renegotiateText)) {
    throw new UsageError("--renegotiate-after-bytes needs a number of bytes");
  }
  const renegotiateAfter =
    renegotiateText !== undefined ? Number(renegotiateText) : certOnRenegotiation ? 1 : undefined;

  const server = createServer({
    cert,
    key,
    ca: readPemFile("cafile", stringFlag(args, "cafile")),
    requestCert: requireCert || switchFlag(args, "request-cert"),
    rejectUnauthorized: requireCert,
    minVersion: parseVersion("min-version", stringFlag(args, "min-version")),
    maxVersion: parseVersion("max-version", stringFlag(args, "max-version")),
    ciphers: stringFlag(args, "ciphers"),
    legacy: switchFlag(args, "legacy"),
    ALPNProtocols: alpnFlag(args),
    provider: await loadCliProvider(),
  });

  let connections = 0;
  const labels = new WeakMap<WasslSocket, string>();
  server.on("tlsSocket", (socket: WasslSocket) => {
    const label = `conn ${++connections} from ${socket.remoteAddress}:${socket.remotePort}`;
    labels.set(socket, label);
    if (trace) traceSocket(socket, io.stderr, label);
  });
  server.on("secureConnection", (socket: WasslSocket) => {
    const label = labels.get(socket) ?? "conn";
    socket.on("error", (error: TlsSocketError) => io.stderr.write(`wassl: ${label}: ${error.message}\n`));
    if (renegotiateAfter !== undefined) renegotiateAfterBytes(socket, renegotiateAfter, certOnRenegotiation, label, io);
    if (mode === "echo") socket.pipe(socket);
    else if (mode === "www") serveStatusPage(socket);
    else socket.on("data", (chunk: Buffer) => io.stdout.write(chunk));
  });
  server.on("tlsClientError", (error: TlsSocketError, socket: WasslSocket) => {
    io.stderr.write(`wassl: ${labels.get(socket) ?? "conn"}: handshake failed: ${error.message}\n`);
  });

  return new Promise<number>((resolve) => {
    server.once("error", (error: Error) => {
      io.stderr.write(`wassl: cannot listen on ${host}:${port}: ${error.message}\n`);
      resolve(1);
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      io.stderr.write(`wassl: listening on ${address.address}:${address.port}\n`);
    });
    const stop = () => {
      server.close();
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** Renegotiates once after `bytes` bytes were received (optionally requesting a client certificate). */
function renegotiateAfterBytes(
  socket: WasslSocket,
  bytes: number,
  requestCert: boolean,
  label: string,
  io: CommandIo,
): void {
  let received = 0;
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received < bytes) return;
    socket.off("data", onData);
    socket.renegotiate({ requestCert }, (error) => {
      if (error) io.stderr.write(`wassl: ${label}: renegotiation refused: ${error.message}\n`);
      else io.stderr.write(`wassl: ${label}: renegotiated: ${describeSession(socket)}\n`);
    });
  };
  socket.on("data", onData);
}
