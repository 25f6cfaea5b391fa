// The CryptoProvider the CLI runs on, and a shim for the node:crypto reference provider.
import { wasmProvider } from "../bindings/provider.js";
import { init } from "../bindings/wasm.js";
import type { CryptoProvider } from "../tls/provider.js";

/** Loads the WebAssembly core and returns the provider `wassl client` / `wassl server` use. */
export async function loadCliProvider(): Promise<CryptoProvider> {
  await init();
  return wasmProvider;
}

/**
 * A provider whose keyed constructors receive private copies of their keys. The engine wipes key
 * material right after creating the record protection (tls/handshake/context.ts `deriveKeys`), and the
 * node:crypto reference provider (bindings/node-provider.ts) keeps references to the caller's arrays
 * (NodeGcm, NodeCbc, NodeRc4 key lazily), so without the copy it runs on zeroed keys — which still
 * interoperates wassl↔wassl but fails against every real peer with bad_record_mac. Wrap it with this
 * (`withCopiedKeys(nodeCryptoProvider)`) until that provider copies its keys itself.
 */
export function withCopiedKeys(provider: CryptoProvider): CryptoProvider {
  return {
    ...provider,
    createHmac: (name, key) => provider.createHmac(name, key.slice()),
    createCbc: (cipher, key, iv, options) => provider.createCbc(cipher, key.slice(), iv.slice(), options),
    createGcm: (key) => provider.createGcm(key.slice()),
    createRc4: (key) => provider.createRc4(key.slice()),
  };
}
