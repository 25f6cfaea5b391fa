// Bleichenbacher's 2006 e = 3 signature forgeries (and their later variants) built here without the
// private key: each forged block decrypts to something a lenient PKCS#1 parser would accept, and
// verification by re-encoding must reject every one.
import * as crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RsaPrivateKey } from "../../bindings/index.js";
import { init } from "../../bindings/wasm.js";
import { componentsOf, nodeKey } from "../support/rsa-keys.js";

const K = 256; // 2048-bit modulus
const SHA256_PREFIX = "3031300d060960864801650304020105000420";
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, "hex"));
const toBig = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).toString("hex") || "0"}`);
const toBytes = (x: bigint, len: number) => fromHex(x.toString(16).padStart(len * 2, "0"));

function cubeRootFloor(x: bigint): bigint {
  let r = 1n << BigInt(Math.ceil(x.toString(2).length / 3) + 1);
  for (;;) {
    const next = (2n * r + x / (r * r)) / 3n;
    if (next >= r) break;
    r = next;
  }
  while (r * r * r > x) r--;
  while ((r + 1n) ** 3n <= x) r++;
  return r;
}

/** s with s³ ≡ target (mod 2^bits), for odd target (Hensel lifting bit by bit). */
function cubeRootMod2k(target: bigint, bits: number): bigint {
  let s = 1n;
  for (let i = 1; i < bits; i++) {
    const m = 1n << BigInt(i + 1);
    if ((s ** 3n - target) % m !== 0n) s += 1n << BigInt(i);
  }
  return s;
}

/**
 * A "signature" whose cube (no modular reduction: it stays below n) starts with `prefix` and, when
 * `suffix` is given, ends with it; the bytes between are whatever the cube root produces.
 */
function forge(prefix: Uint8Array, suffix = new Uint8Array(0)): Uint8Array {
  const lowBits = 8 * (K - prefix.length);
  const middle = (toBig(prefix) << BigInt(lowBits)) + (1n << BigInt(lowBits - 1));
  let s = cubeRootFloor(middle);
  if (suffix.length > 0) {
    const sufBits = 8 * suffix.length;
    s = ((s >> BigInt(sufBits)) << BigInt(sufBits)) + cubeRootMod2k(toBig(suffix), sufBits);
  }
  return toBytes(s, K);
}

describe("Bleichenbacher e = 3 forgeries are rejected", () => {
  const node = nodeKey(2048, 3);
  let key: RsaPrivateKey;
  beforeAll(async () => {
    await init();
    key = RsaPrivateKey.fromComponents(componentsOf(node));
  });
  afterAll(() => key.dispose());

  // A message whose SHA-256 ends in an odd byte (the 2-adic cube root needs an odd target).
  let message = new Uint8Array(0);
  for (let i = 0; ; i++) {
    message = new TextEncoder().encode(`forge me ${i}`);
    if (crypto.hash("sha256", message, "buffer")[31] & 1) break;
  }
  const digest = new Uint8Array(crypto.hash("sha256", message, "buffer"));
  const digestInfo = fromHex(SHA256_PREFIX + Buffer.from(digest).toString("hex"));
  const long = (n: number) => [0x82, n >> 8, n & 0xff];

  const cases: Array<[string, () => { sig: Uint8Array; prefix: Uint8Array; suffix?: Uint8Array }]> = [
    [
      "garbage after the DigestInfo (short padding)",
      () => {
        const prefix = new Uint8Array([0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, ...digestInfo]);
        return { sig: forge(prefix), prefix };
      },
    ],
    [
      "garbage in the algorithm parameters (long-form lengths, digest at the end)",
      () => {
        const suffix = new Uint8Array([0x04, 0x20, ...digest]);
        const oid = fromHex("0609608648016503040201");
        const head = 2 + 8 + 1; // 00 01 FF×8 00
        const paramsLen = K - head - 4 - 4 - oid.length - 4 - suffix.length;
        const algLen = oid.length + 4 + paramsLen;
        const prefix = new Uint8Array([
          0,
          1,
          ...new Array(8).fill(0xff),
          0,
          0x30,
          ...long(K - head - 4),
          0x30,
          ...long(algLen),
          ...oid,
          0x05,
          ...long(paramsLen),
        ]);
        return { sig: forge(prefix, suffix), prefix, suffix };
      },
    ],
    [
      "garbage in the padding bytes (digest at the end)",
      () => {
        const prefix = new Uint8Array([0, 1, 0xff, 0xff]);
        const suffix = new Uint8Array([0, ...digestInfo]);
        return { sig: forge(prefix, suffix), prefix, suffix };
      },
    ],
  ];

  it.each(cases)("%s", (_name, make) => {
    const { sig, prefix, suffix } = make();
    // The forgery is real: its public-key image has the lenient parser's expected shape.
    const block = key.publicKey.rawPublic(sig);
    expect(Buffer.from(block.subarray(0, prefix.length)).equals(Buffer.from(prefix))).toBe(true);
    if (suffix) expect(Buffer.from(block.subarray(K - suffix.length)).equals(Buffer.from(suffix))).toBe(true);
    expect(key.publicKey.verifyPkcs1v15("sha256", message, sig)).toBe(false);
    expect(crypto.verify("sha256", message, crypto.createPublicKey(node), sig)).toBe(false);
  });

  it.each<[string, number[]]>([
    ["BER long-form lengths in the DigestInfo", [0x30, 0x81, 0x32, 0x30, 0x81, 0x0d]],
    ["missing NULL parameters", [0x30, 0x2f, 0x30, 0x0b]],
  ])("a correctly signed but non-DER DigestInfo (%s) is rejected", (name, header) => {
    const rest =
      name === "missing NULL parameters"
        ? [...fromHex("0609608648016503040201"), 0x04, 0x20, ...digest]
        : [...fromHex("06096086480165030402010500"), 0x04, 0x20, ...digest];
    const t = new Uint8Array([...header, ...rest]);
    const em = new Uint8Array(K).fill(0xff);
    em[0] = 0;
    em[1] = 1;
    em[K - t.length - 1] = 0;
    em.set(t, K - t.length);
    const sig = key.rawPrivate(em);
    expect(key.publicKey.verifyPkcs1v15("sha256", message, sig)).toBe(false);
    expect(key.publicKey.verifyPkcs1v15("sha256", message, key.signPkcs1v15("sha256", message))).toBe(true);
  });
});
