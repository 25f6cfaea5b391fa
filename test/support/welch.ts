// Statistics for the dudect-style timing checks (test/rsa/premaster-timing.test.ts, scripts/ct-report.ts).

/** Welch's t statistic of two samples. */
export function welchT(a: number[], b: number[]): number {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const variance = (x: number[], m: number) => x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
  const ma = mean(a);
  const mb = mean(b);
  return (ma - mb) / Math.sqrt(variance(a, ma) / a.length + variance(b, mb) / b.length);
}

/** Drops the slowest 10% of a sample (scheduler and GC outliers), as dudect's cropping does. */
export function crop(x: number[]): number[] {
  return [...x].sort((p, q) => p - q).slice(0, Math.floor(x.length * 0.9));
}
