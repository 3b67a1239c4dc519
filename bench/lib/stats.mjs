// Small statistics for the benchmarks: medians of whole-process runs, percentiles of latencies.

/** The median; for an even count, the mean of the two middle values. */
export function median(xs) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The p-th percentile by nearest rank: the smallest value with at least p% of the values at or below it. */
export function percentile(xs, p) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Milliseconds since a `process.hrtime.bigint()` start. */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
