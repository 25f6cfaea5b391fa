// RSA raw operations (the premaster-decrypt and signature hot spots) against node:crypto
// (RSA_NO_PADDING), a JS BigInt CRT implementation and node-forge.
import * as crypto from "node:crypto";
import forge from "node-forge";
import { activeBuild, init, initSync, RsaPrivateKey } from "../../bindings/index.js";
import { wasmExports } from "../../bindings/wasm.js";
import type { RsaPrivateComponents } from "../../tls/provider.js";
import { BigIntRsa } from "../support/bigint-rsa.js";
import { KERNEL_GROUP, KERNEL_PRODUCTS_PER_OP } from "../support/rsa-products.js";
import type { BenchCase, BenchGroup, BenchSuite } from "../types.js";

const b64u = (s: string | undefined) => new Uint8Array(Buffer.from(s ?? "", "base64url"));

function nodeKeyPair(bits: number): { key: crypto.KeyObject; components: RsaPrivateComponents } {
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: bits });
  const j = privateKey.export({ format: "jwk" });
  return {
    key: privateKey,
    components: {
      n: b64u(j.n),
      e: b64u(j.e),
      d: b64u(j.d),
      p: b64u(j.p),
      q: b64u(j.q),
      dp: b64u(j.dp),
      dq: b64u(j.dq),
      qinv: b64u(j.qi),
    },
  };
}

/** node-forge's raw RSA entry points (untyped in @types/node-forge). */
interface ForgeRawRsa {
  /** Raw private (pub = false) operation when ml = false. */
  decrypt(ed: string, key: forge.pki.rsa.PrivateKey, pub: boolean, ml: false): string;
  /** Raw public operation when bt = true. */
  encrypt(m: string, key: forge.pki.rsa.PublicKey, bt: true): string;
}
const forgeRsa = forge.pki.rsa as unknown as ForgeRawRsa;

function forgeKey(c: RsaPrivateComponents): forge.pki.rsa.PrivateKey {
  const big = (b: Uint8Array) => new forge.jsbn.BigInteger(Buffer.from(b).toString("hex"), 16);
  return forge.pki.setRsaPrivateKey(
    big(c.n),
    big(c.e),
    big(c.d),
    big(c.p),
    big(c.q),
    big(c.dp),
    big(c.dq),
    big(c.qinv),
  );
}

/** Cases for one key size: ours (SIMD and scalar builds) and the peers, private or public operation. */
function rsaCases(bits: number, op: "private" | "public"): BenchCase[] {
  const { key, components } = nodeKeyPair(bits);
  const publicKey = crypto.createPublicKey(key);
  const input = crypto.randomBytes(bits / 8);
  input[0] = 0; // below n
  const inputBinary = input.toString("binary");
  const bigint = new BigIntRsa(components);
  const forgePrivate = forgeKey(components);
  const forgePublic = forge.pki.setRsaPublicKey(forgePrivate.n, forgePrivate.e);
  // A key lives in the instance it was loaded into: reload it whenever the build changes.
  let ours: RsaPrivateKey | undefined;
  const load = () => {
    ours = RsaPrivateKey.fromComponents(components);
  };
  const run = op === "private" ? () => ours?.rawPrivate(input) : () => ours?.publicKey.rawPublic(input);
  const defaultBuild = activeBuild();
  const padding = crypto.constants.RSA_NO_PADDING;
  return [
    { name: "wassl", fn: run, setup: load },
    {
      name: "wassl-scalar",
      fn: run,
      setup: () => {
        initSync({ build: "scalar" });
        load();
      },
      teardown: () => {
        initSync({ build: defaultBuild });
        load();
      },
    },
    op === "private"
      ? { name: "node:crypto", fn: () => crypto.privateDecrypt({ key, padding }, input) }
      : { name: "node:crypto", fn: () => crypto.publicEncrypt({ key: publicKey, padding }, input) },
    { name: "js-bigint", fn: op === "private" ? () => bigint.privateOp(input) : () => bigint.publicOp(input) },
    op === "private"
      ? { name: "node-forge", fn: () => forgeRsa.decrypt(inputBinary, forgePrivate, false, false) }
      : { name: "node-forge", fn: () => forgeRsa.encrypt(inputBinary, forgePublic, true) },
  ];
}

/** Passes of the kernel probe per timed operation. */
const PROBE_PASSES = 1000;

/**
 * The Montgomery product kernel alone (assembly/bignum kernelProbe), in both builds: its product rate
 * is the ceiling the bench report compares the RSA groups with (bench/support/rsa-products.ts).
 */
function kernelCases(): BenchCase[] {
  const probe = () => wasmExports<{ bnKernelProbe(passes: number): number }>().bnKernelProbe(PROBE_PASSES);
  if (probe() !== KERNEL_PRODUCTS_PER_OP) throw new Error("bnKernelProbe: unexpected product count");
  const defaultBuild = activeBuild();
  return [
    { name: "wassl", fn: probe },
    {
      name: "wassl-scalar",
      fn: probe,
      setup: () => initSync({ build: "scalar" }),
      teardown: () => initSync({ build: defaultBuild }),
    },
  ];
}

const PRIVATE_TARGETS = [
  { vs: "node:crypto", min: 0.25 },
  { vs: "js-bigint", min: 4 },
  { vs: "node-forge", min: 25 },
];

const suite: BenchSuite = async (): Promise<BenchGroup[]> => {
  await init();
  return [
    { id: "rsa-2048 private (CRT, blinded)", cases: rsaCases(2048, "private"), targets: PRIVATE_TARGETS },
    { id: "rsa-4096 private (CRT, blinded)", cases: rsaCases(4096, "private"), targets: PRIVATE_TARGETS },
    {
      id: "rsa-2048 public (e = 65537)",
      cases: rsaCases(2048, "public"),
      targets: [
        { vs: "node:crypto", min: 0.5 },
        { vs: "js-bigint", min: 2 },
      ],
    },
    { id: "rsa-4096 public (e = 65537)", cases: rsaCases(4096, "public") },
    { id: KERNEL_GROUP, cases: kernelCases() },
  ];
};

export default suite;
