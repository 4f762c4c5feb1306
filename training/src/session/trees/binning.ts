/**
 * Cuts each feature into at most `maxBins` bins at float32 data values, so a split "bin <= k"
 * is exactly "x <= threshold[k]" at serving time, with no rounding in between.
 */
export interface BinnedData {
  /** Bin of row i for feature f at `bins[f * rows + i]`. */
  bins: Uint8Array;
  /** Per feature, the value a row must be <= to fall in bin k or lower. */
  thresholds: Float32Array[];
  rows: number;
  features: number;
}

export function binFeatures(x: Float32Array, rows: number, features: number, maxBins = 64): BinnedData {
  const bins = new Uint8Array(rows * features);
  const thresholds: Float32Array[] = [];
  const column = new Float32Array(rows);
  for (let f = 0; f < features; f++) {
    for (let i = 0; i < rows; i++) column[i] = x[i * features + f]!;
    const sorted = Float32Array.from(column).sort();
    const cuts: number[] = [];
    for (let b = 1; b < maxBins; b++) {
      const v = sorted[Math.min(rows - 1, Math.floor((b * rows) / maxBins))]!;
      if (cuts.length === 0 || v > cuts[cuts.length - 1]!) cuts.push(v);
    }
    // The largest value needs no cut: everything is <= it.
    if (cuts.length && cuts[cuts.length - 1] === sorted[rows - 1]) cuts.pop();
    const thr = Float32Array.from(cuts);
    thresholds.push(thr);
    for (let i = 0; i < rows; i++) {
      const v = column[i]!;
      let lo = 0, hi = thr.length; // first cut with v <= cut
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= thr[mid]!) hi = mid; else lo = mid + 1;
      }
      bins[f * rows + i] = lo;
    }
  }
  return { bins, thresholds, rows, features };
}
