// A node:crypto provider that counts RSA public-key imports (to observe caching of imported keys).
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import type { CryptoProvider } from "../../tls/provider.js";

/** The node:crypto provider, with the number of `importRsaPublicKey` calls made through it so far. */
export function countingProvider(): { provider: CryptoProvider; imports: () => number } {
  let imports = 0;
  const provider: CryptoProvider = {
    ...nodeCryptoProvider,
    importRsaPublicKey: (key) => {
      imports++;
      return nodeCryptoProvider.importRsaPublicKey(key);
    },
  };
  return { provider, imports: () => imports };
}
