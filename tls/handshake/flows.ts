// Handshake flow tables (s2n-style): the message sequences the state machines implement, as data.
// They document the protocol, drive the flow tests, and generate the diagram in docs/ENGINE.md.

/** One message of a flow. */
export interface FlowStep {
  /** Who sends it. */
  from: "client" | "server";
  /** RFC message name, or `ChangeCipherSpec`. */
  message: string;
  /** The receiver's state that accepts it. */
  acceptedIn: string;
  /** Present only in some handshakes of this flow. */
  optional?: string;
}

/** A named sequence. */
export interface Flow {
  name: string;
  /** RFC section that defines it. */
  reference: string;
  steps: FlowStep[];
}

/** Full handshake with RSA key exchange, TLS 1.0–1.2 (RFC 5246 §7.3, Figure 1). */
export const FULL_HANDSHAKE: Flow = {
  name: "Full handshake, RSA key exchange",
  reference: "RFC 5246 §7.3",
  steps: [
    { from: "client", message: "ClientHello", acceptedIn: "ExpectClientHello" },
    { from: "server", message: "ServerHello", acceptedIn: "ExpectServerHello" },
    { from: "server", message: "Certificate", acceptedIn: "ExpectCertificate" },
    {
      from: "server",
      message: "CertificateRequest",
      acceptedIn: "ExpectServerHelloDone",
      optional: "server option requestCert",
    },
    { from: "server", message: "ServerHelloDone", acceptedIn: "ExpectServerHelloDone" },
    {
      from: "client",
      message: "Certificate",
      acceptedIn: "ExpectClientCertificate",
      optional: "after CertificateRequest (empty when the client has no certificate)",
    },
    { from: "client", message: "ClientKeyExchange", acceptedIn: "ExpectClientKeyExchange" },
    {
      from: "client",
      message: "CertificateVerify",
      acceptedIn: "ExpectCertificateVerify",
      optional: "the client sent a certificate",
    },
    { from: "client", message: "ChangeCipherSpec", acceptedIn: "ExpectChangeCipherSpec" },
    { from: "client", message: "Finished", acceptedIn: "ExpectFinished" },
    { from: "server", message: "ChangeCipherSpec", acceptedIn: "ExpectChangeCipherSpec" },
    { from: "server", message: "Finished", acceptedIn: "ExpectFinished" },
  ],
};

/**
 * Full handshake with an export suite (RSA_EXPORT, RFC 2246 §7.4.3): the server's signed temporary
 * 512-bit key in ServerKeyExchange, unless its certificate key is already that small.
 */
export const EXPORT_HANDSHAKE: Flow = {
  name: "Full handshake, RSA_EXPORT key exchange",
  reference: "RFC 2246 §7.4.3, RFC 6101 §5.6.3",
  steps: FULL_HANDSHAKE.steps.flatMap((step) =>
    step.message === "Certificate" && step.from === "server"
      ? [
          step,
          {
            from: "server" as const,
            message: "ServerKeyExchange",
            acceptedIn: "ExpectServerHelloDone",
            optional: "export suite with a certificate key above 512 bits",
          },
        ]
      : [step],
  ),
};

/** Every flow the engine implements (issue 6 adds resumption and renegotiation flows). */
export const FLOWS: readonly Flow[] = [FULL_HANDSHAKE, EXPORT_HANDSHAKE];

/** Renders a flow as a Mermaid sequence diagram (docs/ENGINE.md). */
export function flowToMermaid(flow: Flow): string {
  const lines = ["sequenceDiagram", "  participant C as Client", "  participant S as Server"];
  for (const step of flow.steps) {
    const arrow = step.from === "client" ? "C->>S" : "S->>C";
    const label = step.optional ? `[${step.message}]` : step.message;
    lines.push(`  ${arrow}: ${label} (${step.acceptedIn})`);
  }
  return lines.join("\n");
}
