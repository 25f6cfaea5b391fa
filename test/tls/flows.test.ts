// The state machines follow the flow tables: every message is accepted by the state the table names,
// in the table's order, for both roles.
import { describe, expect, it } from "vitest";
import { type Flow, FULL_HANDSHAKE, flowToMermaid } from "../../tls/handshake/flows.js";
import { testPki } from "../support/certs.js";
import { createPair } from "../support/tls-pair.js";
import { clientOptions, serverOptions } from "./fixtures.js";

/** (message, state) pairs a side received, from its trace. */
async function receivedSteps(clientAuth = false) {
  const pki = testPki();
  const pair = clientAuth
    ? createPair(
        clientOptions({ cert: pki.clientCert, key: pki.clientKey }),
        serverOptions({ requestCert: true, ca: pki.caCert }),
      )
    : createPair(clientOptions({ sessionTickets: false }), serverOptions());
  const steps: { to: "client" | "server"; message: string; state?: string }[] = [];
  for (const [side, conn] of [
    ["client", pair.client],
    ["server", pair.server],
  ] as const) {
    conn.on("trace", (t) => {
      if (t.step.endsWith(" received"))
        steps.push({ to: side, message: t.step.replace(/ received$/, ""), state: t.state });
    });
  }
  await pair.client.start();
  await pair.settle();
  return steps;
}

function required(flow: Flow, receiver: "client" | "server", withOptional = false) {
  return flow.steps
    .filter((s) => (withOptional || !s.optional) && s.from !== receiver)
    .map((s) => ({ message: s.message, state: s.acceptedIn }));
}

describe("flow tables", () => {
  it("full handshake: each side receives the table's messages in the table's states and order", async () => {
    const steps = await receivedSteps();
    for (const side of ["client", "server"] as const) {
      const got = steps.filter((s) => s.to === side).map(({ message, state }) => ({ message, state }));
      expect(got).toEqual(required(FULL_HANDSHAKE, side));
    }
  });

  it("full handshake with client authentication: every optional step too", async () => {
    const steps = await receivedSteps(true);
    for (const side of ["client", "server"] as const) {
      const got = steps.filter((s) => s.to === side).map(({ message, state }) => ({ message, state }));
      expect(got).toEqual(required(FULL_HANDSHAKE, side, true));
    }
  });

  it("renders a Mermaid diagram with one arrow per step", () => {
    const diagram = flowToMermaid(FULL_HANDSHAKE);
    expect(diagram.split("\n").filter((l) => l.includes("->>"))).toHaveLength(FULL_HANDSHAKE.steps.length);
  });
});
