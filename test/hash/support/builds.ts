// The two WASM builds every hash test runs on.
import { activeBuild, init, type WasmBuild } from "../../../bindings/index.js";

/** Both builds: SIMD (the default where supported) and scalar (`init({ build: "scalar" })`). */
export const BUILDS: readonly WasmBuild[] = ["simd", "scalar"];

/** Switches the loaded core to `build`. */
export async function useBuild(build: WasmBuild): Promise<void> {
  await init({ build });
  if (activeBuild() !== build) throw new Error(`expected the ${build} build, got ${activeBuild()}`);
}
