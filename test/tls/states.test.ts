// Every Expect* state refuses every handshake message type it does not list with unexpected_message,
// before looking at the message body (table-driven over states × types).
import { describe, expect, it } from "vitest";
import { TlsAlertError } from "../../tls/alerts.js";
import { ExpectCertificate, ExpectServerHello, ExpectServerHelloDone } from "../../tls/handshake/client-states.js";
import type { HandshakeContext } from "../../tls/handshake/context.js";
import { Connected, ExpectChangeCipherSpec, ExpectFinished } from "../../tls/handshake/finish-states.js";
import {
  ExpectCertificateVerify,
  ExpectClientCertificate,
  ExpectClientHello,
  ExpectClientKeyExchange,
} from "../../tls/handshake/server-states.js";
import type { HandshakeState } from "../../tls/handshake/state.js";
import { HandshakeType } from "../../tls/messages/handshake-types.js";

const ALL_TYPES = Object.values(HandshakeType);
const ctx = { hooks: { trace() {} }, config: { role: "client" } } as unknown as HandshakeContext;

const STATES: [HandshakeState, number[]][] = [
  [new ExpectServerHello(new Set()), [HandshakeType.server_hello]],
  [new ExpectCertificate(), [HandshakeType.certificate]],
  [new ExpectServerHelloDone(), [HandshakeType.certificate_request, HandshakeType.server_hello_done]],
  [new ExpectServerHelloDone(true), [HandshakeType.server_hello_done]],
  [new ExpectClientHello(), [HandshakeType.client_hello]],
  [new ExpectClientKeyExchange(false), [HandshakeType.client_key_exchange]],
  [new ExpectClientCertificate(), [HandshakeType.certificate]],
  [new ExpectCertificateVerify(), [HandshakeType.certificate_verify]],
  [new ExpectChangeCipherSpec(), []],
  [new ExpectFinished(), [HandshakeType.finished]],
];

const cases = STATES.flatMap(([state, accepted]) =>
  ALL_TYPES.filter((t) => !accepted.includes(t)).map((type) => ({ name: state.name, state, type })),
);

describe("states refuse unlisted messages", () => {
  it.each(cases)("$name refuses type $type", async ({ state, type }) => {
    let alert: string | undefined;
    try {
      await state.onHandshake(ctx, { type, body: new Uint8Array(0), raw: Uint8Array.of(type, 0, 0, 0) });
    } catch (e) {
      alert = e instanceof TlsAlertError ? e.alert : String(e);
    }
    expect(alert).toBe("unexpected_message");
  });

  it.each(STATES.filter(([s]) => s.name !== "ExpectChangeCipherSpec"))("%o refuses ChangeCipherSpec", (state) => {
    expect(() => state.onChangeCipherSpec(ctx)).toThrow(/unexpected_message/);
  });

  it("Connected refuses everything but a renegotiation request", () => {
    const connected = new Connected();
    for (const type of ALL_TYPES.filter((t) => t !== HandshakeType.hello_request)) {
      expect(() => connected.onHandshake(ctx, { type, body: new Uint8Array(0), raw: new Uint8Array(4) })).toThrow(
        /unexpected_message/,
      );
    }
    expect(() => connected.onChangeCipherSpec()).toThrow(/unexpected_message/);
  });
});
