// Constant-time verification (GUIDE §5): the same operation on two different secrets of the same
// public shape must produce identical memory-address and control-flow traces. RC4 is the documented
// exception and serves as the positive control: its traces differ.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTraced, type TracedWasm } from "../support/ct-trace.js";

const SLOT = 7;

describe.each(["simd", "scalar"] as const)("constant-time traces (%s build)", (build) => {
  let t: TracedWasm;
  let io: number;
  let io2: number;
  beforeAll(async () => {
    t = await loadTraced(build);
    io = t.exports.ioPtr();
    io2 = t.exports.io2Ptr();
  });

  /** Runs `op` under trace for two independent random secrets (key at io2, data at io). */
  function traceTwice(keyLen: number, dataLen: number, op: () => void): [string, string] {
    const digests = [0, 1].map(() => {
      t.heap.set(randomBytes(keyLen), io2);
      t.heap.set(randomBytes(dataLen), io);
      return t.trace(op).digest;
    });
    return [digests[0] as string, digests[1] as string];
  }

  it.each([16, 24, 32])("AES with a %i-byte key: key schedule, ECB and CBC both directions", (keyLen) => {
    const len = build === "simd" ? 64 : 32;
    const [a, b] = traceTwice(keyLen, len, () => {
      const e = t.exports;
      e.aesInit(SLOT, io2, keyLen);
      e.aesSetIv(SLOT, io2 + 64);
      e.aesEcbEncrypt(SLOT, io, len);
      e.aesEcbDecrypt(SLOT, io, len);
      e.aesCbcEncrypt(SLOT, io, len);
      e.aesCbcDecrypt(SLOT, io, len);
    });
    expect(a).toBe(b);
  });

  it.each([12, 20])("AES-GCM (GHASH, CTR, tag and constant-time tag check) with a %i-byte nonce", (nonceLen) => {
    const len = build === "simd" ? 100 : 40;
    let round = 0;
    const [a, b] = traceTwice(16, len, () => {
      const e = t.exports;
      e.gcmInit(SLOT, io2, 16);
      e.gcmStart(SLOT, io2 + 32, nonceLen);
      e.gcmAad(SLOT, io2 + 64, 13);
      e.gcmEncrypt(SLOT, io, len);
      e.gcmTag(SLOT, io2 + 128);
      // Decrypt path: the first run checks the right tag, the second a wrong one.
      e.gcmStart(SLOT, io2 + 32, nonceLen);
      e.gcmAad(SLOT, io2 + 64, 13);
      e.gcmGhash(SLOT, io, len);
      if (round++ === 1) t.heap[io2 + 128] ^= 1;
      e.gcmCheckTag(SLOT, io2 + 128, 16);
      e.gcmCtr(SLOT, io, len);
    });
    expect(a).toBe(b);
  });

  it.each([8, 16, 24])("DES/3DES with a %i-byte key: key schedule, ECB and CBC both directions", (keyLen) => {
    const [a, b] = traceTwice(keyLen, 32, () => {
      const e = t.exports;
      e.desInit(SLOT, io2, keyLen);
      e.desSetIv(SLOT, io2 + 64);
      e.desEcbEncrypt(SLOT, io, 32);
      e.desEcbDecrypt(SLOT, io, 32);
      e.desCbcEncrypt(SLOT, io, 32);
      e.desCbcDecrypt(SLOT, io, 32);
    });
    expect(a).toBe(b);
  });

  it("RC4 (documented exception, table-driven by definition) gives different traces: the check can fail", () => {
    const [a, b] = traceTwice(16, 32, () => {
      t.exports.rc4Init(SLOT, io2, 16);
      t.exports.rc4Process(SLOT, io, 32);
    });
    expect(a).not.toBe(b);
  });
});
