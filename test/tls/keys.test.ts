// Master secret, key block and Finished checked against an independent RFC 5246 / RFC 2246 PRF written
// here over node:crypto HMAC: the client's encrypted Finished record is decrypted with keys derived
// outside the engine. The server's private key is asynchronous here (issue 6 contract).
import * as crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { concatBytes } from "../../bindings/bytes.js";
import type { CryptoProvider, ProviderRsaPrivateKey } from "../../tls/index.js";
import { parseHandshakeFlight, parseRecords } from "../support/records.js";
import { handshakePair } from "../support/tls-pair.js";
import { clientOptions, provider, serverOptions } from "./fixtures.js";

function pHash(hash: string, secret: Uint8Array, seed: Uint8Array, length: number): Buffer {
  const out: Buffer[] = [];
  let a: Buffer = Buffer.from(seed);
  let total = 0;
  while (total < length) {
    a = crypto.createHmac(hash, secret).update(a).digest();
    const block = crypto.createHmac(hash, secret).update(a).update(seed).digest();
    out.push(block);
    total += block.length;
  }
  return Buffer.concat(out).subarray(0, length);
}

function prf12(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Buffer {
  return pHash("sha256", secret, concatBytes(Buffer.from(label), seed), length);
}

function prf10(secret: Uint8Array, label: string, seed: Uint8Array, length: number): Buffer {
  const half = Math.ceil(secret.length / 2);
  const s = concatBytes(Buffer.from(label), seed);
  const md5 = pHash("md5", secret.subarray(0, half), s, length);
  const sha = pHash("sha1", secret.subarray(secret.length - half), s, length);
  return Buffer.from(md5.map((b, i) => b ^ sha[i]));
}

/** A provider whose private keys decrypt asynchronously and report the premaster they produced. */
function capturingProvider(onPremaster: (pm: Uint8Array) => void): CryptoProvider {
  return {
    ...provider,
    importRsaPrivateKey(components) {
      const real = provider.importRsaPrivateKey(components);
      const key: ProviderRsaPrivateKey = {
        bits: real.bits,
        publicKey: real.publicKey,
        async decryptTlsPremaster(ciphertext, clientVersion) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const pm = await real.decryptTlsPremaster(ciphertext, clientVersion);
          onPremaster(pm.slice());
          return pm;
        },
        signPkcs1v15: (h, d) => real.signPkcs1v15(h, d),
        signPss: (h, d) => real.signPss(h, d),
      };
      return key;
    },
  };
}

async function capture(version: "TLSv1" | "TLSv1.2", ciphers: string, ems: boolean, encryptThenMac = false) {
  let premaster: Uint8Array = new Uint8Array(0);
  const wire: { from: string; bytes: Uint8Array }[] = [];
  const pair = await handshakePair(
    clientOptions({ minVersion: version, maxVersion: version, ciphers, extendedMasterSecret: ems, encryptThenMac }),
    serverOptions({ minVersion: version, provider: capturingProvider((pm) => (premaster = pm)) }),
    (from, bytes) => {
      wire.push({ from, bytes });
      return bytes;
    },
  );
  expect(pair.clientLog.handshake).toBeDefined();
  const [clientHelloFlight, serverFlight, clientFlight] = wire.map((w) => w.bytes);
  const records = parseRecords(clientFlight);
  const hello = parseHandshakeFlight(clientHelloFlight)[0];
  const serverMessages = parseHandshakeFlight(serverFlight);
  const ckeRecord = records[0].fragment;
  const frame = (m: { type: number; body: Uint8Array }) =>
    concatBytes(Uint8Array.of(m.type, 0, m.body.length >> 8, m.body.length & 0xff), m.body);
  const transcript = concatBytes(frame(hello), ...serverMessages.map(frame), ckeRecord);
  return {
    premaster,
    clientRandom: hello.body.subarray(2, 34),
    serverRandom: serverMessages[0].body.subarray(2, 34),
    transcript,
    finishedRecord: records[2],
    ccs: records[1],
  };
}

describe("key schedule against an independent PRF", () => {
  it("TLS 1.2, AES-128-GCM, extended master secret", async () => {
    const c = await capture("TLSv1.2", "AES128-GCM-SHA256", true);
    expect(c.ccs.type).toBe(20);
    expect(c.premaster.subarray(0, 2)).toEqual(Uint8Array.of(3, 3));
    const sessionHash = crypto.createHash("sha256").update(c.transcript).digest();
    const master = prf12(c.premaster, "extended master secret", sessionHash, 48);
    const block = prf12(master, "key expansion", concatBytes(c.serverRandom, c.clientRandom), 40);
    const [key, iv] = [block.subarray(0, 16), block.subarray(32, 36)];
    const f = c.finishedRecord.fragment;
    const d = crypto.createDecipheriv("aes-128-gcm", key, concatBytes(iv, f.subarray(0, 8)));
    d.setAAD(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 22, 3, 3, 0, 16));
    d.setAuthTag(f.subarray(f.length - 16));
    const plain = Buffer.concat([d.update(f.subarray(8, f.length - 16)), d.final()]);
    const verify = prf12(master, "client finished", sessionHash, 12);
    expect(plain).toEqual(Buffer.concat([Buffer.from([20, 0, 0, 12]), verify]));
  });

  it("TLS 1.0, AES-128-CBC-SHA, classic master secret", async () => {
    const c = await capture("TLSv1", "AES128-SHA", false);
    const master = prf10(c.premaster, "master secret", concatBytes(c.clientRandom, c.serverRandom), 48);
    const block = prf10(master, "key expansion", concatBytes(c.serverRandom, c.clientRandom), 2 * (20 + 16 + 16));
    const macKey = block.subarray(0, 20);
    const key = block.subarray(40, 56);
    const iv = block.subarray(72, 88);
    const d = crypto.createDecipheriv("aes-128-cbc", key, iv).setAutoPadding(false);
    const plain = Buffer.concat([d.update(c.finishedRecord.fragment), d.final()]);
    const hs = concatBytes(
      crypto.createHash("md5").update(c.transcript).digest(),
      crypto.createHash("sha1").update(c.transcript).digest(),
    );
    const message = Buffer.concat([Buffer.from([20, 0, 0, 12]), prf10(master, "client finished", hs, 12)]);
    expect(plain.subarray(0, 16)).toEqual(message);
    const mac = crypto
      .createHmac("sha1", macKey)
      .update(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 22, 3, 1, 0, 16))
      .update(message)
      .digest();
    expect(plain.subarray(16, 36)).toEqual(mac);
    expect(plain.subarray(36)).toEqual(Buffer.alloc(12, 11));
  });

  it("TLS 1.0, AES-128-CBC-SHA, encrypt-then-MAC (RFC 7366): MAC over the ciphertext", async () => {
    const c = await capture("TLSv1", "AES128-SHA", false, true);
    const master = prf10(c.premaster, "master secret", concatBytes(c.clientRandom, c.serverRandom), 48);
    const block = prf10(master, "key expansion", concatBytes(c.serverRandom, c.clientRandom), 2 * (20 + 16 + 16));
    const [macKey, key, iv] = [block.subarray(0, 20), block.subarray(40, 56), block.subarray(72, 88)];
    const f = c.finishedRecord.fragment;
    const ciphertext = f.subarray(0, f.length - 20);
    const mac = crypto
      .createHmac("sha1", macKey)
      .update(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 22, 3, 1, 0, ciphertext.length))
      .update(ciphertext)
      .digest();
    expect(Buffer.from(f.subarray(f.length - 20))).toEqual(mac);
    const d = crypto.createDecipheriv("aes-128-cbc", key, iv).setAutoPadding(false);
    const plain = Buffer.concat([d.update(ciphertext), d.final()]);
    const hs = concatBytes(
      crypto.createHash("md5").update(c.transcript).digest(),
      crypto.createHash("sha1").update(c.transcript).digest(),
    );
    expect(plain.subarray(0, 16)).toEqual(
      Buffer.concat([Buffer.from([20, 0, 0, 12]), prf10(master, "client finished", hs, 12)]),
    );
    expect(plain.subarray(16)).toEqual(Buffer.alloc(16, 15));
  });
});
