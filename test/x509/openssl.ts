// Test helper: runs the openssl CLI in a temporary directory.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temp directory with an `openssl` runner; `dispose()` deletes it. */
export class OpenSslDir {
  readonly dir = mkdtempSync(join(tmpdir(), "wassl-x509-"));

  /** Runs `openssl ...args` in the directory and returns stdout. */
  run(...args: string[]): string {
    return execFileSync("openssl", args, { cwd: this.dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

  /** Reads a file of the directory as text. */
  read(name: string): string {
    return readFileSync(join(this.dir, name), "utf8");
  }

  /** Reads a file of the directory as bytes. */
  readBytes(name: string): Uint8Array {
    return new Uint8Array(readFileSync(join(this.dir, name)));
  }

  /** Writes a file into the directory. */
  write(name: string, text: string): void {
    writeFileSync(join(this.dir, name), text);
  }

  /** Deletes the directory. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
