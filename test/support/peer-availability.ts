// Which peer binaries exist here, and describe() wrappers that skip (locally) or fail (CI) without them.
import { spawnSync } from "node:child_process";
import { describe, it } from "vitest";

/** True when running in CI (`CI=true`), where a missing interop peer is a failure, not a skip. */
export const IN_CI = process.env.CI === "true";

/** Arguments that make each known binary print its version and exit 0. */
const VERSION_ARGS: Record<string, string[]> = {
  openssl: ["version"],
  "gnutls-serv": ["--version"],
  "gnutls-cli": ["--version"],
};

const cache = new Map<string, boolean>();

/** True when `binary` can be run (checked once per process). */
export function hasBinary(binary: string): boolean {
  let found = cache.get(binary);
  if (found === undefined) {
    const result = spawnSync(binary, VERSION_ARGS[binary] ?? ["--version"], { stdio: "ignore", timeout: 10_000 });
    found = result.error === undefined && result.status === 0;
    cache.set(binary, found);
  }
  return found;
}

/**
 * `describe(title, body)` when every binary in `binaries` exists. Otherwise: locally, a skipped suite
 * whose title names the missing binaries; under `CI=true`, a suite with one failing test, because
 * `.ci/run` installs every peer and a silent skip there would hide lost coverage.
 */
export function describeWithPeers(binaries: string[], title: string, body: () => void): void {
  const missing = binaries.filter((binary) => !hasBinary(binary));
  if (missing.length === 0) {
    describe(title, body);
  } else if (IN_CI) {
    describe(title, () => {
      it(`needs ${missing.join(", ")}`, () => {
        throw new Error(`interop peer binary not found: ${missing.join(", ")} (CI=true requires it; see .ci/run)`);
      });
    });
  } else {
    console.warn(`[interop] skipping "${title}": ${missing.join(", ")} not installed (fails under CI=true)`);
    describe.skip(`${title} [skipped: ${missing.join(", ")} not installed]`, body);
  }
}
