// Bulk cipher throughput on 16 KiB: wassl against node:crypto (OpenSSL), @noble/ciphers and node-forge.
// DES, RC2 and RC4 exist in Node 20's OpenSSL only with the legacy provider: `npm run bench` starts Node
// with --openssl-legacy-provider so their node:crypto cases are always measured; a run without it (e.g.
// `npx tsx bench/run.ts`) leaves them out with a warning.
import { createCipheriv, randomBytes } from "node:crypto";
import { cbc as nobleCbc, gcm as nobleGcm } from "@noble/ciphers/aes.js";
import forge from "node-forge";
import { cbc, gcm, init, rc4 } from "../../bindings/index.js";
import type { BenchCase, BenchGroup, BenchSuite } from "../types.js";

const SIZE = 16 * 1024;

/** True when this process can use OpenSSL's legacy ciphers (DES, RC2, RC4). */
function legacyAvailable(): boolean {
  try {
    createCipheriv("des-cbc", Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch {
    return false;
  }
}

function nodeCase(alg: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array): BenchCase {
  return { name: "node:crypto", fn: () => createCipheriv(alg, key, iv).setAutoPadding(false).update(data) };
}

function forgeCbcCase(
  alg: "AES-CBC" | "3DES-CBC" | "DES-CBC",
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): BenchCase {
  const k = forge.util.binary.raw.encode(key);
  const v = forge.util.binary.raw.encode(iv);
  const d = forge.util.binary.raw.encode(data);
  return {
    name: "node-forge",
    fn: () => {
      const c = forge.cipher.createCipher(alg, k);
      (c.mode as unknown as { pad: boolean }).pad = false;
      c.start({ iv: v });
      c.update(forge.util.createBuffer(d));
      c.finish();
      return c.output;
    },
  };
}

function wasslCbcCase(
  cipher: "aes" | "des" | "3des" | "rc2",
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): BenchCase {
  return {
    name: "wassl",
    fn: () => {
      const c = cbc(cipher, key, iv);
      const out = c.encrypt(data);
      c.dispose();
      return out;
    },
  };
}

const suite: BenchSuite = async () => {
  await init();
  const data = new Uint8Array(randomBytes(SIZE));
  const k16 = new Uint8Array(randomBytes(16));
  const k24 = new Uint8Array(randomBytes(24));
  const k8 = new Uint8Array(randomBytes(8));
  const iv16 = new Uint8Array(randomBytes(16));
  const iv8 = new Uint8Array(randomBytes(8));
  const nonce = new Uint8Array(randomBytes(12));
  const aad = new Uint8Array(randomBytes(13));
  const legacy = legacyAvailable();
  if (!legacy) {
    console.warn(
      "ciphers: node:crypto DES/RC2/RC4 need the OpenSSL legacy provider; run `npm run bench` (or node --openssl-legacy-provider) to include them",
    );
  }
  const aead = gcm.create(k16);
  const groups: BenchGroup[] = [
    {
      id: "aes-128-cbc encrypt 16KiB",
      bytesPerOp: SIZE,
      cases: [
        wasslCbcCase("aes", k16, iv16, data),
        nodeCase("aes-128-cbc", k16, iv16, data),
        { name: "@noble/ciphers", fn: () => nobleCbc(k16, iv16, { disablePadding: true }).encrypt(data) },
        forgeCbcCase("AES-CBC", k16, iv16, data),
      ],
      targets: [
        { vs: "@noble/ciphers", min: 2 },
        { vs: "node-forge", min: 4 },
      ],
    },
    {
      id: "aes-128-gcm encrypt 16KiB",
      bytesPerOp: SIZE,
      cases: [
        { name: "wassl", fn: () => aead.seal(nonce, data, aad) },
        {
          name: "node:crypto",
          fn: () => {
            const c = createCipheriv("aes-128-gcm", k16, nonce);
            c.setAAD(aad);
            const out = c.update(data);
            c.final();
            return [out, c.getAuthTag()];
          },
        },
        { name: "@noble/ciphers", fn: () => nobleGcm(k16, nonce, aad).encrypt(data) },
        {
          name: "node-forge",
          fn: (() => {
            const k = forge.util.binary.raw.encode(k16);
            const n = forge.util.binary.raw.encode(nonce);
            const a = forge.util.binary.raw.encode(aad);
            const d = forge.util.binary.raw.encode(data);
            return () => {
              const c = forge.cipher.createCipher("AES-GCM", k);
              c.start({ iv: n, additionalData: a, tagLength: 128 });
              c.update(forge.util.createBuffer(d));
              c.finish();
              return c.mode.tag;
            };
          })(),
        },
      ],
      targets: [{ vs: "@noble/ciphers", min: 3 }],
    },
    {
      id: "3des-cbc encrypt 16KiB",
      bytesPerOp: SIZE,
      cases: [
        wasslCbcCase("3des", k24, iv8, data),
        nodeCase("des-ede3-cbc", k24, iv8, data),
        forgeCbcCase("3DES-CBC", k24, iv8, data),
      ],
      targets: [{ vs: "node:crypto", min: 1 }],
    },
    {
      id: "des-cbc encrypt 16KiB",
      bytesPerOp: SIZE,
      cases: [
        wasslCbcCase("des", k8, iv8, data),
        ...(legacy ? [nodeCase("des-cbc", k8, iv8, data)] : []),
        forgeCbcCase("DES-CBC", k8, iv8, data),
      ],
      targets: legacy ? [{ vs: "node:crypto", min: 1 }] : [],
    },
    {
      id: "rc2-cbc encrypt 16KiB",
      bytesPerOp: SIZE,
      cases: [
        wasslCbcCase("rc2", k16, iv8, data),
        ...(legacy ? [nodeCase("rc2-cbc", k16, iv8, data)] : []),
        {
          name: "node-forge",
          fn: (() => {
            const k = forge.util.createBuffer(forge.util.binary.raw.encode(k16));
            const d = forge.util.binary.raw.encode(data);
            const v = forge.util.binary.raw.encode(iv8);
            return () => {
              const c = forge.rc2.createEncryptionCipher(k, 128);
              c.start(forge.util.createBuffer(v));
              c.update(forge.util.createBuffer(d));
              c.finish();
              return c.output;
            };
          })(),
        },
      ],
      targets: legacy ? [{ vs: "node:crypto", min: 1 }] : [],
    },
    {
      id: "rc4 16KiB",
      bytesPerOp: SIZE,
      cases: [
        {
          name: "wassl",
          fn: () => {
            const s = rc4(k16);
            const out = s.process(data);
            s.dispose();
            return out;
          },
        },
        ...(legacy ? [nodeCase("rc4", k16, null, data)] : []),
      ],
      targets: legacy ? [{ vs: "node:crypto", min: 0.8 }] : [],
    },
  ];
  return groups;
};

export default suite;
