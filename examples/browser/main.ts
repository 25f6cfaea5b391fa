// wassl in a browser page: a TLS 1.2 client that reaches a TLS server through a WebSocket-to-TCP
// bridge (examples/websocket-bridge.ts). Served and bundled by examples/browser/serve.ts.
import { init } from "../../bindings/index.js";
import { type TlsStreams, tlsClientStreams } from "../../tls/adapters/web-streams.js";
import type { TlsClientOptions } from "../../tls/index.js";
import { webSocketStreams } from "./websocket-streams.js";

/** What the page needs to know: where the bridge is and whom to trust (served as /config.json). */
export interface BrowserDemoConfig {
  bridgeUrl: string;
  ca: string;
  servername: string;
}

/**
 * Opens a TLS connection through the bridge at `bridgeUrl`; the handshake runs between this page and
 * the server behind the bridge (the bridge sees only ciphertext).
 */
export async function connectThroughBridge(bridgeUrl: string, options: TlsClientOptions): Promise<TlsStreams> {
  await init(); // SIMD build where the browser supports it
  return tlsClientStreams(await webSocketStreams(bridgeUrl), options);
}

/** Sends one message and reads the reply until the server closes. */
async function run(log: (line: string) => void): Promise<void> {
  const config = (await (await fetch("/config.json")).json()) as BrowserDemoConfig;
  const tls = await connectThroughBridge(config.bridgeUrl, { ca: config.ca, servername: config.servername });
  const info = await tls.handshake;
  log(`handshake: ${info.version} ${info.cipherSuite.name}, certificate verified: ${info.authorized}`);
  const writer = tls.writable.getWriter();
  await writer.write(new TextEncoder().encode("hello from the browser"));
  // A reader loop rather than `for await`: Safari's ReadableStream is not async-iterable.
  const reader = tls.readable.getReader();
  const decoder = new TextDecoder();
  let reply = "";
  for (let r = await reader.read(); !r.done; r = await reader.read())
    reply += decoder.decode(r.value, { stream: true });
  log(`reply: ${reply}`);
  log(`closed: ${(await tls.closed).reason}`);
}

const output = document.getElementById("log");
const log = (line: string) => {
  if (output) output.textContent += `${line}\n`;
};
run(log).then(
  () => log("done"),
  (error: Error) => log(`failed: ${error.message}`),
);
