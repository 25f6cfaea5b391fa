// Headless Chromium for the real-browser tests: Debian's /usr/bin/chromium (`apt-get install -y chromium`,
// see .ci/run) driven by playwright-core. Never downloads a browser.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { describe, it } from "vitest";
import { IN_CI } from "./peer-availability.js";

/** The browser binary (override with CHROMIUM_PATH). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a quiet, self-contained headless run (no GPU, no network chatter, no sandbox in containers). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage", // containers often have a tiny /dev/shm
];

/**
 * `describe` when Chromium is installed; otherwise a skipped suite naming the reason locally, and a
 * failing test under `CI=true` (where .ci/run installs it and a silent skip would hide lost coverage).
 */
export function describeWithChromium(title: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(title, body);
  } else if (IN_CI) {
    describe(title, () => {
      it("needs Chromium", () => {
        throw new Error(`${CHROMIUM_PATH} not found (CI=true requires it: apt-get install -y chromium, see .ci/run)`);
      });
    });
  } else {
    describe.skip(`${title} [skipped: ${CHROMIUM_PATH} not installed — apt-get install -y chromium]`, body);
  }
}

/** A running headless Chromium with one page, and everything needed to shut it down. */
export interface HeadlessPage {
  page: Page;
  /** Uncaught page errors and console errors seen so far (for failure messages). */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile directory and opens `url`. */
export async function openHeadlessPage(url: string): Promise<HeadlessPage> {
  const profile = mkdtempSync(join(tmpdir(), "wassl-chromium-"));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: 30_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    await page.goto(url);
    const opened = context;
    return {
      page,
      errors,
      close: async () => {
        await opened.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** A static server on 127.0.0.1 for a test page. */
export interface PageServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `files` (path → content type and body) on 127.0.0.1 with an OS-chosen port. */
export async function servePage(
  files: Record<string, { type: string; body: string | Uint8Array }>,
): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://127.0.0.1").pathname];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
