// Command-line parsing for `wassl client` / `wassl server`: a small table-driven flag parser.
import type { TlsVersionName } from "../tls/versions.js";

/** A command-line mistake: reported with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** One accepted flag: `--name VALUE` when `value` is true, a boolean switch otherwise. */
export interface FlagSpec {
  readonly name: string;
  readonly value: boolean;
}

/** Parsed flags and positional arguments. */
export interface ParsedArgs {
  /** Flag values: strings for value flags, `true` for switches. */
  flags: Map<string, string | true>;
  /** Arguments that are not flags, in order. */
  positional: string[];
}

/**
 * Parses `argv` against `specs`. Accepts `--flag value` and `--flag=value`; `--` ends the flags.
 * Unknown flags, missing values and repeated flags are {@link UsageError}s.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg.length === 2) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (!spec.value) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { flags, positional };
}

/** The string value of a value flag, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Whether a switch was given. */
export function switchFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true;
}

const VERSION_BY_CLI_NAME: Record<string, TlsVersionName> = {
  ssl3: "SSLv3",
  "tls1.0": "TLSv1",
  "tls1.1": "TLSv1.1",
  "tls1.2": "TLSv1.2",
};

/** The node:tls name of a CLI version name (`ssl3`, `tls1.0`, `tls1.1`, `tls1.2`). */
export function parseVersion(flag: string, value: string | undefined): TlsVersionName | undefined {
  if (value === undefined) return undefined;
  const version = VERSION_BY_CLI_NAME[value.toLowerCase()];
  if (!version) throw new UsageError(`--${flag} must be one of ${Object.keys(VERSION_BY_CLI_NAME).join(", ")}`);
  return version;
}

/** Splits `HOST:PORT` (`[v6]:PORT` too) into its parts. */
export function parseHostPort(value: string | undefined): { host: string; port: number } {
  if (!value) throw new UsageError("missing HOST:PORT");
  const match = value.match(/^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/);
  if (!match) throw new UsageError(`expected HOST:PORT, got ${value}`);
  return { host: match[1] ?? match[2], port: parsePort(match[3]) };
}

/** A TCP port number (1–65535; 0 where `allowZero`, meaning "any free port"). */
export function parsePort(value: string, allowZero = false): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535 || (port === 0 && !allowZero)) {
    throw new UsageError(`invalid port ${value}`);
  }
  return port;
}

/** `--alpn h2,http/1.1` → `["h2", "http/1.1"]` (RFC 7301 names, 1–255 bytes each), or undefined. */
export function alpnFlag(args: ParsedArgs): string[] | undefined {
  const list = stringFlag(args, "alpn");
  if (list === undefined) return undefined;
  const names = list.split(",").map((name) => name.trim());
  if (names.some((name) => name.length === 0 || name.length > 255)) {
    throw new UsageError("--alpn takes a comma-separated list of protocol names (1-255 characters each)");
  }
  return names;
}
