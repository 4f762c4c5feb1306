import { ValidationError } from '@session-warden/core';

/** Labelled feature rows, as the trainer and the evaluator read them. */
export interface SessionRow {
  features: Readonly<Record<string, number>>;
  /** 1 = abnormal. */
  label: 0 | 1;
  /** Which persona produced it (simulated data), for per-persona recall; absent for user data. */
  persona?: string;
}

export interface Matrix {
  x: Float32Array;
  y: Uint8Array;
  rows: number;
  features: number;
}

/** Rows → a row-major float32 matrix in `featureNames` order; a missing feature is an error naming it. */
export function toMatrix(rows: readonly SessionRow[], featureNames: readonly string[]): Matrix {
  const f = featureNames.length;
  const x = new Float32Array(rows.length * f);
  const y = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    for (let j = 0; j < f; j++) {
      const v = row.features[featureNames[j]!];
      if (typeof v !== 'number' || Number.isNaN(v)) {
        throw new ValidationError(`Session row ${i + 1} has no numeric "${featureNames[j]}"; every row needs all of: ${featureNames.join(', ')}.`);
      }
      x[i * f + j] = v;
    }
    y[i] = row.label;
  });
  return { x, y, rows: rows.length, features: f };
}

/** Weights that give both classes the same total weight, so the 0.5 threshold sits between them. */
export function balancedWeights(y: Uint8Array): Float64Array {
  let pos = 0;
  for (const v of y) pos += v;
  const neg = y.length - pos;
  const wPos = pos ? y.length / (2 * pos) : 0;
  const wNeg = neg ? y.length / (2 * neg) : 0;
  return Float64Array.from(y, (v) => (v ? wPos : wNeg));
}
