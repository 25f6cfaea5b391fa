// The RSA and bignum exports of the WebAssembly core (assembly/rsa, assembly/bignum).

/** @internal Exports used by the RSA bindings. */
export interface RsaExports {
  rsaKeySlotBase(): number;
  rsaKeySlotCount(): number;
  rsaKeySlotSize(): number;
  rsaKeySetComponent(slot: number, which: number, src: number, len: number): number;
  rsaKeyPreparePublic(slot: number): number;
  rsaKeyPreparePrivate(slot: number): number;
  rsaPublic(slot: number, src: number, dst: number): number;
  rsaPrivate(slot: number, src: number, dst: number): number;
  rsaDecryptTlsPremaster(slot: number, src: number, len: number, clientVersion: number, dst: number): void;
  rsaDecryptPkcs1(slot: number, src: number, len: number, dst: number): number;
  rsaKeygenCandidate(primeBits: number, which: number, e: number): number;
  rsaKeygenFinish(e: number): number;
  rsaKeygenComponent(which: number, dst: number): number;
  rsaKeygenWipe(): void;
}
