// Dispatch of the `wassl` command line to its subcommands.
import { UsageError } from "./args.js";
import { CLIENT_USAGE, type CommandIo, runClient } from "./client.js";
import { runServer, SERVER_USAGE } from "./server.js";

/** Top-level usage text. */
export const USAGE = `wassl — SSL/TLS with its cryptography in WebAssembly

${CLIENT_USAGE}

${SERVER_USAGE}`;

/** Runs the command line `argv` (without node and script); resolves with the exit status. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "client") return await runClient(rest, io);
    if (command === "server") return await runServer(rest, io);
    if (command === "--help" || command === "-h" || command === "help") {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command ${command}` : "missing command");
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(
        `wassl: ${error.message}\n\n${command === "client" ? CLIENT_USAGE : command === "server" ? SERVER_USAGE : USAGE}\n`,
      );
      return 2;
    }
    io.stderr.write(`wassl: ${(error as Error).message}\n`);
    return 1;
  }
}
