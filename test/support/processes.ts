// Child processes for interop peers: spawned, watched with bounded waits, and always killed.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";

/** Every peer process still alive; killed when the test process exits, whatever happened. */
const live = new Set<ChildProcess>();
/** Temporary directories created by {@link makeTempDir}; removed at exit. */
const tempDirs = new Set<string>();

process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Most stderr text kept per process (gnutls-serv logs every echoed byte there). */
const STDERR_KEEP = 64 * 1024;

/** How a peer process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running peer process with its collected output. */
export interface PeerProcess {
  /** The command line, for error messages. */
  readonly commandLine: string;
  /** The underlying child. */
  readonly child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): Buffer;
  /** The first 64 KiB written to stderr so far. */
  stderr(): string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ExitStatus>;
  /** Waits until `pattern` matches stdout+stderr text; rejects on exit or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Waits until stdout holds at least `length` bytes; rejects on exit or after `timeoutMs`. */
  waitForStdoutBytes(length: number, timeoutMs: number): Promise<Buffer>;
  /** Waits for the process to exit; kills it and rejects after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<ExitStatus>;
  /** Writes to stdin (ignored once stdin is closed). */
  write(data: Uint8Array | string): void;
  /** Closes stdin. */
  endInput(): void;
  /** SIGTERM, then SIGKILL after 1 s; resolves once it has exited. */
  stop(): Promise<ExitStatus>;
}

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Working directory. */
  cwd?: string;
}

/** Starts `command args…` with piped stdio, tracked so that it is killed at exit. */
export function startProcess(command: string, args: string[], options: StartProcessOptions = {}): PeerProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  live.add(child);
  const commandLine = [command, ...args].join(" ");
  const out: Buffer[] = [];
  let outLength = 0;
  let errText = "";
  let exitStatus: ExitStatus | undefined;
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watcher of [...watchers]) watcher();
  };

  child.stdout?.on("data", (chunk: Buffer) => {
    out.push(chunk);
    outLength += chunk.length;
    notify();
  });
  const errDecoder = new StringDecoder("utf8");
  child.stderr?.on("data", (chunk: Buffer) => {
    if (errText.length < STDERR_KEEP) errText += errDecoder.write(chunk).slice(0, STDERR_KEEP - errText.length);
    notify();
  });
  child.stdin?.on("error", () => {}); // EPIPE when the peer exits first: its exit status tells the story
  const exited = new Promise<ExitStatus>((resolve) => {
    const finish = (status: ExitStatus) => {
      if (exitStatus) return;
      exitStatus = status;
      live.delete(child);
      resolve(status);
      notify();
    };
    child.once("error", () => finish({ code: -1, signal: null }));
    child.once("close", (code, signal) => finish({ code, signal }));
  });

  const stdout = () => {
    if (out.length > 1) out.splice(0, out.length, Buffer.concat(out));
    return out[0] ?? Buffer.alloc(0);
  };
  const describe = () => `${commandLine}\n--- stderr ---\n${errText.slice(-4000)}`;

  /** Polls `check` on every output or exit event until it returns a value, bounded by `timeoutMs`. */
  const waitFor = <T>(what: string, check: () => T | undefined, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        watchers.delete(watcher);
      };
      const watcher = () => {
        const value = check();
        if (value !== undefined) {
          done();
          resolve(value);
        } else if (exitStatus) {
          done();
          reject(new Error(`peer exited (${exitStatus.code ?? exitStatus.signal}) before ${what}: ${describe()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${describe()}`));
      }, timeoutMs);
      watchers.add(watcher);
      watcher();
    });

  const peer: PeerProcess = {
    commandLine,
    child,
    stdout,
    stderr: () => errText,
    exited,
    waitForOutput: (pattern, timeoutMs) =>
      waitFor(
        `output ${pattern}`,
        () => `${stdout().toString("latin1")}\n${errText}`.match(pattern) ?? undefined,
        timeoutMs,
      ),
    waitForStdoutBytes: (length, timeoutMs) =>
      waitFor(`${length} bytes on stdout`, () => (outLength >= length ? stdout() : undefined), timeoutMs),
    waitForExit: async (timeoutMs) => {
      const timeout = new Promise<"timeout">((resolve) => {
        const timer = setTimeout(() => resolve("timeout"), timeoutMs);
        exited.then(() => clearTimeout(timer));
      });
      const result = await Promise.race([exited, timeout]);
      if (result !== "timeout") return result;
      await peer.stop();
      throw new Error(`timed out after ${timeoutMs} ms waiting for exit: ${describe()}`);
    },
    write: (data) => {
      if (child.stdin && !child.stdin.writableEnded && !child.stdin.destroyed) child.stdin.write(data);
    },
    endInput: () => {
      if (child.stdin && !child.stdin.writableEnded) child.stdin.end();
    },
    stop: async () => {
      if (exitStatus) return exitStatus;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 1000);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
  return peer;
}

/** A fresh temporary directory, removed when the test process exits. */
export function makeTempDir(prefix = "wassl-interop-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Rejects with a message naming `what` when `promise` does not settle within `timeoutMs`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
