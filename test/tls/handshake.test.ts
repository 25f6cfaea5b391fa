// In-process wassl client ↔ wassl server: every suite × version the node:crypto provider supports,
// data round trips byte for byte.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/wasm.js";
import { CIPHER_SUITES, type CryptoProvider, type TlsVersionName } from "../../tls/index.js";
import { sameBytes } from "../support/bytes.js";
import { testPki } from "../support/certs.js";
import { handshakePair } from "../support/tls-pair.js";
import { PROVIDERS, serverKeyFor } from "./fixtures.js";

const pki = testPki();
const VERSIONS: TlsVersionName[] = ["TLSv1", "TLSv1.1", "TLSv1.2"];
const VERSION_CODE = { TLSv1: 0x0301, "TLSv1.1": 0x0302, "TLSv1.2": 0x0303 } as Record<string, number>;

const cases = PROVIDERS.flatMap(({ name, provider, ciphers }) =>
  CIPHER_SUITES.flatMap((suite) =>
    VERSIONS.filter((v) => VERSION_CODE[v] >= suite.minVersion && VERSION_CODE[v] <= suite.maxVersion)
      .filter(() => ciphers.includes(suite.cipher))
      .map((version) => ({ providerName: name, provider, suite: suite.name, version })),
  ),
);

beforeAll(() => init());

function options(provider: CryptoProvider, version: TlsVersionName, suite: string) {
  return {
    client: {
      provider,
      ca: pki.caCert,
      servername: "localhost",
      minVersion: version,
      maxVersion: version,
      ciphers: suite,
      legacy: true,
    },
    server: {
      provider,
      cert: pki.serverCert,
      key: serverKeyFor(provider),
      minVersion: version,
      maxVersion: version,
      ciphers: suite,
      legacy: true,
    },
  };
}

describe("wassl ↔ wassl handshake", () => {
  it.each(cases)("$providerName: $suite over $version", async ({ provider, suite, version }) => {
    const o = options(provider, version, suite);
    const pair = await handshakePair(o.client, o.server);
    expect(pair.clientLog.close).toBeUndefined();
    expect(pair.serverLog.close).toBeUndefined();
    expect(pair.clientLog.handshake?.version).toBe(version);
    expect(pair.clientLog.handshake?.cipherSuite.name).toBe(suite);
    expect(pair.serverLog.handshake?.cipherSuite.name).toBe(suite);
    expect(pair.clientLog.handshake?.authorized).toBe(true);
    expect(pair.clientLog.handshake?.extendedMasterSecret).toBe(true);
    expect(pair.clientLog.handshake?.secureRenegotiation).toBe(true);
    for (const size of [0, 1, 16384, 16385, 100_000]) {
      const payload = randomBytes(size);
      const before = pair.received("server").length;
      await pair.client.write(payload);
      await pair.settle();
      expect(sameBytes(pair.received("server").subarray(before), payload)).toBe(true);
    }
    const back = randomBytes(20_000);
    await pair.server.write(back);
    await pair.settle();
    expect(sameBytes(pair.received("client"), back)).toBe(true);
    await pair.client.close();
    await pair.settle();
    expect(pair.clientLog.close?.reason).toBe("close_notify");
    expect(pair.serverLog.close?.reason).toBe("close_notify");
  });

  it.each(PROVIDERS)("$name: transfers 1 MiB byte for byte with AES-128-GCM, both directions", async ({ provider }) => {
    const o = options(provider, "TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256");
    const pair = await handshakePair(o.client, o.server);
    const mib = randomBytes(1 << 20);
    await pair.client.write(mib);
    await pair.server.write(mib);
    await pair.settle();
    expect(sameBytes(pair.received("server"), mib)).toBe(true);
    expect(sameBytes(pair.received("client"), mib)).toBe(true);
  });

  it("wasm client ↔ node:crypto server and back (providers interoperate)", async () => {
    const [node, wasm] = PROVIDERS.map((p) => p.provider);
    for (const [c, s] of [
      [wasm, node],
      [node, wasm],
    ]) {
      for (const suite of ["AES128-GCM-SHA256", "AES256-SHA256", "DES-CBC3-SHA"]) {
        const o = options(c, "TLSv1.2", suite);
        const pair = await handshakePair(o.client, { ...o.server, provider: s, key: serverKeyFor(s) });
        const payload = randomBytes(40_000);
        await pair.client.write(payload);
        await pair.settle();
        expect(sameBytes(pair.received("server"), payload)).toBe(true);
      }
    }
  });
});
