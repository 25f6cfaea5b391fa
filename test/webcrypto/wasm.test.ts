// wassl/webcrypto over the WASM provider, against node's crypto.subtle; and the package entry's default
// `subtle` instance.
import { webcrypto } from "node:crypto";
import { expect, it } from "vitest";
import { wasmProvider } from "../../bindings/provider.js";
import { init, subtle } from "../../bindings/webcrypto/index.js";
import { describeWebCrypto } from "./suite.js";

await init();
describeWebCrypto(wasmProvider);

it("wassl/webcrypto's default subtle runs on the WASM provider", async () => {
  const data = new TextEncoder().encode("wassl/webcrypto");
  expect(new Uint8Array(await subtle.digest("SHA-384", data))).toEqual(
    new Uint8Array(await webcrypto.subtle.digest("SHA-384", data)),
  );
});
