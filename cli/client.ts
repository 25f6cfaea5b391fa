// `wassl client HOST:PORT …`: stdin to the connection, the connection to stdout (like `openssl s_client -quiet`).
import type { Readable, Writable } from "node:stream";
import { rootCertificates } from "node:tls";
import { type ConnectOptions, connect, type TlsSocketError, type WasslSocket } from "../tls/adapters/node.js";
import {
  alpnFlag,
  type FlagSpec,
  parseFlags,
  parseHostPort,
  parseVersion,
  stringFlag,
  switchFlag,
  UsageError,
} from "./args.js";
import { readPemFile } from "./files.js";
import { loadCliProvider } from "./provider.js";
import { traceSocket } from "./trace.js";

/** Standard streams of a command (injectable for tests). */
export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Usage of `wassl client`. */
export const CLIENT_USAGE = `usage: wassl client HOST:PORT [--servername N] [--min-version V] [--max-version V]
                    [--ciphers LIST] [--cafile F] [--insecure] [--cert F --key F] [--legacy] [--trace]
                    [--fallback-scsv] [--reconnect] [--renegotiate] [--max-fragment-length 512|1024|2048|4096]
                    [--alpn LIST]
  Copies stdin to the connection and the connection to stdout. Stdin EOF does not close the
  connection (like openssl s_client -quiet): it ends when the server closes.
  V is ssl3, tls1.0, tls1.1 or tls1.2 (ssl3 needs --legacy). Without --cafile the Mozilla roots bundled
  with Node are trusted. --cert/--key answer a server's certificate request. --fallback-scsv marks a
  retry with a lowered --max-version (RFC 7507); --max-fragment-length asks for smaller records (RFC 6066).
  --reconnect: handshake, close, then connect again resuming the session (like openssl s_client
  -reconnect); stderr says "session resumed" or "session NOT resumed". --renegotiate: renegotiate
  after the first data received from the server; stderr says "renegotiated" or why it was refused.
  --alpn h2,http/1.1 offers ALPN protocols (RFC 7301); stderr names the one the server chose.
  Exit status: 0 after a clean close, 1 on a TLS or connection error (alert named on stderr), 2 on usage errors.`;

const CLIENT_FLAGS: FlagSpec[] = [
  { name: "servername", value: true },
  { name: "min-version", value: true },
  { name: "max-version", value: true },
  { name: "ciphers", value: true },
  { name: "cafile", value: true },
  { name: "insecure", value: false },
  { name: "cert", value: true },
  { name: "key", value: true },
  { name: "legacy", value: false },
  { name: "trace", value: false },
  { name: "reconnect", value: false },
  { name: "renegotiate", value: false },
  { name: "fallback-scsv", value: false },
  { name: "max-fragment-length", value: true },
  { name: "alpn", value: true },
];

const FRAGMENT_LENGTHS = ["512", "1024", "2048", "4096"];

/** Runs `wassl client`; resolves with the exit status. */
export async function runClient(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseFlags(argv, CLIENT_FLAGS);
  if (args.positional.length !== 1) throw new UsageError("expected exactly one HOST:PORT");
  const { host, port } = parseHostPort(args.positional[0]);
  const cert = readPemFile("cert", stringFlag(args, "cert"));
  const key = readPemFile("key", stringFlag(args, "key"));
  if ((cert === undefined) !== (key === undefined)) throw new UsageError("--cert and --key go together");
  const trace = switchFlag(args, "trace");
  const fragment = stringFlag(args, "max-fragment-length");
  if (fragment !== undefined && !FRAGMENT_LENGTHS.includes(fragment)) {
    throw new UsageError(`--max-fragment-length must be one of ${FRAGMENT_LENGTHS.join(", ")}`);
  }

  const options: ConnectOptions = {
    host,
    port,
    servername: stringFlag(args, "servername"),
    minVersion: parseVersion("min-version", stringFlag(args, "min-version")),
    maxVersion: parseVersion("max-version", stringFlag(args, "max-version")),
    ciphers: stringFlag(args, "ciphers"),
    ca: readPemFile("cafile", stringFlag(args, "cafile")) ?? [...rootCertificates],
    rejectUnauthorized: !switchFlag(args, "insecure"),
    cert,
    key,
    legacy: switchFlag(args, "legacy"),
    fallbackSCSV: switchFlag(args, "fallback-scsv"),
    ALPNProtocols: alpnFlag(args),
    maxFragmentLength: fragment === undefined ? undefined : (Number(fragment) as 512 | 1024 | 2048 | 4096),
    provider: await loadCliProvider(),
  };
  if (switchFlag(args, "reconnect")) {
    const session = await firstConnection(options, io, trace);
    if (session === undefined) return 1;
    options.session = session;
  }
  const socket = connect(options);
  if (trace) traceSocket(socket, io.stderr, options.session ? "client (reconnect)" : "client");
  if (options.session) {
    socket.once("secureConnect", () =>
      io.stderr.write(
        `wassl: ${socket.isSessionReused() ? "session resumed" : "session NOT resumed (full handshake)"}\n`,
      ),
    );
  }
  if (switchFlag(args, "renegotiate")) renegotiateAfterFirstData(socket, io);
  if (options.ALPNProtocols) {
    socket.once("secureConnect", () => io.stderr.write(`wassl: ALPN protocol: ${socket.alpnProtocol || "none"}\n`));
  }

  return new Promise<number>((resolve) => {
    let failed = false;
    socket.once("secureConnect", () => {
      io.stdin.pipe(socket, { end: false });
    });
    socket.on("data", (chunk: Buffer) => io.stdout.write(chunk));
    socket.once("error", (error: TlsSocketError) => {
      failed = true;
      io.stderr.write(`wassl: ${error.message}\n`);
    });
    socket.once("close", () => {
      io.stdin.unpipe(socket);
      io.stdin.pause();
      resolve(failed ? 1 : 0);
    });
  });
}

/**
 * `--reconnect`, first connection: handshake, close cleanly, return the session (undefined after a
 * failure, reported on stderr).
 */
async function firstConnection(
  options: ConnectOptions,
  io: CommandIo,
  trace: boolean,
): Promise<Uint8Array | undefined> {
  const socket = connect(options);
  if (trace) traceSocket(socket, io.stderr, "client (first connection)");
  return new Promise((resolve) => {
    let session: Uint8Array | undefined;
    socket.once("secureConnect", () => {
      session = socket.getSession();
      io.stderr.write(`wassl: first connection ${session ? "got a resumable session" : "got no session to resume"}\n`);
      socket.end();
    });
    socket.resume(); // discard data on the first connection
    socket.once("error", (error: TlsSocketError) => io.stderr.write(`wassl: first connection: ${error.message}\n`));
    socket.once("close", () => resolve(session ?? (socket.connection.session ? new Uint8Array(0) : undefined)));
  });
}

/** `--renegotiate`: after the first data from the server, renegotiate once and report the outcome. */
function renegotiateAfterFirstData(socket: WasslSocket, io: CommandIo): void {
  socket.once("data", () => {
    socket.renegotiate({}, (error) =>
      io.stderr.write(error ? `wassl: renegotiation refused: ${error.message}\n` : "wassl: renegotiated\n"),
    );
  });
}
