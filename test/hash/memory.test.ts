// WASM memory is fixed: 100,000 mixed hash/HMAC/PRF operations (contexts created and disposed, some
// never disposed) must not grow it, and results stay correct throughout.
import { createHash, createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type HashName,
  hash,
  hkdfExpand,
  hmac,
  init,
  prfSsl3,
  prfTls10,
  prfTls12,
  createHash as wasslCreateHash,
} from "../../bindings/index.js";
import { memoryBytes } from "../../bindings/wasm.js";
import { SeededRandom, toHex } from "./support/bytes.js";

const HASHES: HashName[] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];
const OPERATIONS = 100_000;

describe("fixed WASM memory", () => {
  beforeAll(() => init());

  it("does not grow over 100,000 mixed operations, including contexts never disposed", () => {
    const rng = new SeededRandom(100_000);
    const start = memoryBytes();
    const leaked: unknown[] = [];
    const big = rng.bytes(150_000);
    for (let op = 0; op < OPERATIONS; op++) {
      const alg = HASHES[rng.below(HASHES.length)];
      const data = big.subarray(0, op % 5000 === 0 ? big.length : rng.below(300));
      const check = op % 997 === 0;
      switch (rng.below(7)) {
        case 0: {
          const digest = hash(alg, data);
          if (check) expect(toHex(digest)).toBe(createHash(alg).update(data).digest("hex"));
          break;
        }
        case 1: {
          const ctx = wasslCreateHash(alg).update(data);
          const fork = ctx.clone();
          if (op % 200 === 0)
            leaked.push(fork); // never disposed
          else fork.dispose();
          const digest = ctx.digest();
          if (check) expect(toHex(digest)).toBe(createHash(alg).update(data).digest("hex"));
          break;
        }
        case 2: {
          const mac = hmac.create(alg, data.subarray(0, 40));
          mac.update(data).digest();
          const tag = mac.update(data).digest();
          if (check) expect(toHex(tag)).toBe(createHmac(alg, data.subarray(0, 40)).update(data).digest("hex"));
          if (op % 200 === 1) leaked.push(mac);
          else mac.dispose();
          break;
        }
        case 3:
          hmac(alg, data.subarray(0, 20), data);
          break;
        case 4:
          prfTls12(op % 2 ? "sha256" : "sha384", data.subarray(0, 48), "key expansion", data.subarray(0, 64), 104);
          break;
        case 5:
          prfTls10(data.subarray(0, 48), "master secret", data.subarray(0, 64), 48);
          prfSsl3(data.subarray(0, 48), data.subarray(0, 64), 48);
          break;
        default:
          hkdfExpand(alg, data.subarray(0, 32), data.subarray(0, 10), 100);
      }
    }
    expect(leaked.length).toBeGreaterThan(100);
    expect(memoryBytes()).toBe(start);
  });
});
