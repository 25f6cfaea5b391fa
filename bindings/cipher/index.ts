// Block and stream ciphers: CBC, GCM, RC4 and raw ECB block functions.
export { BLOCK_CIPHERS } from "./block.js";
export { CbcContext, cbc } from "./cbc.js";
export { EcbContext, ecb } from "./ecb.js";
export type { GcmCipher } from "./gcm.js";
export { GCM_TAG_LENGTH, GcmAead, gcm } from "./gcm.js";
export { Rc4Context, rc4 } from "./rc4.js";
