'use strict';
// Per-class recall (right class), detection rate (flagged as any attack), benign false-positive
// rate and macro-F1 over the five labels. A detector's 'other' (an attack class outside the four)
// counts as detected but as the wrong class.

function textMetrics(labels, truth, predicted) {
  const perClass = {};
  for (const label of labels) {
    let tp = 0, fn = 0, fp = 0, detected = 0, n = 0;
    for (let i = 0; i < truth.length; i++) {
      const t = truth[i], p = predicted[i];
      if (t === label) { n++; if (p === label) tp++; else fn++; if (p !== 'benign') detected++; }
      else if (p === label) fp++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = n ? tp / n : 0;
    perClass[label] = { count: n, recall: +recall.toFixed(4), detected: n ? +(detected / n).toFixed(4) : 0, f1: +(precision + recall ? (2 * precision * recall) / (precision + recall) : 0).toFixed(4) };
  }
  const benign = truth.map((t, i) => [t, predicted[i]]).filter(([t]) => t === 'benign');
  const attacks = truth.map((t, i) => [t, predicted[i]]).filter(([t]) => t !== 'benign');
  const present = labels.filter((l) => perClass[l].count > 0);
  return {
    count: truth.length,
    macroF1: +(present.reduce((a, l) => a + perClass[l].f1, 0) / present.length).toFixed(4),
    benignFalsePositiveRate: benign.length ? +(benign.filter(([, p]) => p !== 'benign').length / benign.length).toFixed(5) : null,
    attackDetectionRate: attacks.length ? +(attacks.filter(([, p]) => p !== 'benign').length / attacks.length).toFixed(4) : null,
    perClass,
  };
}

module.exports = { textMetrics };
