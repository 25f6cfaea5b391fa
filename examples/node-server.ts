// A TLS server in Node on wassl's Node adapter (shaped like node:tls `createServer`): it answers each
// message with "you said: <message>" and closes.
//
// Run: npx tsx examples/node-server.ts <port> server.pem server.key
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { init } from "../bindings/index.js";
import { createServer } from "../tls/adapters/node.js";

/** A listening example server. */
export interface ExampleServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the server on `host:port` (port 0: chosen by the OS) with a PEM certificate chain and key. */
export async function startExampleServer(options: {
  cert: string;
  key: string;
  port?: number;
  host?: string;
}): Promise<ExampleServer> {
  await init(); // instantiate the WebAssembly crypto core once per process
  const server = createServer({ cert: options.cert, key: options.key }, (socket) => {
    socket.once("data", (message: Buffer) => socket.end(`you said: ${message.toString("utf8")}`));
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [port, certFile, keyFile] = process.argv.slice(2);
  if (!port || !certFile || !keyFile) {
    console.error("usage: tsx examples/node-server.ts <port> server.pem server.key");
    process.exit(2);
  }
  const server = await startExampleServer({
    cert: readFileSync(certFile, "utf8"),
    key: readFileSync(keyFile, "utf8"),
    port: Number(port),
  });
  console.log(`listening on 127.0.0.1:${server.port}`);
}
