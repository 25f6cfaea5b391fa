// Hashes, HMAC and the TLS PRFs against node:crypto, hash-wasm, @noble/hashes and node-forge.
import { createHash, createHmac } from "node:crypto";
import { hmac as nobleHmac } from "@noble/hashes/hmac.js";
import { md5 as nobleMd5, sha1 as nobleSha1 } from "@noble/hashes/legacy.js";
import { sha256 as nobleSha256, sha384 as nobleSha384 } from "@noble/hashes/sha2.js";
import { createHMAC, createMD5, createSHA1, createSHA256, createSHA384, type IHasher } from "hash-wasm";
import forge from "node-forge";
import {
  activeBuild,
  type HashFunction,
  type HmacContext,
  hmac,
  init,
  initSync,
  md5,
  prfTls10,
  prfTls12,
  sha1,
  sha256,
  sha384,
} from "../../bindings/index.js";
import { referencePrfTls10, referencePrfTls12 } from "../../test/hash/support/reference-prf.js";
import type { BenchCase, BenchGroup, BenchSuite } from "../types.js";

const SIZES = [
  ["64B", 64],
  ["16KiB", 16384],
] as const;

function bytes(length: number, fill: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + fill) & 0xff);
}

const binary = (b: Uint8Array) => Buffer.from(b).toString("binary");

/** A "wassl-scalar" case: the same operation with the scalar build loaded while it is measured. */
function scalarCase(fn: () => unknown, setup?: () => void): BenchCase {
  const defaultBuild = activeBuild();
  return {
    name: "wassl-scalar",
    fn,
    setup: () => {
      initSync({ build: "scalar" });
      setup?.();
    },
    teardown: () => initSync({ build: defaultBuild }),
  };
}

interface HashPeers {
  name: string;
  ours: HashFunction;
  hashWasm: IHasher;
  noble: (data: Uint8Array) => Uint8Array;
  forge: () => forge.md.MessageDigest;
}

function hashGroups(p: HashPeers): BenchGroup[] {
  return SIZES.map(([label, size]) => {
    const data = bytes(size, p.name.length);
    const text = binary(data);
    return {
      id: `${p.name} ${label}`,
      bytesPerOp: size,
      cases: [
        { name: "wassl", fn: () => p.ours(data) },
        scalarCase(() => p.ours(data)),
        { name: "node:crypto", fn: () => createHash(p.name).update(data).digest() },
        { name: "hash-wasm", fn: () => p.hashWasm.init().update(data).digest("binary") },
        { name: "@noble/hashes", fn: () => p.noble(data) },
        { name: "node-forge", fn: () => p.forge().update(text).digest().getBytes() },
      ],
      targets:
        size === 64
          ? p.name === "sha256"
            ? [{ vs: "node:crypto", min: 2 }]
            : []
          : [{ vs: "hash-wasm", min: 1.1 }, ...(p.name === "sha256" ? [{ vs: "@noble/hashes", min: 2 }] : [])],
    };
  });
}

async function hmacGroup(): Promise<BenchGroup> {
  const key = bytes(32, 1);
  const data = bytes(64, 2);
  const keyText = binary(key);
  const dataText = binary(data);
  const hashWasm = await createHMAC(createSHA256(), key);
  const forgeMac = forge.hmac.create();
  forgeMac.start("sha256", keyText);
  const nobleMac = nobleHmac.create(nobleSha256, key);
  let mac: HmacContext | undefined;
  const rekey = () => {
    mac?.dispose();
    mac = hmac.create(sha256, key);
  };
  const reuse = () => (mac as HmacContext).update(data).digest();
  return {
    id: "hmac-sha256 64B reused key",
    bytesPerOp: 64,
    cases: [
      { name: "wassl", fn: reuse, setup: rekey },
      scalarCase(reuse, rekey),
      { name: "node:crypto", fn: () => createHmac("sha256", key).update(data).digest() },
      { name: "hash-wasm", fn: () => hashWasm.init().update(data).digest("binary") },
      {
        name: "@noble/hashes",
        fn: () => {
          const m = nobleMac.clone();
          m.update(data);
          return m.digest();
        },
      },
      {
        name: "node-forge",
        fn: () => {
          forgeMac.start(null as never, null as never); // reuse the key
          forgeMac.update(dataText);
          return forgeMac.digest().getBytes();
        },
      },
    ],
    targets: [{ vs: "node:crypto", min: 1 }],
  };
}

/** The RSA key-exchange derivation: 48-byte master secret, then a 104-byte key block. */
function prfGroups(): BenchGroup[] {
  const premaster = bytes(48, 3);
  const clientServer = bytes(64, 4);
  const serverClient = Uint8Array.from([...clientServer.subarray(32), ...clientServer.subarray(0, 32)]);
  const forgeArgs = [binary(premaster), binary(clientServer), binary(serverClient)] as const;
  const tls12 = () =>
    prfTls12(
      "sha256",
      prfTls12("sha256", premaster, "master secret", clientServer, 48),
      "key expansion",
      serverClient,
      104,
    );
  const tls10 = () =>
    prfTls10(prfTls10(premaster, "master secret", clientServer, 48), "key expansion", serverClient, 104);
  return [
    {
      id: "tls12-prf master secret + key block",
      cases: [
        { name: "wassl", fn: tls12 },
        scalarCase(tls12),
        {
          name: "node:crypto",
          fn: () =>
            referencePrfTls12(
              "sha256",
              referencePrfTls12("sha256", premaster, "master secret", clientServer, 48),
              "key expansion",
              serverClient,
              104,
            ),
        },
      ],
      targets: [{ vs: "node:crypto", min: 3 }],
    },
    {
      id: "tls10-prf master secret + key block",
      cases: [
        { name: "wassl", fn: tls10 },
        scalarCase(tls10),
        {
          name: "node:crypto",
          fn: () =>
            referencePrfTls10(
              referencePrfTls10(premaster, "master secret", clientServer, 48),
              "key expansion",
              serverClient,
              104,
            ),
        },
        {
          name: "node-forge",
          fn: () => {
            const master = forge.tls.prf_tls1(forgeArgs[0], "master secret", forgeArgs[1], 48).getBytes();
            return forge.tls.prf_tls1(master, "key expansion", forgeArgs[2], 104).getBytes();
          },
        },
      ],
      targets: [{ vs: "node-forge", min: 5 }],
    },
  ];
}

const suite: BenchSuite = async () => {
  await init();
  return [
    ...hashGroups({
      name: "sha256",
      ours: sha256,
      hashWasm: await createSHA256(),
      noble: nobleSha256,
      forge: () => forge.md.sha256.create(),
    }),
    ...hashGroups({
      name: "sha1",
      ours: sha1,
      hashWasm: await createSHA1(),
      noble: nobleSha1,
      forge: () => forge.md.sha1.create(),
    }),
    ...hashGroups({
      name: "md5",
      ours: md5,
      hashWasm: await createMD5(),
      noble: nobleMd5,
      forge: () => forge.md.md5.create(),
    }),
    ...hashGroups({
      name: "sha384",
      ours: sha384,
      hashWasm: await createSHA384(),
      noble: nobleSha384,
      forge: () => forge.md.sha384.create(),
    }),
    await hmacGroup(),
    ...prfGroups(),
  ];
};

export default suite;
