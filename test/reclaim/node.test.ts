// reclaim's client through the wassl backend, with the node:crypto reference provider underneath.
import { nodeCryptoProvider } from "../../bindings/node-provider.js";
import { describeReclaimBackend } from "./suite.js";

describeReclaimBackend(nodeCryptoProvider);
