// dudect-style timing report (issue 8): Welch's t-statistic between two classes of secret inputs for
// the premaster decryption, the CBC record check and equalBytes, measured interleaved in random order
// and cropped at the 90th percentile. Report only: nothing here passes or fails. |t| below ~4.5 means
// no timing difference was detected at this sample size (dudect's threshold); a larger |t| on a busy
// machine should be re-measured before it is believed. `CT_SAMPLES=<n>` sets the samples per class.
import * as crypto from "node:crypto";
import { equalBytes } from "../bindings/equal.js";
import { wasmProvider } from "../bindings/provider.js";
import { RsaPrivateKey } from "../bindings/rsa/private-key.js";
import { init } from "../bindings/wasm.js";
import { forgeCbcRecord } from "../test/support/cbc-forge.js";
import { testPki } from "../test/support/certs.js";
import { crop, welchT } from "../test/support/welch.js";
import { CbcProtection } from "../tls/record/cbc-protection.js";
import { SequenceNumber } from "../tls/record/sequence-number.js";
import { decodeRsaPrivateKeyPem } from "../tls/x509/keys.js";

const SAMPLES = Number(process.env.CT_SAMPLES ?? 3000);

const median = (x: number[]) => [...x].sort((p, q) => p - q)[Math.floor(x.length / 2)];

/** Times `run(class)` for both classes, interleaved at random; returns the t statistic and medians. */
function measure(name: string, samples: number, run: (which: 0 | 1) => void, repeat = 1) {
  for (let i = 0; i < Math.min(200, samples); i++) run((i & 1) as 0 | 1); // warm-up
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < 2 * samples; i++) {
    const which = crypto.randomInt(2) as 0 | 1;
    const start = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) run(which);
    times[which].push(Number(process.hrtime.bigint() - start) / repeat);
  }
  const t = welchT(crop(times[0]), crop(times[1]));
  console.log(
    `${name.padEnd(58)} |t| = ${Math.abs(t).toFixed(2).padStart(6)}   median ${median(times[0]).toFixed(0).padStart(8)} ns vs ${median(times[1]).toFixed(0).padStart(8)} ns   n = ${times[0].length}/${times[1].length}`,
  );
}

await init();
console.log(`wassl ct-report — ${process.version}, ${SAMPLES} samples per class (CT_SAMPLES)\n`);

// 1. RSA premaster: valid PKCS#1 block vs invalid (random block), RFC 5246 §7.4.7.1.
{
  const pki = testPki();
  const key = RsaPrivateKey.fromComponents(decodeRsaPrivateKeyPem(pki.serverKey));
  const pub = crypto.createPublicKey(pki.serverCert);
  const premaster = new Uint8Array(48);
  premaster.set([3, 3]);
  const valid = crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, premaster);
  const invalid = crypto.publicEncrypt(
    { key: pub, padding: crypto.constants.RSA_NO_PADDING },
    new Uint8Array(256).fill(0x42),
  );
  const inputs = [new Uint8Array(valid), new Uint8Array(invalid)];
  measure("RSA-2048 premaster: valid vs bad padding", Math.min(SAMPLES, 400), (w) =>
    key.decryptTlsPremaster(inputs[w], 0x0303),
  );
  const wrongVersion = new Uint8Array(
    crypto.publicEncrypt(
      { key: pub, padding: crypto.constants.RSA_PKCS1_PADDING },
      premaster.map((b, i) => (i === 1 ? 1 : b)),
    ),
  );
  const pair2 = [inputs[0], wrongVersion];
  measure("RSA-2048 premaster: valid vs wrong version", Math.min(SAMPLES, 400), (w) =>
    key.decryptTlsPremaster(pair2[w], 0x0303),
  );
  key.dispose();
}

// 2. CBC records (AES-128-CBC, HMAC-SHA1, TLS 1.2) through CbcProtection.open on the WASM provider.
{
  const macKey = new Uint8Array(crypto.randomBytes(20));
  const encKey = new Uint8Array(crypto.randomBytes(16));
  const protection = new CbcProtection(
    wasmProvider.createCbc("aes", encKey, new Uint8Array(16)),
    wasmProvider.createHmac("sha1", macKey),
    0x0303,
    { blockLength: 64, lengthFieldBytes: 8 },
    (n) => wasmProvider.randomBytes(n),
    (a, b) => wasmProvider.constantTimeEqual(a, b),
  );
  const seq = new SequenceNumber();
  const forge = (padLength: number, bad: { badPadding?: boolean; badMac?: boolean }) => {
    let content = 1024 - 20 - padLength - 1;
    while ((content + 20 + padLength + 1) % 16 !== 0) content--;
    return forgeCbcRecord({ macKey, encKey, seq: 0, content: new Uint8Array(content), padLength, ...bad }).subarray(5);
  };
  const open = (fragment: Uint8Array) => {
    try {
      protection.open(23, 0x0303, seq, fragment);
    } catch {
      // bad_record_mac, expected for both classes
    }
  };
  const padVsMac = [forge(15, { badPadding: true }), forge(15, { badMac: true })];
  measure("CBC record (1 KiB): bad padding vs bad MAC", SAMPLES, (w) => open(padVsMac[w]));
  const shortVsLong = [forge(0, { badMac: true }), forge(255, { badMac: true })];
  measure("CBC record (1 KiB): bad MAC, padding 0 vs 255 (Lucky13)", SAMPLES, (w) => open(shortVsLong[w]));
  const goodVsBad = [forge(15, {}), forge(15, { badMac: true })];
  measure("control — CBC valid vs bad MAC (public outcome, differs)", SAMPLES, (w) => open(goodVsBad[w]));
  protection.dispose();
}

// 3. equalBytes (Finished verify_data and MAC comparisons).
{
  const a = new Uint8Array(crypto.randomBytes(32));
  const equal = a.slice();
  const differ = a.slice();
  differ[0] ^= 0xff;
  const pair = [equal, differ];
  measure("equalBytes (32 B): equal vs first byte differs", SAMPLES * 4, (w) => equalBytes(a, pair[w]), 200);
  const last = a.slice();
  last[31] ^= 1;
  const pair2 = [differ, last];
  measure("equalBytes (32 B): first vs last byte differs", SAMPLES * 4, (w) => equalBytes(a, pair2[w]), 200);
}
