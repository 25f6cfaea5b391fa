// Real TLS peers on 127.0.0.1: `openssl s_server`/`s_client` and `gnutls-serv`/`gnutls-cli`
// (commands as verified in ../shared/GUIDE.md §4). Node's own tls peers are in node-peers.ts.
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { makeTempDir, type PeerProcess, startProcess } from "./processes.js";

/** Protocol versions in node:tls spelling. */
export type PeerVersion = "TLSv1" | "TLSv1.1" | "TLSv1.2";

/** How long a peer may take to start listening. */
export const PEER_START_TIMEOUT_MS = 10_000;

/** Certificate files a peer reads (PEM paths). */
export interface PeerFiles {
  /** Own certificate (chain) file. */
  certFile?: string;
  /** Own private key file. */
  keyFile?: string;
  /** Trusted CA file (to verify the other side). */
  caFile?: string;
}

/** A listening peer server. */
export interface PeerServer {
  /** TCP port on 127.0.0.1. */
  readonly port: number;
  /** The process (output, exit, stop). */
  readonly process: PeerProcess;
  /** Stops the server (idempotent). */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, found by binding port 0 (for peers that cannot report theirs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// OpenSSL

const OPENSSL_VERSION_FLAG: Record<PeerVersion, string> = {
  TLSv1: "-tls1",
  "TLSv1.1": "-tls1_1",
  "TLSv1.2": "-tls1_2",
};

let noEmsConfig: string | undefined;
/** An OPENSSL_CONF that turns RFC 7627 extended master secret off (s_server/s_client have no flag for it). */
function opensslNoEmsConfig(): string {
  if (!noEmsConfig) {
    noEmsConfig = join(makeTempDir(), "no-ems.cnf");
    writeFileSync(
      noEmsConfig,
      [
        "openssl_conf = openssl_init",
        "[openssl_init]",
        "ssl_conf = ssl_sect",
        "[ssl_sect]",
        "system_default = sys",
        "[sys]",
        "Options = -ExtendedMasterSecret",
        "",
      ].join("\n"),
    );
  }
  return noEmsConfig;
}

/** Options common to `s_server` and `s_client`. */
export interface OpensslCommonOptions extends PeerFiles {
  /** Pin one protocol version (`-tls1`, `-tls1_1`, `-tls1_2`). Default: any the build allows. */
  version?: PeerVersion;
  /** OpenSSL cipher list (TLS ≤ 1.2); `:@SECLEVEL=0` is appended so TLS 1.0/1.1 work. */
  cipher?: string;
  /** `false` disables extended master secret through OPENSSL_CONF. Default: OpenSSL's default (on). */
  ems?: boolean;
  /** Further arguments. */
  extraArgs?: string[];
}

function opensslCommonArgs(options: OpensslCommonOptions): string[] {
  const args: string[] = [];
  if (options.version) args.push(OPENSSL_VERSION_FLAG[options.version]);
  if (options.cipher) args.push("-cipher", `${options.cipher}:@SECLEVEL=0`);
  if (options.certFile) args.push("-cert", options.certFile);
  if (options.keyFile) args.push("-key", options.keyFile);
  if (options.caFile) args.push("-CAfile", options.caFile);
  return args;
}

const opensslEnv = (options: OpensslCommonOptions) =>
  options.ems === false ? { OPENSSL_CONF: opensslNoEmsConfig() } : undefined;

/** Options of {@link startOpensslServer}. */
export interface OpensslServerOptions extends OpensslCommonOptions {
  /**
   * `rev`: echoes each received line reversed (`-rev`, brief connection info on stderr, a `CLOSE` line
   * closes); `www`: answers GET with a status page (`-www`); `stdio`: received data to stdout, stdin
   * sent to the client. Default `rev`.
   */
  mode?: "rev" | "www" | "stdio";
  /** Connections to accept before exiting (`-naccept`). Default 1. */
  naccept?: number;
  /** Require a client certificate verified against `caFile` (`-Verify 1`). */
  requireClientCert?: boolean;
}

/**
 * Starts `openssl s_server` on 127.0.0.1 with an OS-chosen port (read back from its `ACCEPT` line).
 * stdin stays open (s_server stops serving at stdin EOF in some modes); `stop()` kills it.
 */
export async function startOpensslServer(options: OpensslServerOptions): Promise<PeerServer> {
  const mode = options.mode ?? "rev";
  const args = ["s_server", "-accept", "127.0.0.1:0", "-naccept", String(options.naccept ?? 1)];
  if (mode !== "stdio") args.push(`-${mode}`);
  if (options.requireClientCert) args.push("-Verify", "1");
  args.push(...opensslCommonArgs(options), ...(options.extraArgs ?? []));
  const peer = startProcess("openssl", args, { env: opensslEnv(options) });
  try {
    const match = await peer.waitForOutput(/ACCEPT 127\.0\.0\.1:(\d+)/, PEER_START_TIMEOUT_MS);
    const port = Number(match[1]);
    return { port, process: peer, stop: async () => void (await peer.stop()) };
  } catch (error) {
    await peer.stop();
    throw error;
  }
}

/** Options of {@link startOpensslClient}. */
export interface OpensslClientOptions extends OpensslCommonOptions {
  /** Server port on 127.0.0.1. */
  port: number;
  /** SNI and the name to verify (`-servername`, `-verify_hostname`). */
  servername?: string;
  /** Fail the handshake when the server's certificate does not verify (`-verify_return_error`). */
  verify?: boolean;
  /** Bytes to send once connected (stdin stays open unless `endInput` is called). */
  input?: Uint8Array | string;
}

/**
 * Starts `openssl s_client -brief -ign_eof`: received data goes to stdout, the connection summary
 * (`Protocol version: …`, `Ciphersuite: …`) to stderr; it exits when the server closes.
 */
export function startOpensslClient(options: OpensslClientOptions): PeerProcess {
  const args = ["s_client", "-connect", `127.0.0.1:${options.port}`, "-brief", "-ign_eof"];
  if (options.servername) args.push("-servername", options.servername, "-verify_hostname", options.servername);
  else args.push("-noservername");
  if (options.verify) args.push("-verify_return_error");
  args.push(...opensslCommonArgs(options), ...(options.extraArgs ?? []));
  const peer = startProcess("openssl", args, { env: opensslEnv(options) });
  if (options.input !== undefined && options.input.length > 0) peer.write(options.input);
  return peer;
}

/** Parses the `-brief` summary an OpenSSL peer prints on stderr. */
export function opensslSummary(stderr: string): { protocol?: string; cipher?: string } {
  return {
    protocol: stderr.match(/Protocol version: (\S+)/)?.[1],
    cipher: stderr.match(/Ciphersuite: (\S+)/)?.[1],
  };
}

// ---------------------------------------------------------------------------------------------------
// GnuTLS

/** The server priority from GUIDE §4: TLS 1.0–1.2, RSA key exchange, 3DES, RC4 and the defaults (AES). */
export const GNUTLS_SERVER_PRIORITY =
  "NORMAL:-VERS-ALL:+VERS-TLS1.0:+VERS-TLS1.1:+VERS-TLS1.2:-KX-ALL:+RSA:+3DES-CBC:+ARCFOUR-128:+MD5:+SHA1";

const GNUTLS_VERSION: Record<PeerVersion, string> = {
  TLSv1: "VERS-TLS1.0",
  "TLSv1.1": "VERS-TLS1.1",
  "TLSv1.2": "VERS-TLS1.2",
};

/** Pieces of a pinned GnuTLS priority string. */
export interface GnutlsPriorityOptions {
  /** The only version allowed. */
  version: PeerVersion;
  /** GnuTLS cipher name, e.g. `3DES-CBC`, `ARCFOUR-128`, `AES-128-CBC`, `AES-128-GCM`. */
  cipher: string;
  /** GnuTLS MAC name: `SHA1`, `MD5`, `SHA256`, `AEAD`. */
  mac: string;
  /** `false` adds `%NO_SESSION_HASH` (RFC 7627 off). */
  ems?: boolean;
}

/** A priority string that allows exactly one RSA suite on one version. */
export function gnutlsPriority(options: GnutlsPriorityOptions): string {
  const parts = ["NONE", `+${GNUTLS_VERSION[options.version]}`, "+RSA", `+${options.cipher}`, `+${options.mac}`];
  parts.push("+COMP-NULL", "+SIGN-ALL", "+CTYPE-X509");
  if (options.ems === false) parts.push("%NO_SESSION_HASH");
  return parts.join(":");
}

/** Options of {@link startGnutlsServer}. */
export interface GnutlsServerOptions extends PeerFiles {
  /** Priority string. Default {@link GNUTLS_SERVER_PRIORITY}. */
  priority?: string;
  /** Require and verify a client certificate against `caFile`. */
  requireClientCert?: boolean;
}

/**
 * Starts `gnutls-serv --echo --crlf` (echoes every line; needs text without NUL, ending with `\n`)
 * on a free port. It serves connections until stopped. gnutls-serv cannot report an OS-chosen port,
 * so a free one is probed first and the start retried if another process took it meanwhile.
 */
export async function startGnutlsServer(options: GnutlsServerOptions): Promise<PeerServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [
      "-q",
      "-p",
      String(port),
      "--echo",
      "--crlf",
      "--priority",
      options.priority ?? GNUTLS_SERVER_PRIORITY,
    ];
    if (options.certFile) args.push("--x509certfile", options.certFile);
    if (options.keyFile) args.push("--x509keyfile", options.keyFile);
    if (options.caFile) args.push("--x509cafile", options.caFile);
    if (options.requireClientCert) args.push("-r", "--verify-client-cert");
    const peer = startProcess("gnutls-serv", args);
    try {
      await peer.waitForOutput(/listening on IPv4 .* port \d+\.\.\.done/, PEER_START_TIMEOUT_MS);
      return { port, process: peer, stop: async () => void (await peer.stop()) };
    } catch (error) {
      lastError = error;
      await peer.stop();
    }
  }
  throw lastError;
}

/** Options of {@link startGnutlsClient}. */
export interface GnutlsClientOptions extends PeerFiles {
  /** Server port on 127.0.0.1. */
  port: number;
  /** Priority string (see {@link gnutlsPriority}). */
  priority: string;
  /** SNI name (`--sni-hostname`); the certificate is verified against 127.0.0.1 otherwise. */
  servername?: string;
  /** Skip certificate verification (`--insecure`). */
  insecure?: boolean;
  /** Bytes to send once connected. stdin stays open: gnutls-cli closes the session at stdin EOF. */
  input?: Uint8Array | string;
}

/**
 * Starts `gnutls-cli` with informational messages in a log file, so stdout carries only the data
 * the server sent. It exits 0 when the server closes the connection.
 */
export function startGnutlsClient(options: GnutlsClientOptions): PeerProcess & { readonly logFile: string } {
  const logFile = join(makeTempDir(), "gnutls-cli.log");
  const args = ["127.0.0.1", "-p", String(options.port), "--logfile", logFile, "--priority", options.priority];
  if (options.caFile) args.push("--x509cafile", options.caFile);
  if (options.certFile) args.push("--x509certfile", options.certFile);
  if (options.keyFile) args.push("--x509keyfile", options.keyFile);
  if (options.servername) args.push("--sni-hostname", options.servername);
  if (options.insecure) args.push("--insecure");
  const peer = startProcess("gnutls-cli", args);
  if (options.input !== undefined && options.input.length > 0) peer.write(options.input);
  return Object.assign(peer, { logFile });
}

/** Parses the session description gnutls-cli logs, e.g. `(TLS1.2-X.509)-(RSA)-(3DES-CBC)-(SHA1)`. */
export function gnutlsDescription(log: string): { version?: string; cipher?: string; mac?: string } {
  const match = log.match(/Description: \((TLS[\d.]+)-X\.509\)-\(RSA\)-\(([^)]+)\)-\(([^)]+)\)/);
  return { version: match?.[1], cipher: match?.[2], mac: match?.[3] };
}
