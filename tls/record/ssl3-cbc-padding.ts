// SSL 3.0 CBC padding (RFC 6101 §5.2.3.2): the padding bytes are arbitrary and only the length is
// checked (padding_length < block length). Receivers cannot verify the padding content: this is what
// POODLE (CVE-2014-3566) exploits, and why SSL 3.0 is only available with `legacy: true`.
import { leMask, type PaddingCheck } from "./cbc-padding.js";

/** A padding check for `blockLength`-byte blocks, in the constant-time mask style of TLS's. */
export function ssl3PaddingCheck(blockLength: number): (plain: Uint8Array, macLength: number) => PaddingCheck {
  return (plain, macLength) => {
    const padLen = plain[plain.length - 1];
    const good = leMask(padLen + 1, blockLength) & leMask(padLen + 1 + macLength, plain.length);
    return { paddingLength: padLen & good, goodMask: good };
  };
}
