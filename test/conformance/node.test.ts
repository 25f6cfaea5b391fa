// The conformance suite against the node:crypto reference provider. RC4, DES and RC2 exist only with
// Node's legacy OpenSSL provider (`node --openssl-legacy-provider`); they are probed, and declared
// unsupported (reported as skipped, with the reason) when absent.
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import type { OptionalCapability } from "./suite.js";
import { runProviderConformance } from "./suite.js";

const probes: Record<OptionalCapability, () => unknown> = {
  rc4: () => nodeCryptoProvider.createRc4(new Uint8Array(16)),
  des: () => nodeCryptoProvider.createCbc("des", new Uint8Array(8), new Uint8Array(8)),
  "3des": () => nodeCryptoProvider.createCbc("3des", new Uint8Array(24), new Uint8Array(8)),
  rc2: () => nodeCryptoProvider.createCbc("rc2", new Uint8Array(16), new Uint8Array(8)),
};

const unsupported: Partial<Record<OptionalCapability, string>> = {};
for (const [capability, probe] of Object.entries(probes) as [OptionalCapability, () => unknown][]) {
  try {
    probe();
  } catch (error) {
    unsupported[capability] = `node:crypto without the legacy OpenSSL provider (${(error as Error).message})`;
  }
}

runProviderConformance(nodeCryptoProvider, { unsupported });
