// `wassl server --www`: an HTTP 200 status page describing the connection (like `openssl s_server -www`).
import type { WasslSocket } from "../tls/adapters/node.js";
import type { PeerCertificate } from "../tls/adapters/node-peer-certificate.js";

/** Largest request head read before answering 400. */
const MAX_REQUEST_HEAD = 16 * 1024;

/** The plain-text page describing `socket`'s session. */
export function statusPage(socket: WasslSocket): string {
  const session = socket.session;
  const suite = session?.cipherSuite;
  const peer = socket.getPeerCertificate() as Partial<PeerCertificate>;
  const name = (n: Record<string, unknown> | undefined) =>
    n
      ? Object.entries(n)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(", ")
      : "none";
  const lines = [
    "wassl server",
    "",
    `Protocol version:        ${session?.version ?? "?"}`,
    `Cipher suite:            ${suite?.name ?? "?"} (${suite?.openssl ?? "?"})`,
    `Extended master secret:  ${session?.extendedMasterSecret ? "yes" : "no"}`,
    `Secure renegotiation:    ${session?.secureRenegotiation ? "yes" : "no"}`,
    `Server name (SNI):       ${session?.servername ?? "none"}`,
    `Session ID:              ${session ? Buffer.from(session.sessionId).toString("hex") || "none" : "?"}`,
    `Client certificate:      ${peer.subject ? name(peer.subject) : "none"}`,
  ];
  if (peer.subject) {
    lines.push(`  issuer:                ${name(peer.issuer)}`);
    lines.push(`  valid:                 ${peer.valid_from} to ${peer.valid_to}`);
    lines.push(`  verified:              ${socket.authorized ? "yes" : `no (${socket.authorizationError})`}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Reads one request head; answers GET with the status page (anything else with 400), then closes. */
export function serveStatusPage(socket: WasslSocket): void {
  let head = "";
  const onData = (chunk: Buffer) => {
    head += chunk.toString("latin1");
    const complete = /\r?\n\r?\n/.test(head);
    if (!complete && head.length < MAX_REQUEST_HEAD) return;
    socket.off("data", onData);
    const isGet = /^GET \S+/.test(head);
    const body = isGet ? statusPage(socket) : "only GET is served here\n";
    const status = isGet ? "200 ok" : "400 Bad Request";
    socket.end(
      `HTTP/1.0 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
  socket.on("data", onData);
}
