// THE switch: which CryptoProvider the adapter and interop tests run on. Default: the WASM provider
// (the engine's default). The reference alternative is `nodeCryptoProvider` (bindings/node-provider.ts),
// which lacks RC4 and single DES unless Node runs with --openssl-legacy-provider.
import { wasmProvider } from "../../bindings/provider.js";
import { init } from "../../bindings/wasm.js";
import type { CryptoProvider } from "../../tls/provider.js";

/** The provider every interop test passes to wassl connections. */
export const interopProvider: CryptoProvider = wasmProvider;

// The WASM provider answers only after init; done at import so that test collection can probe it.
await init();

/** Kept for suites' `beforeAll`: a hook for providers that need asynchronous preparation. */
export async function initInteropProvider(): Promise<void> {}

function works(probe: () => unknown): boolean {
  try {
    probe();
    return true;
  } catch {
    return false;
  }
}

/**
 * Ciphers the provider can actually run here; suites needing a missing one are skipped with the
 * reason in their title (node:crypto has RC4 and single DES only under --openssl-legacy-provider).
 */
export const providerSupports = {
  rc4: works(() => interopProvider.createRc4(new Uint8Array(16)).dispose()),
  des: works(() => interopProvider.createCbc("des", new Uint8Array(8), new Uint8Array(8)).dispose()),
  "3des": works(() => interopProvider.createCbc("3des", new Uint8Array(24), new Uint8Array(8)).dispose()),
};
