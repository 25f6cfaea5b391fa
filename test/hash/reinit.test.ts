// Re-instantiating the core (switching builds) must not let a finalizer of a context from the earlier
// instance free — and wipe — a slot that a context of the new instance now holds.
import { createHash } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { toHex } from "../../bindings/bytes.js";
import { init, sha256 } from "../../bindings/index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

it("a context leaked before re-initialization does not corrupt one created after it", async () => {
  await init({ build: "simd" });
  (() => {
    sha256.create().update(new Uint8Array([1, 2, 3])); // never disposed: its finalizer runs later
  })();
  await init({ build: "scalar" });
  const live = sha256.create().update(new TextEncoder().encode("abc")); // same slot index, new instance
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(toHex(live.digest())).toBe(createHash("sha256").update("abc").digest("hex"));
});
