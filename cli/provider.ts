// The CryptoProvider the CLI runs on.
import { wasmProvider } from "../bindings/provider.js";
import { init } from "../bindings/wasm.js";
import type { CryptoProvider } from "../tls/provider.js";

/** Loads the WebAssembly core and returns the provider `wassl client` / `wassl server` use. */
export async function loadCliProvider(): Promise<CryptoProvider> {
  await init();
  return wasmProvider;
}
