// The CryptoProvider the CLI runs on: the single place to switch it to the WASM provider
// (`wasmProvider` from bindings/provider.ts) once that is merged.
import { nodeCryptoProvider } from "../bindings/node-provider.js";
import type { CryptoProvider } from "../tls/provider.js";

/**
 * A provider whose keyed constructors receive private copies of their keys. The engine wipes key
 * material right after creating the record protection (tls/handshake/context.ts `deriveKeys`), and the
 * node:crypto reference provider keeps references to the caller's arrays (NodeGcm, NodeCbc, NodeRc4
 * key them lazily), so without the copy they would run on zeroed keys — which still interoperates
 * wassl↔wassl but fails against every real peer with bad_record_mac.
 */
export function withCopiedKeys(provider: CryptoProvider): CryptoProvider {
  return {
    ...provider,
    name: provider.name,
    createHmac: (name, key) => provider.createHmac(name, key.slice()),
    createCbc: (cipher, key, iv, options) => provider.createCbc(cipher, key.slice(), iv.slice(), options),
    createGcm: (key) => provider.createGcm(key.slice()),
    createRc4: (key) => provider.createRc4(key.slice()),
  };
}

/** The provider `wassl client` / `wassl server` use. */
export const cliProvider: CryptoProvider = withCopiedKeys(nodeCryptoProvider);
