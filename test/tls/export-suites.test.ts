// Export suites (RSA_EXPORT, 40-bit): self-interop on SSL 3.0 and TLS 1.0 with a temporary 512-bit RSA
// key in a signed ServerKeyExchange; export key derivation checked against an independent node:crypto
// implementation; never negotiated without legacy or above TLS 1.0; FREAK refused.
import { createHash, createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { init } from "../../bindings/wasm.js";
import { EXPORT_HANDSHAKE } from "../../tls/handshake/flows.js";
import { deriveExportKeyBlock } from "../../tls/keys/export-keys.js";
import { prfFor } from "../../tls/keys/prf.js";
import { resolveCipherSuites, suiteByName } from "../../tls/suites.js";
import { SSL3, TLS10 } from "../../tls/versions.js";
import { encodeHandshakeFlight, parseHandshakeFlight, type WireHandshake } from "../support/records.js";
import { createPair, handshakePair } from "../support/tls-pair.js";
import { clientOptions, PROVIDERS, sentAlerts, serverKeyFor, serverOptions } from "./fixtures.js";

beforeAll(() => init());

const EXPORT = [
  "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
  "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5",
  "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA",
];
const wasm = PROVIDERS.find((p) => p.name === "wasm")!.provider;
const CASES = (["SSLv3", "TLSv1"] as const).flatMap((version) => EXPORT.map((suite) => ({ version, suite })));

describe("export suites", () => {
  it.each(CASES)("$version $suite: temporary RSA key, data both ways", async ({ version, suite }) => {
    const opts = { minVersion: version, maxVersion: version, legacy: true, ciphers: suite, provider: wasm } as const;
    let serverKeyExchange = false;
    const pair = await handshakePair(
      clientOptions(opts),
      serverOptions({ ...opts, key: serverKeyFor(wasm) }),
      (from, b) => {
        if (from === "server" && b[0] === 22) {
          try {
            serverKeyExchange ||= parseHandshakeFlight(b).some((m) => m.type === 12);
          } catch {
            // encrypted records: not a plaintext flight
          }
        }
        return b;
      },
    );
    expect(pair.clientLog.handshake?.cipherSuite.name).toBe(suite);
    expect(pair.clientLog.handshake?.version).toBe(version);
    expect(serverKeyExchange).toBe(true);
    expect(pair.clientLog.trace).toContain("temporary RSA key verified");
    const data = new Uint8Array(20_000).map((_, i) => (i * 13) & 0xff);
    await pair.client.write(data);
    await pair.server.write(data.subarray(0, 300));
    await pair.settle();
    expect(pair.received("server")).toEqual(data);
    expect(pair.received("client")).toEqual(data.subarray(0, 300));
  });

  it("follows EXPORT_HANDSHAKE: ServerKeyExchange accepted in ExpectServerHelloDone", async () => {
    const opts = {
      minVersion: "TLSv1",
      maxVersion: "TLSv1",
      legacy: true,
      ciphers: EXPORT[0],
      provider: wasm,
    } as const;
    const pair = createPair(clientOptions(opts), serverOptions({ ...opts, key: serverKeyFor(wasm) }));
    const received: { message: string; state?: string }[] = [];
    pair.client.on("trace", (t) => {
      if (t.step.endsWith(" received")) received.push({ message: t.step.replace(/ received$/, ""), state: t.state });
    });
    await pair.client.start();
    await pair.settle();
    const expected = EXPORT_HANDSHAKE.steps
      .filter((s) => s.from === "server" && (!s.optional || s.message === "ServerKeyExchange"))
      .map((s) => ({ message: s.message, state: s.acceptedIn }));
    expect(received).toEqual(expected);
  });

  it("never offered by default, nor without legacy", () => {
    expect(resolveCipherSuites(undefined, true).some((s) => s.exportKeyMaterialLength > 0)).toBe(false);
    expect(() => resolveCipherSuites(EXPORT.join(":"), false)).toThrow(/no usable cipher suite/);
  });

  it("not usable in TLS 1.1 or 1.2 (RFC 4346 A.5)", async () => {
    expect(() => clientOptions({ legacy: true, minVersion: "TLSv1.1", ciphers: EXPORT[0] })).not.toThrow();
    await expect(
      handshakePair(
        clientOptions({ legacy: true, minVersion: "TLSv1.1", ciphers: EXPORT.join(":") }),
        serverOptions({ legacy: true, minVersion: "TLSv1.1", ciphers: EXPORT.join(":") }),
      ),
    ).rejects.toThrow(/no cipher suite fits the version range/);
    // A TLS 1.2 client offering export suites alongside others never gets them at TLS 1.2.
    const pair = await handshakePair(
      clientOptions({ legacy: true, minVersion: "TLSv1", ciphers: `${EXPORT[2]}:AES128-SHA` }),
      serverOptions({ legacy: true, minVersion: "TLSv1", ciphers: `${EXPORT[2]}:AES128-SHA` }),
    );
    expect(pair.clientLog.handshake?.cipherSuite.name).toBe("TLS_RSA_WITH_AES_128_CBC_SHA");
  });

  it("FREAK: a ServerKeyExchange in a non-export suite → unexpected_message", async () => {
    // Splice an export ServerKeyExchange from another handshake into an RSA-suite flight.
    const exportOpts = {
      minVersion: "TLSv1",
      maxVersion: "TLSv1",
      legacy: true,
      ciphers: EXPORT[2],
      provider: wasm,
    } as const;
    let ske: WireHandshake | undefined;
    await handshakePair(
      clientOptions(exportOpts),
      serverOptions({ ...exportOpts, key: serverKeyFor(wasm) }),
      (from, b) => {
        if (from === "server" && !ske) ske = parseHandshakeFlight(b).find((m) => m.type === 12);
        return b;
      },
    );
    const rsaOpts = {
      minVersion: "TLSv1",
      maxVersion: "TLSv1",
      legacy: true,
      ciphers: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
    } as const;
    const pair = await handshakePair(clientOptions(rsaOpts), serverOptions(rsaOpts), (from, b) => {
      if (from !== "server" || !ske) return b;
      const flight = parseHandshakeFlight(b);
      const at = flight.findIndex((m) => m.type === 14);
      if (at < 0) return b;
      flight.splice(at, 0, ske);
      return encodeHandshakeFlight(flight, 0x0301);
    });
    expect(sentAlerts(pair.clientLog)).toEqual(["unexpected_message"]);
  });

  describe("key derivation vs an independent implementation", () => {
    const md5 = (...p: Uint8Array[]) => createHash("md5").update(Buffer.concat(p)).digest();
    const sha1 = (...p: Uint8Array[]) => createHash("sha1").update(Buffer.concat(p)).digest();
    const pHash = (h: "md5" | "sha1", secret: Uint8Array, seed: Buffer, n: number) => {
      const out: Buffer[] = [];
      let a: Buffer = seed;
      while (out.reduce((s, b) => s + b.length, 0) < n) {
        a = createHmac(h, secret).update(a).digest();
        out.push(
          createHmac(h, secret)
            .update(Buffer.concat([a, seed]))
            .digest(),
        );
      }
      return Buffer.concat(out).subarray(0, n);
    };
    /** RFC 2246 §5 PRF. */
    const prf10 = (secret: Uint8Array, label: string, seed: Uint8Array, n: number) => {
      const half = Math.ceil(secret.length / 2);
      const s = Buffer.concat([Buffer.from(label), seed]);
      const a = pHash("md5", secret.subarray(0, half), s, n);
      const b = pHash("sha1", secret.subarray(secret.length - half), s, n);
      return Buffer.from(a.map((x, i) => x ^ b[i]));
    };
    const ssl3Prf = (secret: Uint8Array, seed: Uint8Array, n: number) => {
      const out: Buffer[] = [];
      for (let i = 1; out.length * 16 < n; i++) out.push(md5(secret, sha1(Buffer.alloc(i, 0x40 + i), secret, seed)));
      return Buffer.concat(out).subarray(0, n);
    };
    const master = Uint8Array.from({ length: 48 }, (_, i) => i * 3);
    const cr = Uint8Array.from({ length: 32 }, (_, i) => 100 + i);
    const sr = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);

    it.each(EXPORT.flatMap((name) => [SSL3, TLS10].map((version) => ({ name, version }))))(
      "$name version $version",
      ({ name, version }) => {
        const suite = suiteByName(name)!;
        const keys = deriveExportKeyBlock(wasm, prfFor(wasm, version, suite), master, cr, sr, suite, version);
        const m = suite.macLength;
        const block =
          version === SSL3
            ? ssl3Prf(master, Buffer.concat([sr, cr]), 2 * m + 10)
            : prf10(master, "key expansion", Buffer.concat([sr, cr]), 2 * m + 10);
        const [cm, sm] = [block.subarray(0, m), block.subarray(m, 2 * m)];
        const [ck, sk] = [block.subarray(2 * m, 2 * m + 5), block.subarray(2 * m + 5, 2 * m + 10)];
        const iv = suite.kind === "cbc" ? 8 : 0;
        const crsr = Buffer.concat([cr, sr]);
        const srcr = Buffer.concat([sr, cr]);
        const expected =
          version === SSL3
            ? {
                ck: md5(ck, crsr).subarray(0, suite.keyLength),
                sk: md5(sk, srcr).subarray(0, suite.keyLength),
                civ: md5(crsr).subarray(0, iv),
                siv: md5(srcr).subarray(0, iv),
              }
            : {
                ck: prf10(ck, "client write key", crsr, suite.keyLength),
                sk: prf10(sk, "server write key", crsr, suite.keyLength),
                civ: prf10(new Uint8Array(0), "IV block", crsr, 2 * iv).subarray(0, iv),
                siv: prf10(new Uint8Array(0), "IV block", crsr, 2 * iv).subarray(iv),
              };
        expect(Buffer.from(keys.client.macKey)).toEqual(cm);
        expect(Buffer.from(keys.server.macKey)).toEqual(sm);
        expect(Buffer.from(keys.client.key)).toEqual(expected.ck);
        expect(Buffer.from(keys.server.key)).toEqual(expected.sk);
        expect(Buffer.from(keys.client.iv)).toEqual(expected.civ);
        expect(Buffer.from(keys.server.iv)).toEqual(expected.siv);
      },
    );
  });
});
