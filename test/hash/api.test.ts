// The public hash/HMAC API: shapes, names, lifecycle errors, slot exhaustion, constant-time equality.
import { createHash as nodeCreateHash, createHmac as nodeCreateHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashSlots, hmacSlots } from "../../bindings/hash-core.js";
import {
  createHash,
  equalBytes,
  type HashContext,
  type HashName,
  type HmacContext,
  hash,
  hashByName,
  hkdfExpand,
  hmac,
  init,
  md5,
  prfSsl3,
  prfTls12,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
  WasslError,
} from "../../bindings/index.js";
import { ascii, toHex } from "./support/bytes.js";

const FUNCTIONS = [
  [md5, "md5", 16, 64],
  [sha1, "sha1", 20, 64],
  [sha224, "sha224", 28, 64],
  [sha256, "sha256", 32, 64],
  [sha384, "sha384", 48, 128],
  [sha512, "sha512", 64, 128],
] as const;

const abc = ascii("abc");
const nodeHex = (alg: string, data: Uint8Array) => nodeCreateHash(alg).update(data).digest("hex");

describe("hash and HMAC API", () => {
  beforeAll(() => init());

  it.each(FUNCTIONS)("%o is callable and has create(), outputLength and blockLength", (fn, name, out, block) => {
    expect(fn.hashName).toBe(name);
    expect(fn.outputLength).toBe(out);
    expect(fn.blockLength).toBe(block);
    expect(toHex(fn(abc))).toBe(nodeHex(name, abc));
    const ctx = fn.create();
    expect(ctx.outputLength).toBe(out);
    expect(ctx.blockLength).toBe(block);
    expect(ctx.update(abc)).toBe(ctx);
    expect(toHex(ctx.digest())).toBe(nodeHex(name, abc));
    expect(hashByName(name)).toBe(fn);
    expect(toHex(hash(name, abc))).toBe(nodeHex(name, abc));
  });

  it("digest() finishes a hash context and frees its slot; dispose() after it is a no-op", () => {
    const before = hashSlots.inUse();
    const ctx = createHash("sha256").update(abc);
    expect(hashSlots.inUse()).toBe(before + 1);
    ctx.digest();
    expect(hashSlots.inUse()).toBe(before);
    expect(() => ctx.update(abc)).toThrow(WasslError);
    expect(() => ctx.digest()).toThrow(/finished or disposed/);
    expect(() => ctx.clone()).toThrow(WasslError);
    ctx.dispose();
    ctx.dispose();
  });

  it("a clone is independent of its source", () => {
    const a = sha512.create().update(abc);
    const b = a.clone().update(abc);
    expect(toHex(a.digest())).toBe(nodeHex("sha512", abc));
    expect(toHex(b.digest())).toBe(nodeHex("sha512", ascii("abcabc")));
  });

  it("hmac accepts a hash function or a name, and a keyed context re-arms after each digest", () => {
    const key = ascii("key");
    const expected = (data: string) => nodeCreateHmac("sha256", key).update(data).digest("hex");
    expect(toHex(hmac(sha256, key, abc))).toBe(expected("abc"));
    expect(toHex(hmac("sha256", key, abc))).toBe(expected("abc"));
    const mac = hmac.create(sha256, key);
    expect(mac.outputLength).toBe(32);
    expect(toHex(mac.update(abc).digest())).toBe(expected("abc"));
    expect(toHex(mac.digest())).toBe(expected(""));
    expect(toHex(mac.update(ascii("ab")).update(ascii("c")).digest())).toBe(expected("abc"));
    mac.dispose();
    expect(() => mac.update(abc)).toThrow(WasslError);
    mac.dispose();
  });

  it("rejects unknown hashes, non-ASCII labels and oversized outputs with WasslError", () => {
    expect(() => hash("sha3" as HashName, abc)).toThrow(/unknown hash/);
    expect(() => hmac("whirlpool" as HashName, abc, abc)).toThrow(WasslError);
    expect(() => prfTls12("sha1" as "sha256", abc, "x", abc, 10)).toThrow(WasslError);
    expect(() => prfTls12("sha256", abc, "clé", abc, 10)).toThrow(/ASCII/);
    expect(() => prfSsl3(abc, abc, 417)).toThrow(/416/);
    expect(() => hkdfExpand(sha256, abc, abc, 255 * 32 + 1)).toThrow(WasslError);
    expect(() => prfTls12("sha256", new Uint8Array(70_000), "x", abc, 10)).toThrow(/exceeds/);
  });

  it("equalBytes compares contents and lengths", () => {
    expect(equalBytes(ascii("abc"), ascii("abc"))).toBe(true);
    expect(equalBytes(ascii(""), ascii(""))).toBe(true);
    expect(equalBytes(ascii("abc"), ascii("abd"))).toBe(false);
    expect(equalBytes(ascii("xbc"), ascii("abc"))).toBe(false);
    expect(equalBytes(ascii("abc"), ascii("abcd"))).toBe(false);
  });

  it("exhausting hash slots throws a clear WasslError and live contexts stay intact", () => {
    const live: HashContext[] = [];
    const free = hashSlots.count - hashSlots.inUse();
    for (let i = 0; i < free; i++) live.push(sha256.create().update(ascii(`context ${i}`)));
    let error: unknown;
    try {
      sha256.create();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WasslError);
    expect((error as WasslError).code).toBe("ERR_WASSL_NO_SLOTS");
    expect((error as WasslError).message).toMatch(/dispose\(\)/);
    // One-shot calls need no slot and keep working; every live context still holds its own state.
    expect(toHex(sha256(abc))).toBe(nodeHex("sha256", abc));
    live.forEach((ctx, i) => {
      expect(toHex(ctx.digest())).toBe(nodeHex("sha256", ascii(`context ${i}`)));
    });
    expect(toHex(sha256.create().update(abc).digest())).toBe(nodeHex("sha256", abc));
  });

  it("exhausting HMAC slots throws a clear WasslError and live contexts stay intact", () => {
    const live: HmacContext[] = [];
    const free = hmacSlots.count - hmacSlots.inUse();
    for (let i = 0; i < free; i++) live.push(hmac.create(sha1, ascii(`key ${i}`)));
    expect(() => hmac.create(sha1, abc)).toThrow(expect.objectContaining({ code: "ERR_WASSL_NO_SLOTS" }));
    expect(toHex(hmac(sha1, abc, abc))).toBe(nodeCreateHmac("sha1", abc).update(abc).digest("hex"));
    live.forEach((mac, i) => {
      expect(toHex(mac.update(abc).digest())).toBe(nodeCreateHmac("sha1", `key ${i}`).update(abc).digest("hex"));
      mac.dispose();
    });
    hmac.create(sha1, abc).dispose();
  });
});
