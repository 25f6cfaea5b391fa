// Serves the browser example: a wassl TLS server (examples/node-server.ts), a WebSocket bridge to it
// (examples/websocket-bridge.ts), and the page (index.html + main.ts bundled by esbuild) on loopback.
//
// Run: npx tsx examples/browser/serve.ts server.pem server.key ca.pem   — then open the printed URL.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { bundleForBrowser } from "../../scripts/browser-bundle.js";
import { startExampleServer } from "../node-server.js";
import { startWebSocketBridge } from "../websocket-bridge.js";
import type { BrowserDemoConfig } from "./main.js";

/** The running demo. */
export interface BrowserDemo {
  /** The page to open. */
  url: string;
  close(): Promise<void>;
}

/** Starts the TLS server, the bridge and the page server (all on 127.0.0.1, ports chosen by the OS). */
export async function startBrowserDemo(pki: { cert: string; key: string; ca: string }): Promise<BrowserDemo> {
  const tlsServer = await startExampleServer({ cert: pki.cert, key: pki.key });
  const bridge = await startWebSocketBridge({ target: { host: "127.0.0.1", port: tlsServer.port } });
  const config: BrowserDemoConfig = { bridgeUrl: bridge.url, ca: pki.ca, servername: "localhost" };
  const files: Record<string, [type: string, body: string | Uint8Array]> = {
    "/": ["text/html", readFileSync(new URL("index.html", import.meta.url), "utf8")],
    "/main.js": ["text/javascript", await bundleForBrowser({ file: "examples/browser/main.ts" }, { minify: true })],
    "/config.json": ["application/json", JSON.stringify(config)],
  };
  const http = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://127.0.0.1").pathname];
    if (file) response.writeHead(200, { "content-type": file[0] }).end(file[1]);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await bridge.close();
      await tlsServer.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [certFile, keyFile, caFile] = process.argv.slice(2);
  if (!certFile || !keyFile || !caFile) {
    console.error("usage: tsx examples/browser/serve.ts server.pem server.key ca.pem");
    process.exit(2);
  }
  const read = (file: string) => readFileSync(file, "utf8");
  const demo = await startBrowserDemo({ cert: read(certFile), key: read(keyFile), ca: read(caFile) });
  console.log(`open ${demo.url}`);
}
