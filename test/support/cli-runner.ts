// Runs the `wassl` CLI from source (`node --import tsx cli/main.ts …`) as a tracked peer process.
import { fileURLToPath } from "node:url";
import { testPki } from "./certs.js";
import { type PeerProcess, startProcess } from "./processes.js";

/** The repository root (cwd of CLI runs, so that `--import tsx` resolves from node_modules). */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** How long CLI start-up may take (TypeScript is compiled on the fly; the cores are shared). */
export const CLI_START_TIMEOUT_MS = 30_000;

/**
 * Starts `wassl …args` from the TypeScript sources with the running Node binary. The built bin
 * (`dist/cli/main.js`) runs the same `cli/command.ts`; running the sources needs no build step.
 */
export function startWasslCli(args: string[]): PeerProcess {
  return startProcess(process.execPath, ["--import", "tsx", "cli/main.ts", ...args], { cwd: ROOT });
}

/** Starts `wassl server …args --port 0` and waits for its `listening on HOST:PORT` line. */
export async function startWasslCliServer(args: string[]): Promise<{ port: number; process: PeerProcess }> {
  const cli = startWasslCli(["server", "--port", "0", ...args]);
  try {
    const match = await cli.waitForOutput(/listening on [^\s]+:(\d+)/, CLI_START_TIMEOUT_MS);
    return { port: Number(match[1]), process: cli };
  } catch (error) {
    await cli.stop();
    throw error;
  }
}

/** `wassl server` arguments serving the test server certificate and key. */
export function cliServerCertArgs(): string[] {
  const { files } = testPki();
  return ["--cert", files.serverCert, "--key", files.serverKey];
}

/** `wassl client` arguments connecting to 127.0.0.1:`port` as `localhost`, trusting the test CA. */
export function cliClientArgs(port: number): string[] {
  return ["client", `127.0.0.1:${port}`, "--servername", "localhost", "--cafile", testPki().files.caCert];
}
