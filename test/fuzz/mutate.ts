// Mutation operators for fuzzing byte strings derived from valid inputs (fast-check arbitraries), and
// the run budget: CI-sized by default, `FUZZ_RUNS=<n>` (npm run fuzz) for longer campaigns.
import fc from "fast-check";

/** Number of runs for a property: `FUZZ_RUNS` when set, else the CI budget `ci`. */
export function fuzzRuns(ci: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(env) && env > 0 ? env : ci;
}

/** Per-test timeout that grows with the budget (vitest's default of 5 s suits only the CI budget). */
export function fuzzTimeout(ci: number, msPerRun: number): number {
  return Math.max(30_000, fuzzRuns(ci) * msPerRun);
}

/** One mutation of a byte string. Positions are taken modulo the length at application time. */
export type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "set"; at: number; value: number }
  | { kind: "truncate"; at: number }
  | { kind: "splice"; at: number; from: number; length: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "length"; at: number; value: number };

/** Arbitrary mutation (`length` overwrites two bytes with a big-endian value, e.g. a length field). */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("splice" as const),
    at: fc.nat(),
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant("length" as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(0, 1, 0xffff, 0x4000, 0x4001, 0x4800, 0x4801), fc.integer({ min: 0, max: 0xffff })),
  }),
);

/** Applies `m` to a copy of `bytes`; `donor` supplies spliced bytes (e.g. another flight). */
export function applyMutation(bytes: Uint8Array, m: Mutation, donor: Uint8Array = bytes): Uint8Array {
  if (bytes.length === 0) return m.kind === "insert" ? m.bytes.slice() : bytes;
  const at = m.at % bytes.length;
  const out = bytes.slice();
  switch (m.kind) {
    case "flip":
      out[at] ^= 1 << m.bit;
      return out;
    case "set":
      out[at] = m.value;
      return out;
    case "truncate":
      return out.slice(0, at);
    case "delete":
      return concat2(out.subarray(0, at), out.subarray(at + m.length));
    case "insert":
      return concat2(concat2(out.subarray(0, at), m.bytes), out.subarray(at));
    case "splice": {
      const from = donor.length ? m.from % donor.length : 0;
      return concat2(concat2(out.subarray(0, at), donor.subarray(from, from + m.length)), out.subarray(at));
    }
    case "length":
      out[at] = m.value >> 8;
      if (at + 1 < out.length) out[at + 1] = m.value & 0xff;
      return out;
  }
}

/** Applies several mutations in order. */
export function applyMutations(bytes: Uint8Array, ms: readonly Mutation[], donor?: Uint8Array): Uint8Array {
  return ms.reduce((b, m) => applyMutation(b, m, donor), bytes);
}

/** 1–4 mutations. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

function concat2(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
