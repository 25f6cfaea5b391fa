// An in-memory client↔server pair: each side's `send` bytes go to the other's `receive`.

import { concatBytes } from "../../bindings/bytes.js";
import type { AlertInfo, CloseInfo, HandshakeInfo, TlsConnection } from "../../tls/index.js";
import { TlsClient, type TlsClientOptions, TlsServer, type TlsServerOptions } from "../../tls/index.js";

/** What one side observed. */
export interface SideLog {
  handshake?: HandshakeInfo;
  data: Uint8Array[];
  alerts: AlertInfo[];
  close?: CloseInfo;
  trace: string[];
}

/** A connected pair and its logs. */
export interface TlsPair {
  client: TlsClient;
  server: TlsServer;
  clientLog: SideLog;
  serverLog: SideLog;
  /** Waits until no bytes are in flight in either direction. */
  settle(): Promise<void>;
  /** Bytes a side received as application data, concatenated. */
  received(side: "client" | "server"): Uint8Array;
}

function record(connection: TlsConnection): SideLog {
  const log: SideLog = { data: [], alerts: [], trace: [] };
  connection.on("handshake", (info) => {
    log.handshake = info;
  });
  connection.on("data", (d) => log.data.push(d));
  connection.on("alert", (a) => log.alerts.push(a));
  connection.on("close", (c) => {
    log.close = c;
  });
  connection.on("trace", (t) => log.trace.push(t.step));
  return log;
}

/** Rewrites bytes in flight: returns replacement bytes, several chunks delivered separately, or null to drop. */
export type Tamper = (from: "client" | "server", bytes: Uint8Array) => Uint8Array | Uint8Array[] | null;

/**
 * Creates the pair; `tamper` may rewrite, split or drop bytes in flight. Call
 * `client.start()` then `settle()` to run the handshake.
 */
export function createPair(clientOptions: TlsClientOptions, serverOptions: TlsServerOptions, tamper?: Tamper): TlsPair {
  const client = new TlsClient(clientOptions);
  const server = new TlsServer(serverOptions);
  const clientLog = record(client);
  const serverLog = record(server);
  const inFlight: Promise<void>[] = [];
  const deliver = (from: "client" | "server", to: TlsConnection, bytes: Uint8Array) => {
    const out = tamper ? tamper(from, bytes) : bytes;
    if (!out) return;
    for (const chunk of Array.isArray(out) ? out : [out]) inFlight.push(to.receive(chunk));
  };
  client.on("send", (bytes) => deliver("client", server, bytes));
  server.on("send", (bytes) => deliver("server", client, bytes));
  return {
    client,
    server,
    clientLog,
    serverLog,
    async settle() {
      while (inFlight.length > 0) await inFlight.shift();
    },
    received: (side) => concatBytes(...(side === "client" ? clientLog : serverLog).data),
  };
}

/** Runs a full handshake on a new pair. */
export async function handshakePair(
  clientOptions: TlsClientOptions,
  serverOptions: TlsServerOptions,
  tamper?: Tamper,
): Promise<TlsPair> {
  const pair = createPair(clientOptions, serverOptions, tamper);
  await pair.client.start();
  await pair.settle();
  return pair;
}
