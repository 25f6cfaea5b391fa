// RSA key generation driven from TypeScript: WASM tests one prime candidate per call, so the loop
// can report progress and yield to the event loop between candidates.
import type { RsaPrivateComponents } from "../../tls/provider.js";
import { WasslError } from "../errors.js";
import { ioRegion, wasmExports } from "../wasm.js";
import type { RsaExports } from "./exports.js";
import { RsaPrivateKey } from "./private-key.js";

/** Progress of {@link generateRsaKey}. */
export interface RsaKeygenProgress {
  /** The prime being searched: `"p"`, `"q"`, or `"done"` when the key is complete. */
  phase: "p" | "q" | "done";
  /** Candidates tried so far for this key (across both primes). */
  candidates: number;
}

/** Options for {@link generateRsaKey}. */
export interface GenerateRsaKeyOptions {
  /** Called after every candidate and once at the end. */
  onProgress?: (progress: RsaKeygenProgress) => void;
  /** Milliseconds of work between yields to the event loop (default 10). */
  sliceMs?: number;
}

const E = 65537;
const E_BYTES = new Uint8Array([1, 0, 1]);
const COMPONENTS = ["n", "d", "p", "q", "dp", "dq", "qinv"] as const;

/**
 * Generates an RSA key with e = 65537 and a modulus of `bits` bits (512–4096, a multiple of 16):
 * random probable primes (trial division, then Miller–Rabin with FIPS 186-4 Table C.3 rounds),
 * |p − q| > 2^(bits/2 − 100), CRT components computed in WASM.
 * @example
 * const key = await generateRsaKey(2048, { onProgress: (p) => console.log(p.phase, p.candidates) });
 */
export async function generateRsaKey(bits = 2048, options: GenerateRsaKeyOptions = {}): Promise<RsaPrivateKey> {
  if (!Number.isInteger(bits) || bits < 512 || bits > 4096 || bits % 16 !== 0) {
    throw new WasslError("ERR_WASSL_RSA_KEYGEN", "RSA key size must be a multiple of 16 between 512 and 4096 bits");
  }
  const x = wasmExports<RsaExports>();
  const sliceMs = options.sliceMs ?? 10;
  const primeBits = bits / 2;
  let candidates = 0;
  let sliceStart = performance.now();
  try {
    for (;;) {
      for (const [which, phase] of [
        [0, "p"],
        [1, "q"],
      ] as const) {
        for (;;) {
          candidates++;
          const found = x.rsaKeygenCandidate(primeBits, which, E) === 1;
          options.onProgress?.({ phase, candidates });
          if (performance.now() - sliceStart >= sliceMs) {
            await new Promise((resolve) => setTimeout(resolve, 0));
            sliceStart = performance.now();
          }
          if (found) break;
        }
      }
      if (x.rsaKeygenFinish(E) === 0) break;
    }
    const io = ioRegion();
    const c: Record<string, Uint8Array> = { e: E_BYTES.slice() };
    COMPONENTS.forEach((name, which) => {
      const len = x.rsaKeygenComponent(which, io.ptr);
      c[name] = io.bytes.slice(0, len);
      io.bytes.fill(0, 0, len);
    });
    options.onProgress?.({ phase: "done", candidates });
    return RsaPrivateKey.fromComponents(c as unknown as RsaPrivateComponents);
  } finally {
    x.rsaKeygenWipe();
  }
}
