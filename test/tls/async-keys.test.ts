// Asynchronous private-key operations (issue 6): a `key` given as a ProviderRsaPrivateKey whose
// operations return Promises — a simulated remote ("keyless") signer with delays — serves the server's
// premaster decryption and either side's CertificateVerify; a failing signer ends the handshake with
// internal_error and a clean close.
import { describe, expect, it } from "vitest";
import { wasmProvider } from "../../bindings/provider.js";
import { init } from "../../bindings/wasm.js";
import type { ProviderRsaPrivateKey } from "../../tls/index.js";
import { decodeRsaPrivateKeyPem } from "../../tls/x509/keys.js";
import { testPki } from "../support/certs.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, sentAlerts, serverOptions } from "./fixtures.js";

const pki = testPki();
type Operation = "decryptTlsPremaster" | "signPkcs1v15" | "signPss";

/** Wraps a local key as a remote one: every private operation resolves after a timer, or fails. */
function remoteKey(pem: string, calls: Operation[], failing?: Operation): ProviderRsaPrivateKey {
  const local = provider.importRsaPrivateKey(decodeRsaPrivateKeyPem(pem));
  const later = <T>(op: Operation, run: () => T | Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      calls.push(op);
      setTimeout(() => {
        if (op === failing) reject(new Error(`remote signer unavailable (${op})`));
        else Promise.resolve(run()).then(resolve, reject);
      }, 5);
    });
  return {
    bits: local.bits,
    publicKey: local.publicKey,
    decryptTlsPremaster: (c, v) => later("decryptTlsPremaster", () => local.decryptTlsPremaster(c, v)),
    signPkcs1v15: (h, d) => later("signPkcs1v15", () => local.signPkcs1v15(h, d)),
    signPss: (h, d) => later("signPss", () => local.signPss(h, d)),
  };
}

const VERSIONS = ["TLSv1", "TLSv1.2"] as const;

describe("asynchronous private keys", () => {
  it.each(VERSIONS)("%s: server premaster decryption and client CertificateVerify run remotely", async (v) => {
    const serverCalls: Operation[] = [];
    const clientCalls: Operation[] = [];
    const pair = await handshakePair(
      clientOptions({ minVersion: v, maxVersion: v, cert: pki.clientCert, key: remoteKey(pki.clientKey, clientCalls) }),
      serverOptions({
        minVersion: v,
        maxVersion: v,
        key: remoteKey(pki.serverKey, serverCalls),
        requestCert: true,
        ca: pki.caCert,
      }),
    );
    expect(serverCalls).toEqual(["decryptTlsPremaster"]);
    expect(clientCalls).toEqual(["signPkcs1v15"]);
    expect(pair.serverLog.handshake?.authorized).toBe(true);
    await pair.client.write(new TextEncoder().encode("after async keys"));
    await pair.settle();
    expect(new TextDecoder().decode(pair.received("server"))).toBe("after async keys");
  });

  it("export suite: the server's ServerKeyExchange signature comes from the remote key", async () => {
    await init();
    const calls: Operation[] = [];
    // DES needs the WASM provider (node:crypto on Node 20 lacks it).
    const opts = {
      minVersion: "TLSv1",
      maxVersion: "TLSv1",
      legacy: true,
      ciphers: "EXP-DES-CBC-SHA",
      provider: wasmProvider,
    } as const;
    const pair = await handshakePair(
      clientOptions(opts),
      serverOptions({ ...opts, key: remoteKey(pki.serverKey, calls) }),
    );
    // The premaster is encrypted to the temporary key, so the remote key only signs.
    expect(calls).toEqual(["signPkcs1v15"]);
    expect(pair.clientLog.handshake?.cipherSuite.name).toBe("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA");
  });

  it.each([
    ["server", "decryptTlsPremaster"],
    ["client", "signPkcs1v15"],
  ] as const)("the %s's signer fails (%s) → internal_error, closed cleanly", async (side, op) => {
    const calls: Operation[] = [];
    const failingKey = remoteKey(side === "server" ? pki.serverKey : pki.clientKey, calls, op);
    const pair = await handshakePair(
      clientOptions(side === "client" ? { cert: pki.clientCert, key: failingKey } : {}),
      serverOptions({ requestCert: side === "client", ca: pki.caCert, ...(side === "server" && { key: failingKey }) }),
    );
    const failing = side === "server" ? pair.serverLog : pair.clientLog;
    const other = side === "server" ? pair.clientLog : pair.serverLog;
    expect(calls).toEqual([op]);
    expect(sentAlerts(failing)).toEqual(["internal_error"]);
    expect(failing.close?.reason).toBe("alert_sent");
    expect(failing.close?.error?.code).toBe("ERR_TLS_INTERNAL");
    expect(String((failing.close?.error?.cause as Error | undefined)?.message)).toMatch(/remote signer unavailable/);
    expect(other.close?.reason).toBe("alert_received");
    expect(other.handshake).toBeUndefined();
  });
});
