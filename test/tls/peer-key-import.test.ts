// Sharing one imported peer key between connections, only for cache-owned key components.
import { describe, expect, it } from "vitest";
import { DEMO_SERVER_CERT_PEM } from "../../cli/demo-credentials.js";
import { allowSharedImport, importPeerKey } from "../../tls/handshake/peer-key-import.js";
import type { RsaPublicComponents } from "../../tls/provider.js";
import { Certificate } from "../../tls/x509/certificate.js";
import { countingProvider } from "../support/counting-provider.js";

function demoKey(): RsaPublicComponents {
  const key = Certificate.fromPem(DEMO_SERVER_CERT_PEM).publicKey!;
  return { n: key.n.slice(), e: key.e.slice() };
}

describe("importPeerKey", () => {
  it("imports unmarked components on every call, returning keys the caller disposes", () => {
    const { provider, imports } = countingProvider();
    const components = demoKey();
    const a = importPeerKey(provider, components);
    const b = importPeerKey(provider, components);
    expect(imports()).toBe(2);
    expect(a).not.toBe(b);
  });

  it("shares one import of marked components, without dispose", () => {
    const { provider, imports } = countingProvider();
    const components = demoKey();
    allowSharedImport(components);
    const a = importPeerKey(provider, components);
    const b = importPeerKey(provider, components);
    expect(imports()).toBe(1);
    expect(b).toBe(a);
    expect(a.dispose).toBeUndefined();
    expect(a.bits).toBe(2048);
    expect(a.encryptPkcs1v15(new Uint8Array(48)).length).toBe(256);
    // Another provider gets its own import.
    const other = countingProvider();
    expect(importPeerKey(other.provider, components)).not.toBe(a);
    expect(other.imports()).toBe(1);
  });

  it("imports again when the marked object's bytes changed", () => {
    const { provider, imports } = countingProvider();
    const components = demoKey();
    allowSharedImport(components);
    const a = importPeerKey(provider, components);
    components.n[components.n.length - 3]! ^= 0x02;
    const b = importPeerKey(provider, components);
    expect(imports()).toBe(2);
    expect(b).not.toBe(a);
  });
});
