// SSL 3.0 constructions checked against an independent implementation written here with node:crypto
// MD5/SHA-1 straight from RFC 6101: key derivation (§6.1–6.2.2), record MAC (§5.2.3.1), Finished
// (§5.6.9), and a real handshake's encrypted Finished and first data record decrypted by hand.
import { createDecipheriv, createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { wasmProvider } from "../../bindings/provider.js";
import { init } from "../../bindings/wasm.js";
import { ssl3VerifyData } from "../../tls/keys/ssl3.js";
import { recordHeaderForMac } from "../../tls/record/protection.js";
import { SequenceNumber } from "../../tls/record/sequence-number.js";
import { Ssl3Mac } from "../../tls/record/ssl3-mac.js";
import { parseRecords } from "../support/records.js";
import { createPair } from "../support/tls-pair.js";
import { clientOptions, serverOptions } from "./fixtures.js";

beforeAll(() => init());

const cat = (...parts: Uint8Array[]) => Buffer.concat(parts);
const digest = (hash: "md5" | "sha1", ...parts: Uint8Array[]) =>
  createHash(hash)
    .update(cat(...parts))
    .digest();
const pad = (hash: "md5" | "sha1", byte: number) => Buffer.alloc(hash === "md5" ? 48 : 40, byte);
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 17 + 5) & 0xff);

/** RFC 6101 §6.2.2: MD5(secret ‖ SHA('A' ‖ secret ‖ seed)) ‖ MD5(secret ‖ SHA('BB' ‖ …)) ‖ … */
function refPrf(secret: Uint8Array, seed: Uint8Array, length: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 1; out.length * 16 < length; i++) {
    out.push(digest("md5", secret, digest("sha1", Buffer.alloc(i, 0x40 + i), secret, seed)));
  }
  return cat(...out).subarray(0, length);
}

/** RFC 6101 §5.2.3.1: hash(secret ‖ pad2 ‖ hash(secret ‖ pad1 ‖ seq ‖ type ‖ length ‖ content)). */
function refMac(hash: "md5" | "sha1", secret: Uint8Array, seq: bigint, type: number, content: Uint8Array): Buffer {
  const header = Buffer.alloc(11);
  header.writeBigUInt64BE(seq, 0);
  header[8] = type;
  header.writeUInt16BE(content.length, 9);
  return digest(hash, secret, pad(hash, 0x5c), digest(hash, secret, pad(hash, 0x36), header, content));
}

/** RFC 6101 §5.6.9: MD5 and SHA-1 of (master ‖ pad2 ‖ hash(messages ‖ sender ‖ master ‖ pad1)). */
function refFinished(master: Uint8Array, sender: "client" | "server", messages: Uint8Array): Buffer {
  const s = Buffer.from(sender === "client" ? "CLNT" : "SRVR");
  const part = (h: "md5" | "sha1") => digest(h, master, pad(h, 0x5c), digest(h, messages, s, master, pad(h, 0x36)));
  return cat(part("md5"), part("sha1"));
}

describe("SSL 3.0 vectors", () => {
  it.each([
    ["node:crypto", nodeCryptoProvider],
    ["wasm", wasmProvider],
  ] as const)("%s prfSsl3 matches RFC 6101 §6.2.2 (master secret and key block lengths)", (_, provider) => {
    for (const [length, seed] of [
      [48, 1],
      [104, 2],
      [136, 3],
      [7, 4],
    ]) {
      const secret = bytes(48, seed);
      const randoms = bytes(64, seed + 10);
      expect(Buffer.from(provider.prfSsl3(secret, randoms, length))).toEqual(refPrf(secret, randoms, length));
    }
  });

  it.each([["md5"], ["sha1"]] as const)("record MAC with %s over TLS's MAC header", (hash) => {
    const secret = bytes(hash === "md5" ? 16 : 20, 9);
    const mac = new Ssl3Mac(nodeCryptoProvider, hash, new Uint8Array(secret));
    const seq = new SequenceNumber();
    for (const length of [0, 1, 55, 300, 16384]) {
      const content = bytes(length, length);
      const tag = mac
        .update(recordHeaderForMac(seq, 23, 0x0300, length))
        .update(content)
        .digest();
      expect(Buffer.from(tag)).toEqual(
        refMac(hash, secret, BigInt(length === 0 ? 0 : [0, 1, 55, 300, 16384].indexOf(length)), 23, content),
      );
      seq.increment();
    }
  });

  it("Finished verify_data for both senders", () => {
    const master = bytes(48, 3);
    const messages = [bytes(70, 1), bytes(1200, 2), bytes(4, 3), bytes(262, 4)];
    for (const sender of ["client", "server"] as const) {
      expect(Buffer.from(ssl3VerifyData(nodeCryptoProvider, master, sender, messages))).toEqual(
        refFinished(master, sender, cat(...messages)),
      );
    }
  });

  it("a real DES-CBC3-SHA handshake: the client's Finished and first data record decrypt and verify by hand", async () => {
    const ssl3 = { minVersion: "SSLv3", maxVersion: "SSLv3", legacy: true, ciphers: "DES-CBC3-SHA" } as const;
    const handshake: Uint8Array[] = [];
    const clientRecords: { type: number; fragment: Uint8Array }[] = [];
    let clientCcs = false;
    let serverCcs = false;
    const pair = createPair(clientOptions(ssl3), serverOptions(ssl3), (from, b) => {
      for (const r of parseRecords(b)) {
        if (from === "client") {
          if (r.type === 20) clientCcs = true;
          else if (clientCcs) clientRecords.push(r);
        } else if (r.type === 20) serverCcs = true;
        // The plaintext handshake messages before either side's ChangeCipherSpec (the transcript).
        if (r.type === 22 && !(from === "client" ? clientCcs : serverCcs)) handshake.push(r.fragment);
      }
      return b;
    });
    await pair.client.start();
    await pair.settle();
    await pair.client.write(new TextEncoder().encode("hi"));
    await pair.settle();
    expect(pair.clientLog.handshake?.version).toBe("SSLv3");
    // The premaster is random: take the master secret from the client (the only value not on the wire).
    const master = (pair.client as unknown as { context: { masterSecret: Uint8Array } }).context.masterSecret;
    const [clientHello] = handshake;
    const serverRandom = handshake[1].subarray(6, 38);
    const clientRandom = clientHello.subarray(6, 38);
    const block = refPrf(master, cat(serverRandom, clientRandom), 2 * (20 + 24 + 8));
    const macKey = block.subarray(0, 20);
    const key = block.subarray(40, 64);
    const iv = block.subarray(88, 96);
    const decipher = createDecipheriv("des-ede3-cbc", key, iv).setAutoPadding(false);
    const [finishedRecord, dataRecord] = clientRecords;
    const finished = decipher.update(finishedRecord.fragment);
    // Handshake header (4) ‖ verify_data (36) ‖ MAC (20) ‖ padding ‖ padding length; SSL 3.0 padding < 8.
    const padLength = finished[finished.length - 1];
    expect(padLength).toBeLessThan(8);
    const content = finished.subarray(0, 40);
    expect([...content.subarray(0, 4)]).toEqual([20, 0, 0, 36]);
    expect(content.subarray(4)).toEqual(refFinished(master, "client", cat(...handshake)));
    expect(finished.subarray(40, 60)).toEqual(refMac("sha1", macKey, 0n, 22, content));
    // The IV chains across records (SSL 3.0/TLS 1.0); the 1/n−1 split puts "h" alone first.
    const data = decipher.update(dataRecord.fragment);
    expect(data.subarray(0, 1).toString()).toBe("h");
    expect(data.subarray(1, 21)).toEqual(refMac("sha1", macKey, 1n, 23, data.subarray(0, 1)));
  });
});
