// Byte-string helpers for X.509 (re-exported from the shared ones).
export { concatBytes, toHex } from "../../bindings/bytes.js";
export { equalBytes } from "../../bindings/equal.js";
