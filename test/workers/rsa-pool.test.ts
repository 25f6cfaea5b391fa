// RsaWorkerPool: the pooled key answers like the key on this thread, serves a TLS server's handshakes,
// spreads concurrent operations over its workers (queueing beyond two per worker), refuses work once
// closed, and refuses to start with a key whose components do not match (the workers' self-test).
import * as crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init, RsaPrivateKey } from "../../bindings/index.js";
import { DEMO_CA_PEM, DEMO_SERVER_CERT_PEM, DEMO_SERVER_KEY_PEM } from "../../cli/demo-credentials.js";
import { RsaWorkerPool } from "../../tls/workers/rsa-pool.js";
import { decodeRsaPrivateKeyPem } from "../../tls/x509/keys.js";
import { rsaWorkerBundleUrl } from "../support/rsa-worker-bundle.js";
import { handshakePair } from "../support/tls-pair.js";

const components = decodeRsaPrivateKeyPem(DEMO_SERVER_KEY_PEM);
const publicKey = crypto.createPublicKey(DEMO_SERVER_CERT_PEM);

describe("RsaWorkerPool", () => {
  let pool: RsaWorkerPool;
  let local: RsaPrivateKey;
  beforeAll(async () => {
    await init();
    local = RsaPrivateKey.fromComponents(components);
    pool = await RsaWorkerPool.create(components, { size: 2, workerUrl: rsaWorkerBundleUrl() });
  }, 60_000);
  afterAll(async () => {
    await pool.close();
    local.dispose();
  });

  it("decrypts premasters and signs exactly like the key on this thread", async () => {
    const premaster = new Uint8Array(crypto.randomBytes(48));
    premaster[0] = 3;
    premaster[1] = 3;
    const ciphertext = new Uint8Array(
      crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, premaster),
    );
    const pooled = pool.privateKey;
    expect(Buffer.from(await pooled.decryptTlsPremaster(ciphertext, 0x0303)).toString("hex")).toBe(
      Buffer.from(premaster).toString("hex"),
    );
    const digest = new Uint8Array(crypto.createHash("sha256").update("pool").digest());
    const signature = await pooled.signPkcs1v15("sha256", digest);
    expect(Buffer.from(signature).toString("hex")).toBe(
      Buffer.from(local.signDigestPkcs1v15("sha256", digest)).toString("hex"),
    );
    const pss = await pooled.signPss("sha256", digest);
    expect(local.publicKey.verifyDigestPss("sha256", digest, pss)).toBe(true);
    expect(pooled.bits).toBe(2048);
  });

  it("answers concurrent operations (spread over the workers), each with its own result", async () => {
    const inputs = Array.from({ length: 8 }, () => {
      const pm = new Uint8Array(crypto.randomBytes(48));
      pm[0] = 3;
      pm[1] = 1;
      return pm;
    });
    const outputs = await Promise.all(
      inputs.map((pm) =>
        pool.privateKey.decryptTlsPremaster(
          new Uint8Array(crypto.publicEncrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, pm)),
          0x0301,
        ),
      ),
    );
    expect(outputs.map((o) => Buffer.from(o).toString("hex"))).toEqual(
      inputs.map((i) => Buffer.from(i).toString("hex")),
    );
  });

  it("posts at most two operations to a worker and queues the rest for the first free worker", async () => {
    const one = await RsaWorkerPool.create(components, { size: 1, workerUrl: rsaWorkerBundleUrl() });
    try {
      const digests = Array.from({ length: 6 }, (_, i) => new Uint8Array(32).fill(i));
      const signatures = digests.map((d) => one.privateKey.signPkcs1v15("sha256", d));
      expect(one.queued).toBe(4);
      const results = await Promise.all(signatures);
      expect(one.queued).toBe(0);
      expect(results.map((r) => Buffer.from(r).toString("hex"))).toEqual(
        digests.map((d) => Buffer.from(local.signDigestPkcs1v15("sha256", d)).toString("hex")),
      );
    } finally {
      await one.close();
    }
  }, 60_000);

  it("serves a TLS 1.2 server's handshake (the engine awaits the pooled premaster decryption)", async () => {
    const pair = await handshakePair(
      { ca: DEMO_CA_PEM, servername: "localhost" },
      { cert: DEMO_SERVER_CERT_PEM, key: pool.privateKey },
    );
    expect(pair.clientLog.handshake?.cipherSuite.name).toBeDefined();
    expect(pair.serverLog.handshake?.version).toBe("TLSv1.2");
    await pair.client.write(new TextEncoder().encode("hello pool"));
    await pair.settle();
    expect(new TextDecoder().decode(pair.received("server"))).toBe("hello pool");
  });

  it("rejects operations after close()", async () => {
    const other = await RsaWorkerPool.create(components, { size: 1, workerUrl: rsaWorkerBundleUrl() });
    await other.close();
    await expect(other.privateKey.decryptTlsPremaster(new Uint8Array(256), 0x0303)).rejects.toMatchObject({
      code: "ERR_WASSL_POOL_CLOSED",
    });
  }, 60_000);

  it("does not start with inconsistent key components (the startup self-test signs once)", async () => {
    const dp = new Uint8Array(components.dp);
    dp[dp.length - 1] ^= 0x02;
    await expect(
      RsaWorkerPool.create({ ...components, dp }, { size: 1, workerUrl: rsaWorkerBundleUrl() }),
    ).rejects.toMatchObject({ code: "ERR_WASSL_RSA_FAULT" });
  }, 60_000);
});
