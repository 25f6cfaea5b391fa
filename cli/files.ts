// Reading the certificate and key files named on the command line.
import { readFileSync } from "node:fs";
import { UsageError } from "./args.js";

/** The text of a PEM file given with `--flag`, or undefined when the flag is absent. */
export function readPemFile(flag: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
