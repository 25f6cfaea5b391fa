#!/usr/bin/env node
// The `wassl` bin: `wassl client …` / `wassl server …` (see `wassl --help` and cli/command.ts).
import { main } from "./command.js";

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
// Sockets and stdin may keep the event loop alive: the command is done once main resolves.
process.stdout.write("", () => process.exit(code));
