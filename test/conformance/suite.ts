// The CryptoProvider conformance suite: one set of vector and property tests, parameterized by the
// provider, so the WASM provider, the node:crypto reference provider and any third-party provider are
// held to the same contract (tls/provider.ts, documented in docs/PROVIDER.md).
import { describe, it } from "vitest";
import type { CryptoProvider } from "../../tls/provider.js";
import { registerCipherTests } from "./ciphers.js";
import { registerHandshakeTests } from "./handshake.js";
import { registerHashTests } from "./hashes.js";
import { registerPrfTests } from "./prf.js";
import { registerRsaTests } from "./rsa.js";

/**
 * Optional capabilities. A provider may lack them (node:crypto without the legacy OpenSSL provider has
 * no DES, RC2 or RC4); the run declares them with a reason and the suite reports those tests as skipped.
 */
export type OptionalCapability = "des" | "3des" | "rc2" | "rc4";

/** How a provider run is configured. */
export interface ConformanceOptions {
  /** Capabilities this provider does not offer, each with the reason shown in the skipped test's name. */
  unsupported?: Partial<Record<OptionalCapability, string>>;
}

/** Declares tests for a capability: real tests when supported, one visible skipped test otherwise. */
export type CapabilityGate = (capability: OptionalCapability, register: () => void) => void;

/**
 * Registers the whole conformance suite (vitest `describe`/`it`) for `provider`. Call it from a
 * `*.test.ts` file:
 *
 * ```ts
 * import { runProviderConformance } from "../test/conformance/suite.js";
 * runProviderConformance(myProvider, { unsupported: { rc4: "no RC4 in this backend" } });
 * ```
 */
export function runProviderConformance(provider: CryptoProvider, options: ConformanceOptions = {}): void {
  const gate: CapabilityGate = (capability, register) => {
    const reason = options.unsupported?.[capability];
    if (reason === undefined) register();
    else it.skip(`${capability}: unsupported by this provider — ${reason}`, () => {});
  };
  describe(`CryptoProvider conformance: ${provider.name}`, () => {
    registerHashTests(provider);
    registerPrfTests(provider);
    registerCipherTests(provider, gate);
    registerRsaTests(provider);
    registerHandshakeTests(provider, gate);
  });
}
