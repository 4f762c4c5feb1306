/** Binary detection metrics with `abnormal` as the positive class. */
export interface SessionMetrics {
  sessions: number;
  abnormal: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of normal sessions flagged abnormal. */
  normalFalsePositiveRate: number;
  accuracy: number;
  confusion: { tn: number; fp: number; fn: number; tp: number };
  /** Recall (abnormal personas) or false-positive rate (normal personas) per persona. */
  byPersona?: Record<string, { sessions: number; flagged: number; share: number }>;
}

export function sessionMetrics(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5, personas?: readonly (string | undefined)[]): SessionMetrics {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  const byPersona: Record<string, { sessions: number; flagged: number; share: number }> = {};
  for (let i = 0; i < labels.length; i++) {
    const flagged = scores[i]! >= threshold;
    if (labels[i]) { if (flagged) tp++; else fn++; } else if (flagged) fp++; else tn++;
    const p = personas?.[i];
    if (p) {
      const e = (byPersona[p] ??= { sessions: 0, flagged: 0, share: 0 });
      e.sessions++;
      if (flagged) e.flagged++;
    }
  }
  for (const e of Object.values(byPersona)) e.share = e.flagged / e.sessions;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    sessions: labels.length,
    abnormal: tp + fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    normalFalsePositiveRate: fp + tn ? fp / (fp + tn) : 0,
    accuracy: labels.length ? (tp + tn) / labels.length : 0,
    confusion: { tn, fp, fn, tp },
    ...(personas ? { byPersona } : {}),
  };
}

/**
 * The decision threshold: 0.5 (where the balanced classes' probabilities cross), raised just
 * enough that at most `maxFpr` of the validation normal sessions score at or above it. Never
 * lowered: simulated normal traffic is tidier than real traffic, so its false-positive rate is a floor.
 */
export function chooseThreshold(labels: ArrayLike<number>, scores: ArrayLike<number>, maxFpr: number): number {
  const normal: number[] = [];
  for (let i = 0; i < labels.length; i++) if (!labels[i]) normal.push(scores[i]!);
  if (normal.length === 0) return 0.5;
  normal.sort((a, b) => b - a);
  const allowed = Math.floor(maxFpr * normal.length);
  // Flagged means score >= threshold: put it just above the first normal score that must not be flagged.
  const boundary = normal[allowed];
  if (boundary === undefined) return 0.5;
  const above = Math.fround(boundary + Math.max(1e-6, boundary * 1e-6));
  return Math.min(Math.max(0.5, above), 0.999);
}
