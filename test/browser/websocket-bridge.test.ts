// The WebSocket-to-TCP bridge (examples/websocket-bridge.ts) at the frame level, from a raw TCP client:
// opening handshake, masked binary frames of every length encoding, fragmentation, ping, refusals.
import { createHash, randomBytes } from "node:crypto";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebSocketBridge, type WebSocketBridge } from "../../examples/websocket-bridge.js";
import { withTimeout } from "../support/processes.js";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** A masked client frame (RFC 6455 §5.2). */
function clientFrame(opcode: number, payload: Uint8Array, fin = true): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0, 0x80 | length])
      : length < 65536
        ? Buffer.from([0, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([
            Buffer.from([0, 0x80 | 127, 0, 0, 0, 0]),
            Buffer.from(new Uint32Array([length]).buffer).reverse(),
          ]);
  header[0] = (fin ? 0x80 : 0) | opcode;
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i & 3]));
  return Buffer.concat([header, mask, masked]);
}

/** Reads server frames (unmasked) from everything received so far. */
function serverFrames(data: Buffer): { opcode: number; payload: Buffer }[] {
  const frames = [];
  let at = 0;
  while (at + 2 <= data.length) {
    let length = data[at + 1] & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      length = data.readUInt16BE(at + 2);
      offset += 2;
    } else if (length === 127) {
      length = data.readUInt32BE(at + 6);
      offset += 8;
    }
    if (offset + length > data.length) break;
    frames.push({ opcode: data[at] & 0x0f, payload: data.subarray(offset, offset + length) });
    at = offset + length;
  }
  return frames;
}

/** A raw client: performs the opening handshake and collects what follows the 101 response. */
async function openRawWebSocket(
  port: number,
): Promise<{ socket: Socket; received: () => Buffer; ended: Promise<void> }> {
  const key = randomBytes(16).toString("base64");
  const socket = connect(port, "127.0.0.1");
  let buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
  });
  const ended = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.write(
    `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await withTimeout(
    (async () => {
      while (!buffer.includes("\r\n\r\n")) await new Promise((r) => setTimeout(r, 5));
    })(),
    5000,
    "101 response",
  );
  const end = buffer.indexOf("\r\n\r\n") + 4;
  const head = buffer.subarray(0, end).toString();
  const accept = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  expect(head).toMatch(/^HTTP\/1\.1 101 /);
  expect(head).toContain(`Sec-WebSocket-Accept: ${accept}`);
  const start = end;
  return { socket, received: () => buffer.subarray(start), ended };
}

/** Sends raw request text and returns everything the server answers before closing. */
async function rawReply(port: number, request: string): Promise<string> {
  const socket = connect(port, "127.0.0.1");
  let text = "";
  socket.on("data", (c: Buffer) => {
    text += c.toString();
  });
  socket.write(request);
  await withTimeout(new Promise((r) => socket.on("close", r)), 5000, "reply");
  return text;
}

const until = (check: () => boolean, what: string) =>
  withTimeout(
    (async () => {
      while (!check()) await new Promise((r) => setTimeout(r, 5));
    })(),
    5000,
    what,
  );

describe("examples/websocket-bridge.ts", () => {
  let echo: Server;
  let bridge: WebSocketBridge;

  beforeAll(async () => {
    echo = createServer((s) => s.pipe(s));
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", () => resolve()));
    bridge = await startWebSocketBridge({ target: { host: "127.0.0.1", port: (echo.address() as AddressInfo).port } });
  });
  afterAll(async () => {
    await bridge?.close();
    await new Promise<void>((resolve) => echo.close(() => resolve()));
  });

  it.each([0, 1, 125, 126, 65535, 65536, 200_000])("carries a %i-byte binary frame to TCP and back", async (size) => {
    const ws = await openRawWebSocket(bridge.port);
    const payload = randomBytes(size);
    ws.socket.write(clientFrame(2, payload));
    const echoed = () => Buffer.concat(serverFrames(ws.received()).map((f) => f.payload));
    await until(() => echoed().length >= size, `echo of ${size} bytes`);
    expect(echoed().equals(payload)).toBe(true);
    expect(serverFrames(ws.received()).every((f) => f.opcode === 2)).toBe(true);
    ws.socket.destroy();
  });

  it("joins fragmented frames, answers ping with pong and echoes a close", async () => {
    const ws = await openRawWebSocket(bridge.port);
    const frames = Buffer.concat([
      clientFrame(2, Buffer.from("abc"), false),
      clientFrame(9, Buffer.from("ping!")),
      clientFrame(0, Buffer.from("def")),
    ]);
    for (let i = 0; i < frames.length; i += 3) ws.socket.write(frames.subarray(i, i + 3)); // split across reads
    await until(() => serverFrames(ws.received()).filter((f) => f.opcode === 2).length > 0, "echo");
    await until(
      () =>
        Buffer.concat(
          serverFrames(ws.received())
            .filter((f) => f.opcode === 2)
            .map((f) => f.payload),
        ).length === 6,
      "6 bytes",
    );
    const got = serverFrames(ws.received());
    expect(got.find((f) => f.opcode === 10)?.payload.toString()).toBe("ping!");
    expect(Buffer.concat(got.filter((f) => f.opcode === 2).map((f) => f.payload)).toString()).toBe("abcdef");
    ws.socket.write(clientFrame(8, Buffer.from([0x03, 0xe8])));
    await withTimeout(ws.ended, 5000, "close");
    expect(serverFrames(ws.received()).at(-1)?.opcode).toBe(8);
  });

  it.each([
    ["a text frame", clientFrame(1, Buffer.from("text")), 1003],
    ["an unmasked frame", Buffer.from([0x82, 0x01, 0x41]), 1002],
    ["a frame over the size limit", Buffer.from([0x82, 0x80 | 127, 0, 0, 0, 1, 0, 0, 0, 0]), 1009],
  ])("closes on %s with code %i", async (_name, frame, code) => {
    const ws = await openRawWebSocket(bridge.port);
    ws.socket.write(frame);
    await withTimeout(ws.ended, 5000, "close");
    const close = serverFrames(ws.received()).at(-1);
    expect(close?.opcode).toBe(8);
    expect(close?.payload.readUInt16BE(0)).toBe(code);
  });

  it("refuses pages from origins not in allowedOrigins", async () => {
    const guarded = await startWebSocketBridge({
      target: { host: "127.0.0.1", port: (echo.address() as AddressInfo).port },
      allowedOrigins: ["http://good.example"],
    });
    try {
      const upgrade = (origin: string) =>
        `GET / HTTP/1.1\r\nHost: x\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
      expect(await rawReply(guarded.port, upgrade("http://evil.example"))).toMatch(/^HTTP\/1\.1 403/);
      const accepted = connect(guarded.port, "127.0.0.1");
      const first = new Promise<string>((resolve) => accepted.once("data", (c: Buffer) => resolve(c.toString())));
      accepted.write(upgrade("http://good.example"));
      expect(await withTimeout(first, 5000, "101")).toMatch(/^HTTP\/1\.1 101/);
      accepted.destroy();
    } finally {
      await guarded.close();
    }
  });

  it("refuses plain HTTP requests and upgrades without a key", async () => {
    const reply = (request: string) => rawReply(bridge.port, request);
    expect(await reply("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 426/);
    expect(await reply("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")).toMatch(
      /^HTTP\/1\.1 400/,
    );
  });
});
