// `wassl client HOST:PORT …`: stdin to the connection, the connection to stdout (like `openssl s_client -quiet`).
import type { Readable, Writable } from "node:stream";
import { rootCertificates } from "node:tls";
import { connect, type TlsSocketError } from "../tls/adapters/node.js";
import { type FlagSpec, parseFlags, parseHostPort, parseVersion, stringFlag, switchFlag, UsageError } from "./args.js";
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
                    [--fallback-scsv] [--max-fragment-length 512|1024|2048|4096]
  Copies stdin to the connection and the connection to stdout. Stdin EOF does not close the
  connection (like openssl s_client -quiet): it ends when the server closes.
  V is ssl3, tls1.0, tls1.1 or tls1.2 (ssl3 needs --legacy). Without --cafile the Mozilla roots bundled
  with Node are trusted. --cert/--key answer a server's certificate request. --fallback-scsv marks a
  retry with a lowered --max-version (RFC 7507); --max-fragment-length asks for smaller records (RFC 6066).
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
  { name: "fallback-scsv", value: false },
  { name: "max-fragment-length", value: true },
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

  const socket = connect({
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
    maxFragmentLength: fragment === undefined ? undefined : (Number(fragment) as 512 | 1024 | 2048 | 4096),
    provider: await loadCliProvider(),
  });
  if (trace) traceSocket(socket, io.stderr, "client");

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
