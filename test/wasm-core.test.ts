import { describe, expect, it } from "vitest";
import { activeBuild, init, isInitialized } from "../bindings/index.js";
import { wasmExports } from "../bindings/wasm.js";

describe("wasm core loading", () => {
  it("throws a clear error naming init() before init", () => {
    // vitest isolates modules per test file, so nothing has initialized the core yet.
    expect(isInitialized()).toBe(false);
    expect(() => wasmExports()).toThrow(/await init\(\)/);
  });

  it("loads the SIMD build where supported and the scalar build on request", async () => {
    await init();
    expect(isInitialized()).toBe(true);
    expect(activeBuild()).toBe("simd");
    expect(wasmExports<{ hasSimd(): number }>().hasSimd()).toBe(1);
    await init({ build: "scalar" });
    expect(activeBuild()).toBe("scalar");
    expect(wasmExports<{ hasSimd(): number }>().hasSimd()).toBe(0);
  });
});
