// wassl/webcrypto over the node:crypto reference provider.
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { describeWebCrypto } from "./suite.js";

describeWebCrypto(nodeCryptoProvider);
