// A record-level man in the middle for the sans-I/O engine: a TlsClient and a TlsServer whose bytes are
// split into units (one handshake message per plaintext record, one record otherwise) and delivered
// one at a time, each through a hook that may replace, drop, reorder or inject records. Deliveries are
// awaited one by one, so when the hook runs the receiver has processed everything before it and its
// `stateName` is exact. The whole run is bounded by a timeout: a hang fails the test.

import { concatBytes } from "../../bindings/bytes.js";
import type { AlertInfo, CloseInfo, HandshakeInfo, TlsConnection } from "../../tls/index.js";
import { TlsClient, type TlsClientOptions, TlsServer, type TlsServerOptions } from "../../tls/index.js";
import { encodeRecord, parseRecords } from "./records.js";

/** Which side sent the bytes. */
export type Side = "client" | "server";

/** One unit of a flight as delivered to the peer. */
export interface TapUnit {
  /** Sender. */
  from: Side;
  /** Position among the units this side sent (0-based, across flights). */
  index: number;
  /** Record content type. */
  type: number;
  /** Record version from the header. */
  version: number;
  /** The handshake message type, for plaintext handshake units. */
  handshakeType?: number;
  /** True once the sender switched to its new write keys (the fragment is ciphertext). */
  encrypted: boolean;
  /** The unit's wire bytes (one whole record). */
  bytes: Uint8Array;
}

/** Decides what reaches the receiver for `unit`: replacement chunks (delivered in order), or null to drop it. */
export type TapHook = (unit: TapUnit, receiver: TlsConnection) => Uint8Array[] | null;

/** What one side did during the run. */
export interface TapLog {
  handshake?: HandshakeInfo;
  alerts: AlertInfo[];
  close?: CloseInfo;
  data: Uint8Array[];
  /** Every `send` chunk, in order. */
  wire: Uint8Array[];
}

/** The result of {@link runTapped}. */
export interface TapRun {
  client: TlsClient;
  server: TlsServer;
  clientLog: TapLog;
  serverLog: TapLog;
  /** Bytes the side sent, concatenated. */
  sent(side: Side): Uint8Array;
  /** Delivers more bytes to a side and runs the exchange until quiet (through the same hook). */
  inject(to: Side, bytes: Uint8Array): Promise<void>;
  /** Delivers whatever the sides sent since (e.g. after `close()`) until quiet. */
  settle(): Promise<void>;
}

function watch(connection: TlsConnection): TapLog {
  const log: TapLog = { alerts: [], data: [], wire: [] };
  connection.on("handshake", (info) => {
    log.handshake = info;
  });
  connection.on("alert", (a) => log.alerts.push(a));
  connection.on("close", (c) => {
    log.close = c;
  });
  connection.on("data", (d) => log.data.push(d));
  return log;
}

/**
 * Splits one `send` chunk into units. Plaintext handshake records are re-framed one message per record
 * (a fragmented message stays whole); after the sender's ChangeCipherSpec records pass unchanged.
 */
export function splitUnits(
  bytes: Uint8Array,
  state: { encrypted: boolean },
  fragmentLength = 16384,
): Omit<TapUnit, "from" | "index">[] {
  const units: Omit<TapUnit, "from" | "index">[] = [];
  let pendingHandshake: Uint8Array = new Uint8Array(0);
  let pendingVersion = 0;
  for (const record of parseRecords(bytes)) {
    if (record.type === 22 && !state.encrypted) {
      pendingHandshake = concatBytes(pendingHandshake, record.fragment);
      pendingVersion = record.version;
      while (pendingHandshake.length >= 4) {
        const length = (pendingHandshake[1] << 16) | (pendingHandshake[2] << 8) | pendingHandshake[3];
        if (pendingHandshake.length < 4 + length) break;
        const message = pendingHandshake.slice(0, 4 + length);
        pendingHandshake = pendingHandshake.slice(4 + length);
        units.push({
          type: 22,
          version: pendingVersion,
          handshakeType: message[0],
          encrypted: false,
          bytes: frame(22, pendingVersion, message, fragmentLength),
        });
      }
      continue;
    }
    units.push({
      type: record.type,
      version: record.version,
      encrypted: state.encrypted,
      bytes: encodeRecord(record.type, record.version, record.fragment),
    });
    if (record.type === 20) state.encrypted = true;
  }
  if (pendingHandshake.length > 0) {
    units.push({
      type: 22,
      version: pendingVersion,
      encrypted: false,
      bytes: encodeRecord(22, pendingVersion, pendingHandshake),
    });
  }
  return units;
}

/** Frames `data` as records of at most `fragmentLength` bytes each (one unit may hold several records). */
function frame(type: number, version: number, data: Uint8Array, fragmentLength: number): Uint8Array {
  const records: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += fragmentLength) {
    records.push(encodeRecord(type, version, data.subarray(at, at + fragmentLength)));
  }
  return concatBytes(...records);
}

/** Rejects after `ms` with a "hang" error unless `promise` settles first. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a handshake between a new client and server with every unit passed through `hook` (default:
 * deliver unchanged). Resolves when no bytes are in flight; rejects when that takes over `timeoutMs`.
 * Re-framed handshake messages use records of at most `fragmentLength` bytes (set it to a negotiated
 * max_fragment_length).
 */
export async function runTapped(
  clientOptions: TlsClientOptions,
  serverOptions: TlsServerOptions,
  hook: TapHook = (unit) => [unit.bytes],
  timeoutMs = 10_000,
  fragmentLength = 16384,
): Promise<TapRun> {
  const client = new TlsClient(clientOptions);
  const server = new TlsServer(serverOptions);
  const clientLog = watch(client);
  const serverLog = watch(server);
  const queue: { from: Side; bytes: Uint8Array }[] = [];
  const split = { client: { encrypted: false }, server: { encrypted: false } };
  const counters = { client: 0, server: 0 };
  client.on("send", (bytes) => {
    clientLog.wire.push(bytes);
    queue.push({ from: "client", bytes });
  });
  server.on("send", (bytes) => {
    serverLog.wire.push(bytes);
    queue.push({ from: "server", bytes });
  });
  const pump = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const receiver = item.from === "client" ? server : client;
      for (const unit of splitUnits(item.bytes, split[item.from], fragmentLength)) {
        const full: TapUnit = { ...unit, from: item.from, index: counters[item.from]++ };
        const chunks = hook(full, receiver);
        for (const chunk of chunks ?? []) await receiver.receive(chunk);
      }
    }
  };
  await withTimeout(
    (async () => {
      await client.start();
      await pump();
    })(),
    timeoutMs,
    "tapped handshake",
  );
  return {
    client,
    server,
    clientLog,
    serverLog,
    sent: (side) => concatBytes(...(side === "client" ? clientLog : serverLog).wire),
    async inject(to, bytes) {
      const receiver = to === "client" ? client : server;
      await withTimeout(
        (async () => {
          await receiver.receive(bytes);
          await pump();
        })(),
        timeoutMs,
        "injected bytes",
      );
    },
    settle: () => withTimeout(pump(), timeoutMs, "settle"),
  };
}

/** Names of the alerts a side sent. */
export function alertsSent(log: TapLog): string[] {
  return log.alerts.filter((a) => a.direction === "sent").map((a) => a.name);
}
