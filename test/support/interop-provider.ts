// THE switch: which CryptoProvider the adapter and interop tests run on. Flip it to the WASM
// provider (`wasmProvider` from bindings/provider.ts) once that lands; nothing else needs to change.
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { withCopiedKeys } from "../../cli/provider.js";
import type { CryptoProvider } from "../../tls/provider.js";

/** The provider every interop test passes to wassl connections. */
export const interopProvider: CryptoProvider = withCopiedKeys(nodeCryptoProvider);

/** Prepares the provider (the WASM one needs `await init()`); call in `beforeAll`. */
export async function initInteropProvider(): Promise<void> {
  // nodeCryptoProvider needs nothing. With the WASM provider: `await init()` from bindings/wasm.js.
}

function works(probe: () => unknown): boolean {
  try {
    probe();
    return true;
  } catch {
    return false;
  }
}

/**
 * Ciphers the provider can actually run here. node:crypto has RC4 and single DES only under
 * `node --openssl-legacy-provider`, so suites using them are skipped (with the reason in the title)
 * until the WASM provider is switched in.
 */
export const providerSupports = {
  rc4: works(() => interopProvider.createRc4(new Uint8Array(16))),
  des: works(() => interopProvider.createCbc("des", new Uint8Array(8), new Uint8Array(8))),
  "3des": works(() => interopProvider.createCbc("3des", new Uint8Array(24), new Uint8Array(8))),
};
