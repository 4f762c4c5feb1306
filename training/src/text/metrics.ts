/** Classification quality: confusion matrix, per-class precision/recall/F1, macro-F1, benign false-positive rate. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface TextMetrics {
  labels: readonly string[];
  /** confusion[actual][predicted] */
  confusion: number[][];
  perClass: ClassMetrics[];
  macroF1: number;
  accuracy: number;
  /** Share of benign inputs labelled as any attack. */
  benignFalsePositiveRate: number;
  /** Share of attacks labelled benign (wrong attack class still counts as detected). */
  attackMissRate: number;
  count: number;
}

export function computeMetrics(labels: readonly string[], actual: readonly number[], predicted: readonly number[]): TextMetrics {
  const k = labels.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < actual.length; i++) confusion[actual[i]!]![predicted[i]!]! += 1;
  const perClass: ClassMetrics[] = labels.map((label, c) => {
    const tp = confusion[c]![c]!;
    const support = confusion[c]!.reduce((a, b) => a + b, 0);
    const predictedC = confusion.reduce((a, row) => a + row[c]!, 0);
    const precision = predictedC ? tp / predictedC : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const present = perClass.filter((c) => c.support > 0);
  const benign = labels.indexOf('benign');
  const benignTotal = benign >= 0 ? confusion[benign]!.reduce((a, b) => a + b, 0) : 0;
  const attacksTotal = actual.length - benignTotal;
  const missed = benign >= 0 ? confusion.reduce((a, row, c) => a + (c === benign ? 0 : row[benign]!), 0) : 0;
  return {
    labels,
    confusion,
    perClass,
    macroF1: present.reduce((a, c) => a + c.f1, 0) / Math.max(1, present.length),
    accuracy: actual.length ? confusion.reduce((a, row, c) => a + row[c]!, 0) / actual.length : 0,
    benignFalsePositiveRate: benignTotal ? (benignTotal - confusion[benign]![benign]!) / benignTotal : 0,
    attackMissRate: attacksTotal ? missed / attacksTotal : 0,
    count: actual.length,
  };
}
