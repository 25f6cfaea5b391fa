// A WebSocket-to-TCP bridge: how browser TLS clients reach TLS servers. Browsers cannot open TCP
// sockets, so the page opens a WebSocket to this bridge, which opens a TCP connection to one fixed
// target and copies bytes both ways. The TLS handshake runs end to end between the page (wassl) and
// the target: the bridge only ever sees ciphertext.
//
// Minimal RFC 6455 server side over node:http `upgrade`: binary frames, fragmentation, ping/pong and
// close; text frames are refused. The target is fixed (never taken from the request): an open relay
// to any host:port would be an SSRF hole.
//
// Run: npx tsx examples/websocket-bridge.ts <listen-port> <target-host>:<target-port>
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { pathToFileURL } from "node:url";

/** Where the bridge listens and what it connects to. */
export interface WebSocketBridgeOptions {
  /** TCP target every WebSocket is connected to. */
  target: { host: string; port: number };
  /** Listening port (0, the default, lets the OS choose). */
  port?: number;
  /** Listening address. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Largest accepted frame payload in bytes. Default 1 MiB. */
  maxFrameSize?: number;
  /**
   * Page origins allowed to connect (the `Origin` header browsers send, e.g. `https://app.example`).
   * Default: any. Set it on a bridge reachable from other machines, so other sites cannot use it.
   */
  allowedOrigins?: string[];
}

/** A listening bridge. */
export interface WebSocketBridge {
  /** `ws://host:port/` to give to `new WebSocket(url)`. */
  readonly url: string;
  /** Listening port. */
  readonly port: number;
  /** Stops listening and closes every bridged connection. */
  close(): Promise<void>;
}

/** Options with their defaults applied. */
type ResolvedOptions = Required<Omit<WebSocketBridgeOptions, "allowedOrigins">> &
  Pick<WebSocketBridgeOptions, "allowedOrigins">;

/** RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key before hashing. */
const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** RFC 6455 §5.2 opcodes. */
const Opcode = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

/** RFC 6455 §7.4.1 close codes used here. */
const CloseCode = { normal: 1000, protocolError: 1002, unsupportedData: 1003, tooBig: 1009, internal: 1011 };

/** Encodes one unmasked frame (server to client frames are never masked, §5.1). */
function encodeFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.alloc(headerLength + length);
  frame[0] = 0x80 | opcode; // FIN
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerLength);
  return frame;
}

/** A close frame with a status code (§5.5.1). */
function closeFrame(code: number): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return encodeFrame(Opcode.close, payload);
}

/** A decoded client frame. */
interface Frame {
  opcode: number;
  payload: Buffer;
}

/**
 * Takes the complete frames at the front of `buffer` (§5.2). Returns them and the unconsumed rest, or
 * a close code when the peer broke the protocol.
 */
function decodeFrames(buffer: Buffer, maxFrameSize: number): { frames: Frame[]; rest: Buffer } | { fail: number } {
  const frames: Frame[] = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    const b0 = buffer[at];
    const b1 = buffer[at + 1];
    if ((b0 & 0x70) !== 0 || (b1 & 0x80) === 0) return { fail: CloseCode.protocolError }; // RSV set / unmasked
    let length = b1 & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (buffer.length - at < 4) break;
      length = buffer.readUInt16BE(at + 2);
      offset = at + 4;
    } else if (length === 127) {
      if (buffer.length - at < 10) break;
      if (buffer.readUInt32BE(at + 2) !== 0) return { fail: CloseCode.tooBig };
      length = buffer.readUInt32BE(at + 6);
      offset = at + 10;
    }
    if (length > maxFrameSize) return { fail: CloseCode.tooBig };
    if (buffer.length - offset < 4 + length) break;
    const mask = buffer.subarray(offset, offset + 4);
    const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
    frames.push({ opcode: b0 & 0x0f, payload });
    at = offset + 4 + length;
  }
  return { frames, rest: buffer.subarray(at) };
}

/** Completes the opening handshake (§4.2.2), or refuses the request. Returns false when refused. */
function acceptUpgrade(request: IncomingMessage, socket: Duplex, allowedOrigins: string[] | undefined): boolean {
  if (allowedOrigins && !allowedOrigins.includes(request.headers.origin ?? "")) {
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
    return false;
  }
  const key = request.headers["sec-websocket-key"];
  const isWebSocket = request.headers.upgrade?.toLowerCase() === "websocket";
  if (!isWebSocket || typeof key !== "string" || request.headers["sec-websocket-version"] !== "13") {
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    return false;
  }
  const accept = createHash("sha1").update(`${key}${WEBSOCKET_GUID}`).digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  return true;
}

/** Copies bytes between one accepted WebSocket and a new TCP connection to the target. */
function bridgeConnection(ws: Duplex, head: Buffer, options: ResolvedOptions): Socket {
  const tcp = connect(options.target.port, options.target.host);
  let pending: Buffer = Buffer.from(head);
  let closing = false;

  const shutdown = (code: number) => {
    if (closing) return;
    closing = true;
    if (ws.writable) ws.end(closeFrame(code));
    tcp.end();
  };

  const onFrameBytes = (chunk: Buffer) => {
    if (closing) return;
    const decoded = decodeFrames(pending.length ? Buffer.concat([pending, chunk]) : chunk, options.maxFrameSize);
    if ("fail" in decoded) return shutdown(decoded.fail);
    pending = decoded.rest;
    for (const { opcode, payload } of decoded.frames) {
      if (opcode === Opcode.binary || opcode === Opcode.continuation) {
        if (!tcp.write(payload)) ws.pause();
      } else if (opcode === Opcode.ping) {
        ws.write(encodeFrame(Opcode.pong, payload));
      } else if (opcode === Opcode.close) {
        return shutdown(CloseCode.normal);
      } else if (opcode !== Opcode.pong) {
        return shutdown(CloseCode.unsupportedData); // text frames: this bridge carries bytes only
      }
    }
  };
  ws.on("data", onFrameBytes);
  tcp.on("drain", () => ws.resume());
  ws.on("drain", () => tcp.resume());
  tcp.on("data", (chunk: Buffer) => {
    if (!ws.write(encodeFrame(Opcode.binary, chunk))) tcp.pause();
  });
  tcp.on("end", () => shutdown(CloseCode.normal));
  tcp.on("error", () => shutdown(CloseCode.internal));
  ws.on("error", () => tcp.destroy());
  ws.on("close", () => tcp.destroy());
  if (head.length) onFrameBytes(Buffer.alloc(0)); // frames that arrived with the upgrade request
  return tcp;
}

/**
 * Starts a bridge on loopback.
 *
 * @example
 * const bridge = await startWebSocketBridge({ target: { host: "127.0.0.1", port: 8443 } });
 * // in the page: new WebSocket(bridge.url) carries a TLS connection to 127.0.0.1:8443
 */
export async function startWebSocketBridge(options: WebSocketBridgeOptions): Promise<WebSocketBridge> {
  const resolved: ResolvedOptions = {
    port: 0,
    host: "127.0.0.1",
    maxFrameSize: 1024 * 1024,
    ...options,
  };
  const open = new Set<Duplex>();
  const server = createServer((_request, response) => {
    response.writeHead(426, { "content-type": "text/plain" }).end("WebSocket only\n");
  });
  server.on("upgrade", (request, socket, head) => {
    socket.on("error", () => socket.destroy());
    if (!acceptUpgrade(request, socket, resolved.allowedOrigins)) return;
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    bridgeConnection(socket, head, resolved);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : resolved.port;
  return {
    url: `ws://${resolved.host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [listen, target] = process.argv.slice(2);
  const [host, port] = (target ?? "").split(/:(?=\d+$)/);
  if (!listen || !host || !port) {
    console.error("usage: tsx examples/websocket-bridge.ts <listen-port> <target-host>:<target-port>");
    process.exit(2);
  }
  const bridge = await startWebSocketBridge({ port: Number(listen), target: { host, port: Number(port) } });
  console.log(`bridging ${bridge.url} → ${host}:${port}`);
}
