// Constant-time evidence for the secret-handling paths of the record layer and the handshake (issue 8):
// - WASM (traced with test/support/ct-trace.ts, both builds): HMAC one-shot and streaming (record MACs),
//   the TLS 1.2 / TLS 1.0 PRFs and the SSL 3.0 derivation (premaster → master secret → keys, Finished).
// - TypeScript (no instrumentation exists for JS; the evidence is the sequence of indices read from the
//   secret buffers, recorded through a Proxy, plus the hash work of the Lucky13 equalization): CBC
//   padding check, MAC extraction, equalBytes (Finished and MAC comparison), CbcProtection.open.
import * as crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { equalBytes } from "../../bindings/equal.js";
import type { CbcCipher, Hmac } from "../../tls/provider.js";
import { checkCbcPadding, compressionCount, extractMacConstantTime } from "../../tls/record/cbc-padding.js";
import { CbcProtection } from "../../tls/record/cbc-protection.js";
import { SequenceNumber } from "../../tls/record/sequence-number.js";
import { loadTraced, type TracedWasm } from "../support/ct-trace.js";

const rand = (n: number) => new Uint8Array(crypto.randomBytes(n));
const ALGS = [
  ["md5", 0],
  ["sha1", 1],
  ["sha256", 3],
  ["sha384", 4],
] as const;

describe.each(["simd", "scalar"] as const)("WASM secret paths (%s build)", (build) => {
  let t: TracedWasm;
  const io = () => t.exports.ioPtr() as number;
  const io2 = () => t.exports.io2Ptr() as number;
  beforeAll(async () => {
    t = await loadTraced(build);
  });

  it.each(ALGS)("HMAC-%s one-shot (record MAC): same trace for different keys and contents", (_name, alg) => {
    const run = (key: Uint8Array, data: Uint8Array) => {
      t.heap.set(key, io2());
      t.heap.set(data, io());
      return t.trace(() => t.exports.hmacOneshot(alg, io2(), key.length, io(), data.length));
    };
    const a = run(rand(20), rand(13 + 100));
    const b = run(rand(20), rand(13 + 100));
    const c = run(new Uint8Array(20), new Uint8Array(113).fill(0xff));
    expect(a.loads).toBeGreaterThan(100);
    expect(b.digest).toBe(a.digest);
    expect(c.digest).toBe(a.digest);
  });

  it.each(ALGS)("HMAC-%s streaming context: same trace for different keys and contents", (_name, alg) => {
    const ctx = t.exports.hmacSlotBase() as number;
    const run = (key: Uint8Array, data: Uint8Array) => {
      t.heap.set(key, io2());
      t.heap.set(data, io());
      return t.trace(() => {
        t.exports.hmacInit(ctx, alg, io2(), key.length);
        t.exports.hmacUpdate(ctx, io(), 13);
        t.exports.hmacUpdate(ctx, io() + 13, data.length - 13);
        t.exports.hmacFinal(ctx);
      });
    };
    const a = run(rand(32), rand(300));
    const b = run(rand(32), rand(300));
    expect(a.loads).toBeGreaterThan(100);
    expect(b.digest).toBe(a.digest);
  });

  /** Stages secret ‖ seed in the I/O region as the bindings do, and traces one PRF export. */
  function tracePrf(
    call: (secretLen: number, seedPtr: number, seedLen: number) => void,
    secret: Uint8Array,
    seed: Uint8Array,
  ) {
    t.heap.set(secret, io());
    t.heap.set(seed, io() + secret.length);
    return t.trace(() => call(secret.length, io() + secret.length, seed.length));
  }

  const label = new TextEncoder().encode("master secret");
  const seedOf = () => new Uint8Array([...label, ...rand(64)]);

  it.each([
    ["SHA-256", 3],
    ["SHA-384", 4],
  ] as const)("TLS 1.2 PRF (P_%s): same trace for different premasters and randoms", (_name, alg) => {
    const call = (sl: number, sp: number, n: number) => t.exports.prfTls12(alg, io(), sl, sp, n, io2(), 48);
    const a = tracePrf(call, rand(48), seedOf());
    const b = tracePrf(call, rand(48), seedOf());
    const c = tracePrf(call, new Uint8Array(48), seedOf());
    expect(a.loads).toBeGreaterThan(300);
    expect(b.digest).toBe(a.digest);
    expect(c.digest).toBe(a.digest);
  });

  it("TLS 1.0/1.1 PRF (P_MD5 ⊕ P_SHA1): same trace for different secrets", () => {
    const call = (sl: number, sp: number, n: number) => t.exports.prfTls10(io(), sl, sp, n, io2(), 104);
    const a = tracePrf(call, rand(48), seedOf());
    const b = tracePrf(call, rand(48), seedOf());
    expect(b.digest).toBe(a.digest);
  });

  it("SSL 3.0 key derivation: same trace for different secrets", () => {
    const call = (sl: number, sp: number, n: number) => t.exports.prfSsl3(io(), sl, sp, n, io2(), 104);
    const a = tracePrf(call, rand(48), rand(64));
    const b = tracePrf(call, rand(48), rand(64));
    expect(b.digest).toBe(a.digest);
  });

  it("positive control: HMAC traces differ when the (public) message length differs", () => {
    t.heap.set(rand(20), io2());
    const a = t.trace(() => t.exports.hmacOneshot(1, io2(), 20, io(), 100));
    const b = t.trace(() => t.exports.hmacOneshot(1, io2(), 20, io(), 200));
    expect(b.digest).not.toBe(a.digest);
  });
});

/** A Uint8Array proxy that records every index read (the JS analogue of a load-address trace). */
function tracing(bytes: Uint8Array, reads: number[]): Uint8Array {
  return new Proxy(bytes, {
    get(target, prop) {
      if (typeof prop === "string" && /^\d+$/.test(prop)) reads.push(Number(prop));
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A decrypted CBC record of `length` bytes: content ‖ MAC ‖ padding of `padLength` (+1) bytes. */
function record(length: number, padLength: number, goodPadding = true): Uint8Array {
  const plain = rand(length);
  plain.fill(padLength, length - padLength - 1);
  if (!goodPadding) plain[length - 2] ^= 1;
  return plain;
}

describe("TypeScript secret paths (index traces)", () => {
  it("checkCbcPadding reads the same indices for good, bad and different-length paddings", () => {
    const traces = [
      record(320, 0),
      record(320, 15),
      record(320, 255),
      record(320, 15, false),
      record(320, 200, false),
    ].map((plain) => {
      const reads: number[] = [];
      checkCbcPadding(tracing(plain, reads), 20);
      return reads.join(",");
    });
    expect(traces[0].split(",").length).toBeGreaterThanOrEqual(256);
    for (const tr of traces) expect(tr).toBe(traces[0]);
  });

  it("extractMacConstantTime reads the same indices wherever the MAC starts (within the public window)", () => {
    const plain = rand(320);
    const traces = [299, 200, 100, 44].map((start) => {
      const reads: number[] = [];
      const mac = extractMacConstantTime(tracing(plain, reads), start, 20);
      expect(mac).toEqual(plain.slice(start, start + 20));
      return reads.join(",");
    });
    for (const tr of traces) expect(tr).toBe(traces[0]);
  });

  it("equalBytes (Finished and MAC comparison) reads every byte of both inputs, equal or not", () => {
    const a = rand(32);
    const cases = [
      a.slice(),
      a.map((v, i) => (i === 0 ? v ^ 1 : v)),
      a.map((v, i) => (i === 31 ? v ^ 1 : v)),
      rand(32),
    ];
    const traces = cases.map((b) => {
      const reads: number[] = [];
      const result = equalBytes(tracing(a, reads), tracing(b, reads));
      return { reads: reads.join(","), result };
    });
    expect(traces.map((t) => t.result)).toEqual([true, false, false, false]);
    for (const tr of traces) expect(tr.reads).toBe(traces[0].reads);
  });

  it("CbcProtection.open does the same hash work for good records, bad padding and bad MAC (Lucky13)", () => {
    // Test doubles: the cipher returns a chosen plaintext; the HMAC counts compression-function calls
    // (inner and outer hash of every digest), which is what Lucky13 measures.
    const BLOCK = 64;
    const work = (plain: Uint8Array) => {
      let compressions = 0;
      let pending = 0;
      const hmac: Hmac = {
        outputLength: 20,
        update(data: Uint8Array) {
          pending += data.length;
          return hmac;
        },
        digest() {
          // key block + message blocks (with the 8-byte length field) + the outer hash (2 blocks).
          compressions += 1 + compressionCount(pending, BLOCK, 8) + 2;
          pending = 0;
          return new Uint8Array(20);
        },
        dispose() {},
      } as unknown as Hmac;
      const cipher = {
        blockLength: 16,
        setIv() {},
        decrypt: () => plain,
        encrypt: (x: Uint8Array) => x,
        dispose() {},
      } as unknown as CbcCipher;
      const protection = new CbcProtection(
        cipher,
        hmac,
        0x0303,
        { blockLength: BLOCK, lengthFieldBytes: 8 },
        rand,
        () => false,
      );
      try {
        protection.open(23, 0x0303, new SequenceNumber(), new Uint8Array(16 + plain.length));
      } catch {
        // always bad_record_mac here (the MAC double never matches)
      }
      return compressions;
    };
    const counts = [
      record(320, 0),
      record(320, 15),
      record(320, 255),
      record(320, 15, false),
      record(320, 250, false),
    ].map(work);
    for (const c of counts) expect(c).toBe(counts[0]);
  });
});
