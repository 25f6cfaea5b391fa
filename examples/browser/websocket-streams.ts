// Browser side of the WebSocket bridge: a WebSocket as the { readable, writable } byte-stream pair that
// wassl's Web Streams adapter runs TLS over. Standard Web APIs only (WebSocket, Streams).
import type { ByteStreamPair } from "../../tls/adapters/web-streams.js";

/**
 * Opens a WebSocket (binary frames) and resolves once it is open. Messages become the readable side;
 * chunks written to the writable side are sent as binary messages; closing the writable closes the
 * socket, and the readable ends when the socket closes.
 *
 * @example
 * const transport = await webSocketStreams("ws://127.0.0.1:8080/");
 * const tls = tlsClientStreams(transport, { servername: "localhost", ca });
 */
export function webSocketStreams(url: string): Promise<ByteStreamPair> {
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  let incoming!: ReadableStreamDefaultController<Uint8Array>;
  let ended = false;
  const readable = new ReadableStream<Uint8Array>({
    start(controller) {
      incoming = controller;
    },
    cancel() {
      socket.close(1000);
    },
  });
  socket.addEventListener("message", (event: MessageEvent<ArrayBuffer>) => {
    if (!ended) incoming.enqueue(new Uint8Array(event.data));
  });
  socket.addEventListener("close", () => {
    if (ended) return;
    ended = true;
    incoming.close();
  });
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      if (socket.readyState !== WebSocket.OPEN) throw new Error("WebSocket is not open");
      socket.send(chunk);
    },
    close() {
      socket.close(1000);
    },
    abort() {
      socket.close(1000);
    },
  });
  return new Promise((resolve, reject) => {
    socket.addEventListener("open", () => resolve({ readable, writable }), { once: true });
    socket.addEventListener("error", () => reject(new Error(`WebSocket to ${url} failed`)), { once: true });
  });
}
