// Block and stream ciphers: AES (ECB, CBC, GCM), DES/3DES, RC2, RC4. Exports are prefixed by cipher.
export { cipherSlotBase, cipherSlotCount, cipherSlotSize } from "./slots";
export { aesCbcDecrypt, aesCbcEncrypt, aesEcbDecrypt, aesEcbEncrypt, aesGetIv, aesInit, aesSetIv } from "./aes";
export { gcmAad, gcmCheckTag, gcmCtr, gcmEncrypt, gcmGhash, gcmInit, gcmStart, gcmTag } from "./gcm";
export { desCbcDecrypt, desCbcEncrypt, desEcbDecrypt, desEcbEncrypt, desInit, desSetIv } from "./des";
export { rc2CbcDecrypt, rc2CbcEncrypt, rc2EcbDecrypt, rc2EcbEncrypt, rc2Init, rc2SetIv } from "./rc2";
export { rc4Init, rc4Process } from "./rc4";
