// Session resumption (RFC 5246 §7.3 abbreviated handshake), RFC 5077 tickets, RFC 7627 §5.3, cache policy.
import { describe, expect, it } from "vitest";
import { createSecureContext, type TlsServerOptions } from "../../tls/index.js";
import { LruSessionCache } from "../../tls/session/cache.js";
import { decodeSessionState, encodeSessionState, type SessionState } from "../../tls/session/state.js";
import { TicketKeys } from "../../tls/session/tickets.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, sentAlerts, serverOptions } from "./fixtures.js";

/** A server context shared by connections (cache and ticket keys live there). */
function sharedServer(extra: Partial<TlsServerOptions> = {}): TlsServerOptions {
  return { secureContext: createSecureContext(serverOptions(extra)) };
}

async function firstSession(client: Parameters<typeof clientOptions>[0], server: TlsServerOptions) {
  const pair = await handshakePair(clientOptions(client), server);
  expect(pair.clientLog.handshake?.resumed).toBe(false);
  const session = pair.client.getSession();
  expect(session).toBeDefined();
  return session!;
}

const sample: SessionState = {
  version: 0x0303,
  cipherSuite: 0x009c,
  masterSecret: new Uint8Array(48).fill(7),
  extendedMasterSecret: true,
  sessionId: new Uint8Array(32).fill(1),
  ticket: Uint8Array.of(1, 2, 3),
  ticketLifetime: 7200,
  createdAt: 1_700_000_000_123,
  peerCertificates: [Uint8Array.of(0x30, 0)],
  authorized: true,
  servername: "localhost",
};

describe("session resumption", () => {
  it("session state encoding round-trips", () => {
    expect(decodeSessionState(encodeSessionState(sample))).toEqual(sample);
    expect(() => decodeSessionState(encodeSessionState(sample).subarray(1))).toThrow();
  });

  const modes = [
    { name: "session ID", client: { sessionTickets: false }, server: { sessionTickets: false } },
    { name: "ticket", client: {}, server: { sessionCache: false as const } },
  ];
  for (const mode of modes) {
    it(`resumes by ${mode.name}: abbreviated flow, same version/suite, data flows`, async () => {
      const server = sharedServer(mode.server);
      const session = await firstSession(mode.client, server);
      const pair = await handshakePair(clientOptions({ ...mode.client, session }), server);
      expect(pair.clientLog.handshake?.resumed).toBe(true);
      expect(pair.serverLog.handshake?.resumed).toBe(true);
      expect(pair.client.isSessionReused()).toBe(true);
      expect(pair.clientLog.trace).not.toContain("Certificate received");
      expect(pair.clientLog.handshake?.peerCertificates.length).toBeGreaterThan(0);
      await pair.client.write(new TextEncoder().encode("ping"));
      await pair.settle();
      expect(new TextDecoder().decode(pair.received("server"))).toBe("ping");
    });
  }

  it("a ticket from another server key, or a forged one, gives a full handshake", async () => {
    const session = await firstSession({}, sharedServer({ sessionCache: false }));
    const other = await handshakePair(clientOptions({ session }), sharedServer({ sessionCache: false }));
    expect(other.clientLog.handshake?.resumed).toBe(false);
    const state = decodeSessionState(session);
    state.ticket[state.ticket.length - 1] ^= 1;
    const forged = await handshakePair(clientOptions({ session: encodeSessionState(state) }), sharedServer());
    expect(forged.clientLog.handshake?.resumed).toBe(false);
  });

  it("ticket keys rotate; the previous key still decrypts, older ones do not", () => {
    let now = 0;
    const keys = new TicketKeys(provider, { rotateAfterSeconds: 10, keepPrevious: 1, now: () => now });
    const t0 = keys.seal({ ...sample, createdAt: 0 });
    now = 11_000;
    const t1 = keys.seal({ ...sample, createdAt: now });
    expect(t1.subarray(0, 16)).not.toEqual(t0.subarray(0, 16));
    expect(keys.open(t0)?.masterSecret).toEqual(sample.masterSecret);
    now = 22_000;
    keys.seal({ ...sample, createdAt: now });
    expect(keys.open(t0)).toBeUndefined();
    expect(keys.open(t1)).toBeDefined();
  });

  it("LRU cache: bounded, least recently used evicted, entries expire", () => {
    let now = 0;
    const cache = new LruSessionCache({ maxSize: 2, lifetimeSeconds: 5, now: () => now });
    const id = (n: number) => Uint8Array.of(n);
    cache.set(id(1), { ...sample, createdAt: 0 });
    cache.set(id(2), { ...sample, createdAt: 0 });
    expect(cache.get(id(1))).toBeDefined(); // 1 is now most recent
    cache.set(id(3), { ...sample, createdAt: 0 });
    expect(cache.get(id(2))).toBeUndefined();
    expect(cache.size).toBe(2);
    now = 5000;
    expect(cache.get(id(1))).toBeUndefined();
    cache.delete(id(3));
    expect(cache.get(id(3))).toBeUndefined();
  });

  it("RFC 7627 §5.3: an EMS session offered without EMS is refused; a non-EMS one is not resumed with EMS", async () => {
    const server = sharedServer({ sessionTickets: false });
    const ems = await firstSession({ sessionTickets: false }, server);
    const refused = await handshakePair(
      clientOptions({ session: ems, sessionTickets: false, extendedMasterSecret: false }),
      server,
    );
    expect(sentAlerts(refused.serverLog)).toEqual(["handshake_failure"]);
    const plain = await firstSession({ sessionTickets: false, extendedMasterSecret: false }, server);
    const full = await handshakePair(clientOptions({ session: plain, sessionTickets: false }), server);
    expect(full.clientLog.handshake?.resumed).toBe(false);
    expect(full.clientLog.handshake?.extendedMasterSecret).toBe(true);
  });

  it("the client refuses a server that changes the EMS status on resumption", async () => {
    const server = sharedServer({ sessionTickets: false });
    const ems = decodeSessionState(await firstSession({ sessionTickets: false }, server));
    // Pretend the stored session had no EMS: the server resumes with EMS, which the client must refuse.
    const lying = encodeSessionState({ ...ems, extendedMasterSecret: false });
    const pair = await handshakePair(clientOptions({ session: lying, sessionTickets: false }), server);
    expect(pair.clientLog.handshake).toBeUndefined();
    expect(sentAlerts(pair.clientLog)).toEqual(["handshake_failure"]);
  });

  it("resumption never changes version or suite; other server names do not resume", async () => {
    const server = sharedServer({ sessionTickets: false, minVersion: "TLSv1" });
    const session = await firstSession({ sessionTickets: false, ciphers: "AES128-SHA" }, server);
    const otherSuite = await handshakePair(
      clientOptions({ session, sessionTickets: false, ciphers: "AES256-SHA" }),
      server,
    );
    expect(otherSuite.clientLog.handshake?.resumed).toBe(false);
    const otherVersion = await handshakePair(
      clientOptions({
        session,
        sessionTickets: false,
        ciphers: "AES128-SHA",
        minVersion: "TLSv1",
        maxVersion: "TLSv1.1",
      }),
      server,
    );
    expect(otherVersion.clientLog.handshake?.resumed).toBe(false);
    expect(otherVersion.clientLog.handshake?.version).toBe("TLSv1.1");
    const otherName = await handshakePair(
      clientOptions({
        session,
        sessionTickets: false,
        ciphers: "AES128-SHA",
        servername: "127.0.0.1",
        rejectUnauthorized: false,
      }),
      server,
    );
    expect(otherName.clientLog.handshake?.resumed).toBe(false);
  });

  it("a resumed connection keeps the original verdict: an unauthorized session stays unauthorized", async () => {
    const server = sharedServer();
    const loose = { rejectUnauthorized: false, ca: undefined };
    const session = await firstSession(loose, server);
    const pair = await handshakePair(clientOptions({ ...loose, session }), server);
    expect(pair.clientLog.handshake?.resumed).toBe(true);
    expect(pair.clientLog.handshake?.authorized).toBe(false);
  });

  it("a fatal alert removes the server's session from the cache (RFC 5246 §7.2.2)", async () => {
    const cache = new LruSessionCache();
    const server = sharedServer({ sessionTickets: false, sessionCache: cache });
    const session = await firstSession({ sessionTickets: false }, server);
    expect(cache.size).toBe(1);
    const pair = await handshakePair(clientOptions({ sessionTickets: false, session }), server);
    expect(pair.serverLog.handshake?.resumed).toBe(true);
    await pair.server.receive(Uint8Array.of(21, 3, 3, 0, 2, 2, 40)); // a plaintext fatal alert: bad record
    expect(pair.server.status).toBe("closed");
    expect(cache.size).toBe(0);
  });
});
