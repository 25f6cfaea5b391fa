// In-page known-answer checks: the test sends a few vectors per primitive (from test/vectors/conformance/)
// and the page runs them through the WASM provider, reporting one result per vector.
import { wasmProvider } from "../../../bindings/provider.js";
import type { BlockCipherName, HashName } from "../../../tls/provider.js";
import { decodeRsaPrivateKeyPem } from "../../../tls/x509/keys.js";

type Hex = string;

/** A block-cipher CBC known answer (no padding). */
export interface CbcVector {
  cipher: BlockCipherName;
  key: Hex;
  iv: Hex;
  pt: Hex;
  ct: Hex;
  effectiveBits?: number;
}

/** What the test sends to the page: hex strings only (plain JSON across `page.evaluate`). */
export interface BrowserVectors {
  hashes: { name: HashName; msg: Hex; digest: Hex }[];
  hmacs: { name: HashName; key: Hex; msg: Hex; tag: Hex }[];
  prfTls12: { hash: "sha256" | "sha384"; secret: Hex; label: string; seed: Hex; out: Hex }[];
  cbc: CbcVector[];
  rc4: { key: Hex; pt: Hex; ct: Hex }[];
  gcm: { key: Hex; iv: Hex; aad: Hex; msg: Hex; ct: Hex; tag: Hex; valid: boolean }[];
  rsaVerify: { n: Hex; e: Hex; msg: Hex; sig: Hex; valid: boolean }[];
  /** A PKCS#8 RSA key for sign→verify and encrypt→premaster-decrypt round trips. */
  rsaPrivateKeyPem: string;
}

/** One vector's outcome; `detail` says what differed. */
export interface VectorResult {
  primitive: string;
  ok: boolean;
  detail?: string;
}

const fromHex = (hex: Hex): Uint8Array => {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
};
const toHex = (bytes: Uint8Array): Hex => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Compares a computed value with the expected hex (case-insensitive). */
function check(primitive: string, got: Uint8Array | null, want: Hex): VectorResult {
  const hex = got === null ? "null" : toHex(got);
  return hex === want.toLowerCase() ? { primitive, ok: true } : { primitive, ok: false, detail: `${hex} ≠ ${want}` };
}

/** Runs every vector through the WASM provider of the build currently loaded. */
export async function runVectors(v: BrowserVectors): Promise<VectorResult[]> {
  const p = wasmProvider;
  const results: VectorResult[] = [];
  for (const h of v.hashes) results.push(check(`hash ${h.name}`, p.hash(h.name, fromHex(h.msg)), h.digest));
  for (const h of v.hmacs) {
    const mac = p.createHmac(h.name, fromHex(h.key));
    results.push(check(`hmac ${h.name}`, mac.update(fromHex(h.msg)).digest(), h.tag));
    mac.dispose();
  }
  for (const f of v.prfTls12) {
    const out = p.prfTls12(f.hash, fromHex(f.secret), f.label, fromHex(f.seed), f.out.length / 2);
    results.push(check(`prf tls12 ${f.hash}`, out, f.out));
  }
  for (const c of v.cbc) {
    const options = c.effectiveBits === undefined ? undefined : { effectiveBits: c.effectiveBits };
    const enc = p.createCbc(c.cipher, fromHex(c.key), fromHex(c.iv), options);
    results.push(check(`cbc ${c.cipher} encrypt`, enc.encrypt(fromHex(c.pt)), c.ct));
    enc.dispose();
    const dec = p.createCbc(c.cipher, fromHex(c.key), fromHex(c.iv), options);
    results.push(check(`cbc ${c.cipher} decrypt`, dec.decrypt(fromHex(c.ct)), c.pt));
    dec.dispose();
  }
  for (const r of v.rc4) {
    const rc4 = p.createRc4(fromHex(r.key));
    results.push(check("rc4", rc4.process(fromHex(r.pt)), r.ct));
    rc4.dispose();
  }
  for (const g of v.gcm) {
    const aead = p.createGcm(fromHex(g.key));
    const opened = aead.open(fromHex(g.iv), fromHex(g.ct + g.tag), fromHex(g.aad));
    if (g.valid) {
      results.push(check("gcm seal", aead.seal(fromHex(g.iv), fromHex(g.msg), fromHex(g.aad)), g.ct + g.tag));
      results.push(check("gcm open", opened, g.msg));
    } else {
      results.push(check("gcm open rejects", opened, "null"));
    }
    aead.dispose();
  }
  for (const s of v.rsaVerify) {
    const key = p.importRsaPublicKey({ n: fromHex(s.n), e: fromHex(s.e) });
    const ok = key.verifyPkcs1v15("sha256", p.hash("sha256", fromHex(s.msg)), fromHex(s.sig));
    results.push({ primitive: "rsa verify pkcs1", ok: ok === s.valid, detail: `verified ${ok}` });
    key.dispose?.();
  }
  results.push(...(await rsaRoundTrips(v.rsaPrivateKeyPem)));
  return results;
}

/** Sign→verify (PKCS#1 v1.5, PSS) and encrypt→premaster-decrypt with one private key. */
async function rsaRoundTrips(pem: string): Promise<VectorResult[]> {
  const p = wasmProvider;
  const key = p.importRsaPrivateKey(decodeRsaPrivateKeyPem(pem));
  const digest = p.hash("sha256", new TextEncoder().encode("wassl in a browser"));
  const wrong = p.hash("sha256", new TextEncoder().encode("something else"));
  const pkcs1 = await key.signPkcs1v15("sha256", digest);
  const pss = await key.signPss("sha256", digest);
  const premaster = p.randomBytes(48);
  premaster.set([3, 3]);
  const decrypted = await key.decryptTlsPremaster(key.publicKey.encryptPkcs1v15(premaster), 0x0303);
  const results: VectorResult[] = [
    { primitive: "rsa sign pkcs1", ok: key.publicKey.verifyPkcs1v15("sha256", digest, pkcs1) },
    { primitive: "rsa sign pkcs1", ok: !key.publicKey.verifyPkcs1v15("sha256", wrong, pkcs1) },
    { primitive: "rsa sign pss", ok: key.publicKey.verifyPss("sha256", digest, pss) },
    { primitive: "rsa sign pss", ok: !key.publicKey.verifyPss("sha256", wrong, pss) },
    check("rsa premaster", decrypted, toHex(premaster)),
  ];
  key.dispose?.();
  return results;
}
