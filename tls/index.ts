// wassl — the TLS engine.
export type * from "./provider.js";
