// Real-browser test: the package, bundled for browsers from its TypeScript sources, in headless
// Debian Chromium. The page runs known answers on both WASM builds, a wassl client ↔ wassl server
// handshake in the page, and a handshake from the page to a Node tls server through a
// WebSocket-to-TCP bridge on loopback (examples/websocket-bridge.ts).
import { readFileSync } from "node:fs";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startBrowserDemo } from "../../examples/browser/serve.js";
import { startWebSocketBridge, type WebSocketBridge } from "../../examples/websocket-bridge.js";
import { bundleForBrowser } from "../../scripts/browser-bundle.js";
import type { BlockCipherName, HashName } from "../../tls/provider.js";
import { testPki } from "../support/certs.js";
import {
  describeWithChromium,
  type HeadlessPage,
  openHeadlessPage,
  type PageServer,
  servePage,
} from "../support/chromium.js";
import { type NodeTlsServer, startNodeTlsServer } from "../support/node-peers.js";
import { withTimeout } from "../support/processes.js";
import type { ConnectionReport, PagePki } from "./page/main.js";
import type { BrowserVectors, CbcVector, VectorResult } from "./page/vectors.js";

const GREETING = "hello from node:tls\n";
const STEP_TIMEOUT_MS = 30_000;

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../vectors/conformance/${name}`, import.meta.url), "utf8")) as T;

type Digests = Record<HashName, string>;
const HASHES: HashName[] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

/** A few vectors per primitive from the conformance data (test/vectors/conformance/README.md). */
function browserVectors(): BrowserVectors {
  const hashes = load<{ vectors: ({ msg: string } & Digests)[] }>("hashes.json").vectors;
  const hmacs = load<{ vectors: ({ key: string; msg: string } & Digests)[] }>("hmac.json").vectors.slice(0, 3);
  const prf = load<{ tls12: BrowserVectors["prfTls12"] }>("prf.json").tls12;
  const cbcFile = load<Record<string, Omit<CbcVector, "cipher">[]>>("cbc-rc4.json");
  const gcm = load<{
    vectors: { key: string; iv: string; aad: string; msg: string; ct: string; tag: string; result: string }[];
  }>("gcm.json").vectors;
  const rsa = load<{
    privateKeyPem: string;
    verify: { n: string; e: string; tests: { msg: string; sig: string; result: string }[] };
  }>("rsa.json");
  const pick = <T>(items: T[], valid: (t: T) => boolean, n: number) => [
    ...items.filter(valid).slice(0, n),
    ...items.filter((t) => !valid(t)).slice(0, n),
  ];
  const cipherNames: BlockCipherName[] = ["aes", "3des", "des", "rc2"];
  return {
    hashes: hashes.flatMap((v) => HASHES.map((name) => ({ name, msg: v.msg, digest: v[name] }))),
    hmacs: hmacs.flatMap((v) => HASHES.map((name) => ({ name, key: v.key, msg: v.msg, tag: v[name] }))),
    prfTls12: prf,
    cbc: cipherNames.flatMap((cipher) => cbcFile[cipher].slice(0, 3).map((v) => ({ ...v, cipher }))),
    rc4: (cbcFile.rc4 as unknown as BrowserVectors["rc4"]).slice(0, 3),
    gcm: pick(gcm, (g) => g.result === "valid", 4).map((g) => ({ ...g, valid: g.result === "valid" })),
    rsaVerify: pick(rsa.verify.tests, (t) => t.result === "valid", 3).map((t) => ({
      n: rsa.verify.n,
      e: rsa.verify.e,
      msg: t.msg,
      sig: t.sig,
      valid: t.result === "valid",
    })),
    rsaPrivateKeyPem: rsa.privateKeyPem,
  };
}

describeWithChromium("wassl in headless Chromium", () => {
  let site: PageServer;
  let browser: HeadlessPage;
  let nodeServer: NodeTlsServer;
  let bridge: WebSocketBridge;
  const received: Buffer[] = [];
  const negotiated: { cipher: string; protocol: string | null }[] = [];
  const pki = testPki();

  /** Calls `window.wasslPage[method](...args)` in the page, with a timeout and the page's errors on failure. */
  async function inPage<T>(method: string, ...args: unknown[]): Promise<T> {
    const call = browser.page.evaluate(
      ([name, params]) =>
        (window.wasslPage as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...params),
      [method, args] as [string, unknown[]],
    );
    try {
      return (await withTimeout(call, STEP_TIMEOUT_MS, `page ${method}`)) as T;
    } catch (error) {
      throw new Error(`${(error as Error).message}\npage errors: ${browser.errors.join("\n") || "none"}`);
    }
  }

  beforeAll(async () => {
    const bundle = await bundleForBrowser({ file: "test/browser/page/main.ts" });
    site = await servePage({
      "/": {
        type: "text/html",
        body: '<!doctype html><title>wassl</title><script type="module" src="/page.js"></script>',
      },
      "/page.js": { type: "text/javascript", body: bundle },
    });
    nodeServer = await startNodeTlsServer(
      {
        cert: pki.serverCert,
        key: pki.serverKey,
        minVersion: "TLSv1.2",
        maxVersion: "TLSv1.2",
        ciphers: "AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES128-SHA",
      },
      (socket: TLSSocket) => {
        negotiated.push({ cipher: socket.getCipher().standardName, protocol: socket.getProtocol() });
        socket.write(GREETING);
        socket.on("data", (chunk: Buffer) => {
          received.push(chunk);
          socket.write(chunk);
        });
      },
    );
    bridge = await startWebSocketBridge({ target: { host: "127.0.0.1", port: nodeServer.port } });
    browser = await openHeadlessPage(site.url);
    await browser.page.waitForFunction(() => "wasslPage" in window, undefined, { timeout: STEP_TIMEOUT_MS });
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    await nodeServer?.close();
    await site?.close();
  });

  it("loads the ESM bundle with no Node globals and init() picks the SIMD build", async () => {
    expect(await inPage<string[]>("nodeGlobals")).toEqual([]);
    expect(await inPage<string>("init")).toBe("simd");
  });

  for (const build of ["simd", "scalar"] as const) {
    it(`runs the known-answer vectors on the ${build} build`, async () => {
      expect(await inPage<string>("init", build)).toBe(build);
      const results = await inPage<VectorResult[]>("runVectors", browserVectors());
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const primitives = new Set(results.map((r) => r.primitive.split(" ")[0]));
      expect([...primitives].sort()).toEqual(["cbc", "gcm", "hash", "hmac", "prf", "rc4", "rsa"]);
      expect(results.length).toBeGreaterThanOrEqual(90);
    });

    for (const ciphers of ["TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256"]) {
      it(`completes a wassl client ↔ wassl server handshake in the page (${build}, ${ciphers})`, async () => {
        await inPage("init", build);
        const pagePki: PagePki = { caCert: pki.caCert, serverCert: pki.serverCert, serverKey: pki.serverKey };
        const report = await inPage<ConnectionReport>("inPageHandshake", pagePki, ciphers, 40_000);
        expect(report).toEqual({
          version: "TLSv1.2",
          cipherSuite: ciphers,
          authorized: true,
          echoedBytes: 80_000,
          closeReasons: ["close_notify", "close_notify"],
        });
      });
    }
  }

  it("completes a handshake with a Node tls server through the WebSocket bridge and exchanges data", async () => {
    await inPage("init", "simd");
    const report = await inPage<ConnectionReport>("bridgeHandshake", bridge.url, pki.caCert, 100_000);
    expect(report).toMatchObject({ version: "TLSv1.2", authorized: true, greeting: GREETING, echoedBytes: 100_000 });
    expect(report.closeReasons).toEqual(["close_notify"]);
    expect(negotiated).toEqual([{ cipher: report.cipherSuite, protocol: "TLSv1.2" }]);
    expect(Buffer.concat(received).length).toBe(100_000);
  });

  it("runs the browser example (examples/browser): page → bridge → wassl Node server", async () => {
    const demo = await startBrowserDemo({ cert: pki.serverCert, key: pki.serverKey, ca: pki.caCert });
    const page = await browser.page.context().newPage();
    try {
      await page.goto(demo.url);
      const log = page.locator("#log");
      await log.filter({ hasText: /done|failed/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
      expect((await log.textContent())?.trim().split("\n")).toEqual([
        expect.stringMatching(/^handshake: TLSv1\.2 TLS_RSA_WITH_AES_\w+, certificate verified: true$/),
        "reply: you said: hello from the browser",
        "closed: close_notify",
        "done",
      ]);
    } finally {
      await page.close();
      await demo.close();
    }
  });
});
