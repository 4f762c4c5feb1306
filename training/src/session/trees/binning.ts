/**
 * Cuts each feature into at most `maxBins` bins. Bin k ends at `thresholds[k]`: a row is in bin k
 * or lower exactly when `x < thresholds[k]` in float32, so a split found on bins is the same split
 * at serving time. Thresholds sit midway between neighbouring data values (whole counts get x.5).
 */
export interface BinnedData {
  /** Bin of row i for feature f at `bins[f * rows + i]`. */
  bins: Uint8Array;
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
      const lower = sorted[Math.min(rows - 1, Math.floor((b * rows) / maxBins))]!;
      // The next distinct value above `lower`; none means no cut is possible here.
      let j = Math.floor((b * rows) / maxBins);
      while (j < rows && sorted[j]! <= lower) j++;
      if (j >= rows) break;
      const upper = sorted[j]!;
      let cut = Math.fround((lower + upper) / 2);
      if (!(cut > lower) || cut > upper) cut = upper;
      if (cuts.length === 0 || cut > cuts[cuts.length - 1]!) cuts.push(cut);
    }
    const thr = Float32Array.from(cuts);
    thresholds.push(thr);
    for (let i = 0; i < rows; i++) {
      const v = column[i]!;
      let lo = 0, hi = thr.length; // first cut with v < cut
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v < thr[mid]!) hi = mid; else lo = mid + 1;
      }
      bins[f * rows + i] = lo;
    }
  }
  return { bins, thresholds, rows, features };
}
