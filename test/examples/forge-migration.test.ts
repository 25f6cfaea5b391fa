// Runs examples/forge-migration.ts (the runnable half of docs/migrating-from-forge.md) so it cannot rot.
import { describe, expect, it } from "vitest";
import {
  type ExamplePki,
  examplePki,
  forgeClientToWasslServer,
  wasslClientAndServer,
} from "../../examples/forge-migration.js";

describe("examples/forge-migration.ts", () => {
  let pki: ExamplePki;

  it("issues its own throwaway CA and server certificate", () => {
    pki = examplePki();
    expect(pki.caCert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pki.serverKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it("runs forge's README client/server flow on wassl", async () => {
    const log = await wasslClientAndServer(pki);
    expect(log[0]).toBe("client verify chain=1 ok=true");
    expect(log).toContain("client handshake TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256 authorized=true");
    expect(log).toContain("server data Hi server!");
    expect(log).toContain("client data Hi client!");
    expect(log.slice(-2)).toEqual(["client closed close_notify", "server closed close_notify"]);
    expect(log.filter((line) => line.includes("alert") && !line.includes("close_notify"))).toEqual([]);
  });

  it("lets an unchanged forge client talk to a wassl server (TLS 1.1, AES-128-CBC-SHA)", async () => {
    expect(await forgeClientToWasslServer(pki)).toEqual([
      "server handshake TLSv1.1 TLS_RSA_WITH_AES_128_CBC_SHA",
      "forge connected",
      "forge data Hi forge!",
      "server data Hi wassl!",
      "server closed close_notify",
    ]);
  });
});
