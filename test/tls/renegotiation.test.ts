// Renegotiation both directions (RFC 5246 §7.4.1.1) with RFC 5746 binding, policy, and the flow tables.
import { describe, expect, it } from "vitest";
import type { HandshakeContext } from "../../tls/handshake/context.js";
import { renegotiationRefusal } from "../../tls/handshake/renegotiation.js";
import { ABBREVIATED_HANDSHAKE, createSecureContext, type Flow, RENEGOTIATION } from "../../tls/index.js";
import { testPki } from "../support/certs.js";
import { createPair, handshakePair, type TlsPair } from "../support/tls-pair.js";
import { clientOptions, sentAlerts, serverOptions } from "./fixtures.js";

const text = (s: string) => new TextEncoder().encode(s);

/** (message, state) pairs each side received after `from` trace steps. */
function watch(pair: TlsPair) {
  const steps: { to: "client" | "server"; message: string; state?: string }[] = [];
  for (const [side, conn] of [
    ["client", pair.client],
    ["server", pair.server],
  ] as const) {
    conn.on("trace", (t) => {
      if (t.step.endsWith(" received") && t.step !== "ChangeCipherSpec received" && t.state !== undefined) {
        steps.push({ to: side, message: t.step.replace(/ received$/, ""), state: t.state });
      }
      if (t.step === "ChangeCipherSpec received") steps.push({ to: side, message: "ChangeCipherSpec", state: t.state });
    });
  }
  return steps;
}

/** Waits until a renegotiate() Promise settles and nothing is in flight; returns the Promise. */
async function settled(pair: TlsPair, done: Promise<unknown>): Promise<void> {
  await Promise.allSettled([done]);
  await pair.settle();
}

function expected(flow: Flow, receiver: "client" | "server", include: (optional: string) => boolean) {
  return flow.steps
    .filter((s) => s.from !== receiver && (!s.optional || include(s.optional)))
    .map((s) => ({ message: s.message, state: s.acceptedIn }));
}

describe("renegotiation", () => {
  it("client-initiated: new handshake bound by RFC 5746, data flows before and after", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    const renegotiated: string[] = [];
    pair.server.on("renegotiated", () => renegotiated.push("server"));
    pair.client.on("renegotiated", () => renegotiated.push("client"));
    const done = pair.client.renegotiate();
    await pair.server.write(text("during"));
    await settled(pair, done);
    await done;
    await pair.client.write(text("after"));
    await pair.settle();
    expect(renegotiated.sort()).toEqual(["client", "server"]);
    expect(new TextDecoder().decode(pair.received("client"))).toBe("during");
    expect(new TextDecoder().decode(pair.received("server"))).toBe("after");
    expect(pair.clientLog.trace).toContain("renegotiation_info verified");
    expect(pair.serverLog.trace).toContain("renegotiation_info verified");
  });

  it("server-initiated with a client certificate requested only on renegotiation (table flow)", async () => {
    const pki = testPki();
    const pair = await handshakePair(
      clientOptions({ cert: pki.clientCert, key: pki.clientKey, sessionTickets: false }),
      serverOptions({ ca: pki.caCert }),
    );
    expect(pair.server.session?.peerCertificates).toEqual([]);
    const steps = watch(pair);
    const done = pair.server.renegotiate({ requestCert: true });
    await settled(pair, done);
    await done;
    expect(pair.server.session?.peerCertificates.length).toBe(1);
    expect(pair.server.session?.authorized).toBe(true);
    for (const side of ["client", "server"] as const) {
      const got = steps.filter((s) => s.to === side).map(({ message, state }) => ({ message, state }));
      expect(got, side).toEqual(expected(RENEGOTIATION, side, (o) => !o.includes("RFC 5077")));
    }
  });

  it("abbreviated handshake follows its table", async () => {
    const server = { secureContext: createSecureContext(serverOptions()) };
    const first = await handshakePair(clientOptions({ sessionTickets: false }), server);
    const pair = createPair(clientOptions({ sessionTickets: false, session: first.client.getSession() }), server);
    const steps = watch(pair);
    await pair.client.start();
    await pair.settle();
    for (const side of ["client", "server"] as const) {
      const got = steps.filter((s) => s.to === side).map(({ message, state }) => ({ message, state }));
      expect(got).toEqual(expected(ABBREVIATED_HANDSHAKE, side, () => false));
    }
  });

  it("policy 'never' declines with no_renegotiation; 'once' allows one; the connection stays up", async () => {
    const never = await handshakePair(clientOptions(), serverOptions({ renegotiation: "never" }));
    const refused = never.client.renegotiate();
    await settled(never, refused);
    await expect(refused).rejects.toMatchObject({ code: "ERR_TLS_RENEGOTIATION_REFUSED" });
    expect(sentAlerts(never.serverLog)).toEqual(["no_renegotiation"]);
    await never.client.write(text("still"));
    await never.settle();
    expect(new TextDecoder().decode(never.received("server"))).toBe("still");

    const once = await handshakePair(clientOptions({ renegotiation: "once" }), serverOptions());
    const first = once.server.renegotiate();
    await settled(once, first);
    await first;
    await expect(once.client.renegotiate()).rejects.toMatchObject({ code: "ERR_TLS_RENEGOTIATION_REFUSED" });
    const second = once.server.renegotiate();
    await settled(once, second);
    await expect(second).rejects.toMatchObject({ code: "ERR_TLS_RENEGOTIATION_REFUSED" });
    expect(sentAlerts(once.clientLog)).toEqual(["no_renegotiation"]);
  });

  it("a tampered renegotiation_info is refused with handshake_failure (RFC 5746 §3.7)", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    // Replace the client's verify_data by zeros before it is encrypted: patch the context it reads.
    const ctx = (pair.client as unknown as { context: { clientVerifyData: Uint8Array } }).context;
    ctx.clientVerifyData = new Uint8Array(ctx.clientVerifyData.length);
    const done = pair.client.renegotiate();
    await settled(pair, done);
    await expect(done).rejects.toMatchObject({ code: "ERR_TLS_CLOSED" });
    expect(sentAlerts(pair.serverLog)).toEqual(["handshake_failure"]);
  });

  it("a renegotiation ClientHello with the SCSV is refused (RFC 5746 §3.7)", async () => {
    const pair = await handshakePair(clientOptions(), serverOptions());
    const ctx = (pair.client as unknown as { context: { config: { suites: { id: number }[] } } }).context;
    ctx.config.suites = [...ctx.config.suites, { ...ctx.config.suites[0], id: 0x00ff }];
    const done = pair.client.renegotiate();
    await settled(pair, done);
    await expect(done).rejects.toBeDefined();
    expect(sentAlerts(pair.serverLog)).toEqual(["handshake_failure"]);
  });

  it("policy table: insecure peers refused unless allowInsecureRenegotiation (legacy)", () => {
    const cases = [
      { policy: "freely", secure: true, insecureOk: false, count: 5, refused: false },
      { policy: "freely", secure: false, insecureOk: false, count: 0, refused: true },
      { policy: "freely", secure: false, insecureOk: true, count: 0, refused: false },
      { policy: "once", secure: true, insecureOk: false, count: 0, refused: false },
      { policy: "once", secure: true, insecureOk: false, count: 1, refused: true },
      { policy: "never", secure: true, insecureOk: true, count: 0, refused: true },
    ] as const;
    for (const c of cases) {
      const ctx = {
        config: { renegotiation: c.policy, allowInsecureRenegotiation: c.insecureOk },
        secureRenegotiation: c.secure,
        renegotiations: c.count,
      } as unknown as HandshakeContext;
      expect(renegotiationRefusal(ctx) !== undefined, JSON.stringify(c)).toBe(c.refused);
    }
  });

  it("the client refuses a changed server certificate on renegotiation", async () => {
    const pki = testPki();
    const pair = await handshakePair(clientOptions(), serverOptions());
    // Swap the server's chain for the client certificate (also signed by the test CA).
    const ctx = (pair.server as unknown as { context: { config: { certificateChain: Uint8Array[] } } }).context;
    const { certificatesFromOption } = await import("../../tls/credentials.js");
    ctx.config.certificateChain = certificatesFromOption(pki.clientCert);
    const done = pair.client.renegotiate();
    await settled(pair, done);
    await expect(done).rejects.toBeDefined();
    expect(sentAlerts(pair.clientLog)).toEqual(["bad_certificate"]);
  });

  it("SSL 3.0 (legacy): both directions, bound by the 36-byte verify_data in renegotiation_info", async () => {
    const ssl3 = { minVersion: "SSLv3", maxVersion: "SSLv3", legacy: true, ciphers: "DES-CBC3-SHA" } as const;
    const pair = await handshakePair(clientOptions(ssl3), serverOptions(ssl3));
    expect(pair.clientLog.handshake?.version).toBe("SSLv3");
    expect(pair.clientLog.handshake?.secureRenegotiation).toBe(true);
    for (const side of [pair.client, pair.server]) {
      const done = side.renegotiate();
      await settled(pair, done);
      await done;
    }
    expect(pair.clientLog.trace.filter((t) => t === "renegotiation_info verified")).toHaveLength(2);
    expect(sentAlerts(pair.clientLog)).toEqual([]);
  });
});
