// A TLS client in Node on wassl's Node adapter (shaped like node:tls `connect`): sends one message and
// prints the reply with what was negotiated.
//
// Run: npx tsx examples/node-client.ts <host> <port> ca.pem [message]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { init } from "../bindings/index.js";
import { connect } from "../tls/adapters/node.js";

/** What the exchange produced. */
export interface ExampleReply {
  protocol: string | null;
  cipher: string | undefined;
  reply: string;
}

/** Connects, verifies the server against `ca` (and `servername`), sends `message`, reads until the server ends. */
export async function sendMessage(options: {
  host: string;
  port: number;
  ca: string;
  servername?: string;
  message: string;
}): Promise<ExampleReply> {
  await init();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(
      { host: options.host, port: options.port, ca: options.ca, servername: options.servername },
      () => socket.write(options.message),
    );
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () =>
      resolve({
        protocol: socket.getProtocol(),
        cipher: socket.getCipher()?.standardName,
        reply: Buffer.concat(chunks).toString("utf8"),
      }),
    );
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [host, port, caFile, message = "hello"] = process.argv.slice(2);
  if (!host || !port || !caFile) {
    console.error("usage: tsx examples/node-client.ts <host> <port> ca.pem [message]");
    process.exit(2);
  }
  const result = await sendMessage({ host, port: Number(port), ca: readFileSync(caFile, "utf8"), message });
  console.log(`${result.protocol} ${result.cipher}: ${result.reply}`);
}
