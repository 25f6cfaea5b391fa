// Published vectors: FIPS 180-4 / RFC 1321 digests, RFC 2202 / RFC 4231 HMAC, RFC 5869 HKDF, the TLS 1.2
// PRF known answer, and Wycheproof HMAC files — on the SIMD and the scalar build.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { equalBytes, type HashName, hash, hkdfExpand, hkdfExtract, hmac, prfTls12 } from "../../bindings/index.js";
import { BUILDS, useBuild } from "./support/builds.js";
import { ascii, fromHex, toHex } from "./support/bytes.js";

const dir = new URL("../vectors/hash/", import.meta.url);
const load = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, dir), "utf8")) as T;

interface DigestVector {
  source: string;
  alg: HashName;
  ascii: string;
  repeat?: number;
  digest: string;
}
interface HmacVector {
  source: string;
  alg: HashName;
  case: number;
  key: string;
  data: string;
  tag: string;
}
interface HkdfVector {
  source: string;
  alg: HashName;
  ikm: string;
  salt: string;
  info: string;
  length: number;
  prk: string;
  okm: string;
}
interface PrfVector {
  source: string;
  hash: "sha256" | "sha384";
  secret: string;
  label: string;
  seed: string;
  output: string;
}
interface WycheproofFile {
  testGroups: { tagSize: number; tests: { tcId: number; key: string; msg: string; tag: string; result: string }[] }[];
}

const digests = load<DigestVector[]>("digests.json");
const hmacs = load<HmacVector[]>("hmac.json");
const hkdfs = load<HkdfVector[]>("hkdf.json");
const prfs = load<PrfVector[]>("prf.json");
const wycheproof: [HashName, WycheproofFile][] = [
  ["sha1", load("hmac_sha1_test.json")],
  ["sha256", load("hmac_sha256_test.json")],
  ["sha384", load("hmac_sha384_test.json")],
];

describe.each(BUILDS)("published vectors (%s build)", (build) => {
  beforeAll(() => useBuild(build));

  it.each(digests)("$alg $source: $ascii×$repeat", (v) => {
    expect(toHex(hash(v.alg, ascii(v.ascii.repeat(v.repeat ?? 1))))).toBe(v.digest);
  });

  it.each(hmacs)("HMAC-$alg $source case $case", (v) => {
    const tag = hmac(v.alg, fromHex(v.key), fromHex(v.data));
    expect(toHex(tag.subarray(0, v.tag.length / 2))).toBe(v.tag);
  });

  it.each(hkdfs)("HKDF-$alg $source", (v) => {
    const prk = hkdfExtract(v.alg, fromHex(v.salt), fromHex(v.ikm));
    expect(toHex(prk)).toBe(v.prk);
    expect(toHex(hkdfExpand(v.alg, prk, fromHex(v.info), v.length))).toBe(v.okm);
  });

  it.each(prfs)("TLS 1.2 PRF $hash: $source", (v) => {
    const out = prfTls12(v.hash, fromHex(v.secret), v.label, fromHex(v.seed), v.output.length / 2);
    expect(toHex(out)).toBe(v.output);
  });

  it.each(wycheproof)("Wycheproof HMAC-%s", (alg, file) => {
    let checked = 0;
    for (const group of file.testGroups) {
      for (const t of group.tests) {
        const mac = hmac.create(alg, fromHex(t.key));
        const tag = mac
          .update(fromHex(t.msg))
          .digest()
          .subarray(0, group.tagSize / 8);
        mac.dispose();
        const verified = equalBytes(tag, fromHex(t.tag));
        if (t.result === "valid") expect(verified, `tcId ${t.tcId}`).toBe(true);
        if (t.result === "invalid") expect(verified, `tcId ${t.tcId}`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
