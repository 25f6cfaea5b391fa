// Size budget (issue 7): the crypto core as shipped — `wassl/crypto` with both WASM builds embedded and
// the bindings JS, minified — stays within SIZE_BUDGET_GZIP gzipped. Table in docs/SIZE.md.
import { beforeAll, describe, expect, it } from "vitest";
import { measureSizes, SIZE_BUDGET_GZIP, type SizeReport } from "../../scripts/size-report.js";

describe("size budget", () => {
  let report: SizeReport;
  beforeAll(async () => {
    report = await measureSizes();
  });

  it("measures the shipped crypto core with both builds embedded", () => {
    const row = (name: string) => report.rows.find((r) => r.name === name);
    const wasmRaw = (row("wasm scalar")?.raw ?? 0) + (row("wasm simd")?.raw ?? 0);
    // Base64 makes 4 characters of 3 bytes: a core smaller than that cannot contain both builds.
    expect(report.cryptoCore.raw).toBeGreaterThan((wasmRaw * 4) / 3);
    expect(report.cryptoCore.gzip).toBeGreaterThan(
      report.cryptoCoreAsFiles.gzip - (row("wassl/crypto JS only")?.gzip ?? 0),
    );
  });

  it(`keeps the crypto core within ${SIZE_BUDGET_GZIP / 1000} KB gzipped`, () => {
    expect(report.cryptoCore.gzip).toBeLessThanOrEqual(SIZE_BUDGET_GZIP);
  });
});
