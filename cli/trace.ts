// `--trace`: prints each handshake step with its timing to stderr.
import type { Writable } from "node:stream";
import type { WasslSocket } from "../tls/adapters/node.js";
import type { TraceStep } from "../tls/events.js";

/** Formats milliseconds with one decimal, right-aligned. */
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/**
 * Prints every `trace` step of `socket` as `[label] +elapsed (Δ step) step: detail`, where elapsed
 * counts from the call (connection start) and Δ from the previous step; then a summary line once the
 * handshake is complete.
 */
export function traceSocket(socket: WasslSocket, stderr: Writable, label: string): void {
  const start = performance.now();
  let previous = start;
  const line = (text: string) => {
    const now = performance.now();
    stderr.write(`[${label}] +${ms(now - start)} (Δ${ms(now - previous)})  ${text}\n`);
    previous = now;
  };
  line("connection started");
  socket.on("trace", (step: TraceStep) => line(step.detail ? `${step.step}: ${step.detail}` : step.step));
  socket.once("secure", () => line(`session: ${describeSession(socket)}`));
  socket.on("renegotiated", () => line(`renegotiated: ${describeSession(socket)}`));
  socket.on("alert", (alert: { name: string; level: string; direction: string }) =>
    line(`alert ${alert.direction}: ${alert.level} ${alert.name}`),
  );
}

/** One line describing the negotiated session: version, suite, EMS, peer and verification. */
export function describeSession(socket: WasslSocket): string {
  const session = socket.session;
  if (!session) return "no session";
  const peer = socket.getPeerCertificate() as { subject?: Record<string, unknown> };
  const subject = peer.subject
    ? Object.entries(peer.subject)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(", ")
    : "none";
  const verified = socket.authorized ? "verified" : `NOT verified (${socket.authorizationError ?? "unknown"})`;
  return [
    session.version,
    session.cipherSuite.name,
    session.resumed ? "session resumed" : "new session",
    `extended master secret ${session.extendedMasterSecret ? "yes" : "no"}`,
    socket.alpnProtocol ? `ALPN ${socket.alpnProtocol}` : "",
    `peer certificate ${subject}`,
    peer.subject ? verified : "",
  ]
    .filter(Boolean)
    .join(", ");
}
