import type { SessionMetrics } from './metrics.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * One SVG a person can read: score histograms of normal and abnormal sessions (log count scale)
 * with the decision threshold, and the confusion matrix.
 */
export function sessionReportSvg(title: string, labels: ArrayLike<number>, scores: ArrayLike<number>, threshold: number, m: SessionMetrics): string {
  const bins = 40, W = 640, H = 260, left = 50, top = 40;
  const counts = [new Array<number>(bins).fill(0), new Array<number>(bins).fill(0)];
  for (let i = 0; i < labels.length; i++) counts[labels[i] ? 1 : 0]![Math.min(bins - 1, Math.floor(scores[i]! * bins))]!++;
  const maxLog = Math.log10(1 + Math.max(1, ...counts[0]!, ...counts[1]!));
  const bw = W / bins;
  const bars = counts.map((c, cls) => c.map((n, b) => {
    const h = (Math.log10(1 + n) / maxLog) * H;
    return `<rect x="${(left + b * bw + (cls ? bw / 2 : 0)).toFixed(1)}" y="${(top + H - h).toFixed(1)}" width="${(bw / 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${cls ? '#c0392b' : '#2e86c1'}"><title>${cls ? 'abnormal' : 'normal'} ${(b / bins).toFixed(3)}–${((b + 1) / bins).toFixed(3)}: ${n}</title></rect>`;
  }).join('')).join('');
  const tx = left + threshold * W;
  const c = m.confusion;
  const cell = (x: number, y: number, v: number, label: string): string =>
    `<rect x="${x}" y="${y}" width="150" height="44" fill="#f4f6f7" stroke="#999"/><text x="${x + 75}" y="${y + 20}" text-anchor="middle" font-size="13">${label}</text><text x="${x + 75}" y="${y + 37}" text-anchor="middle" font-size="14" font-weight="bold">${v}</text>`;
  const my = top + H + 70;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W + 2 * left}" height="${my + 150}" font-family="sans-serif">
<text x="${left}" y="22" font-size="16" font-weight="bold">${esc(title)}</text>
<line x1="${left}" y1="${top + H}" x2="${left + W}" y2="${top + H}" stroke="#333"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${top + H}" stroke="#333"/>
${bars}
<line x1="${tx}" y1="${top - 5}" x2="${tx}" y2="${top + H}" stroke="#000" stroke-dasharray="4 3"/>
<text x="${tx + 4}" y="${top + 8}" font-size="11">threshold ${threshold.toFixed(4)}</text>
<text x="${left}" y="${top + H + 16}" font-size="11">0</text><text x="${left + W - 6}" y="${top + H + 16}" font-size="11">1</text>
<text x="${left + W / 2}" y="${top + H + 30}" font-size="12" text-anchor="middle">P(abnormal) — bars: sessions per score bin (log scale); blue normal, red abnormal</text>
<text x="${left}" y="${my - 10}" font-size="13" font-weight="bold">Confusion matrix (rows: truth, columns: verdict)</text>
${cell(left, my, c.tn, 'normal→normal')}${cell(left + 155, my, c.fp, 'normal→abnormal')}
${cell(left, my + 50, c.fn, 'abnormal→normal')}${cell(left + 155, my + 50, c.tp, 'abnormal→abnormal')}
<text x="${left + 360}" y="${my + 20}" font-size="12">precision ${m.precision.toFixed(4)} · recall ${m.recall.toFixed(4)} · F1 ${m.f1.toFixed(4)}</text>
<text x="${left + 360}" y="${my + 40}" font-size="12">normal false-positive rate ${(m.normalFalsePositiveRate * 100).toFixed(2)} %</text>
</svg>
`;
}

/** Training curves: weighted log-loss and accuracy on the training rows after each tree. */
export function trainingCurveSvg(title: string, points: readonly { tree: number; loss: number; accuracy: number }[]): string {
  const W = 600, H = 240, left = 60, top = 40;
  if (points.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n`;
  const maxLoss = Math.max(...points.map((p) => p.loss));
  const minAcc = Math.min(...points.map((p) => p.accuracy));
  const x = (tree: number): number => left + ((tree - 1) / Math.max(1, points.length - 1)) * W;
  const lossLine = points.map((p) => `${x(p.tree).toFixed(1)},${(top + H - (p.loss / maxLoss) * H).toFixed(1)}`).join(' ');
  const accLine = points.map((p) => `${x(p.tree).toFixed(1)},${(top + H - ((p.accuracy - minAcc) / Math.max(1e-9, 1 - minAcc)) * H).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W + 2 * left}" height="${H + top + 60}" font-family="sans-serif">
<text x="${left}" y="22" font-size="16" font-weight="bold">${esc(title)}</text>
<line x1="${left}" y1="${top + H}" x2="${left + W}" y2="${top + H}" stroke="#333"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${top + H}" stroke="#333"/>
<polyline fill="none" stroke="#c0392b" stroke-width="2" points="${lossLine}"/>
<polyline fill="none" stroke="#2e86c1" stroke-width="2" points="${accLine}"/>
<text x="${left + W / 2}" y="${top + H + 20}" font-size="12" text-anchor="middle">trees (1 … ${points.length})</text>
<text x="${left}" y="${top + H + 40}" font-size="12" fill="#c0392b">log-loss (0 … ${maxLoss.toFixed(3)}), last ${last.loss.toFixed(4)}</text>
<text x="${left + 300}" y="${top + H + 40}" font-size="12" fill="#2e86c1">accuracy (${minAcc.toFixed(3)} … 1), last ${last.accuracy.toFixed(4)}</text>
</svg>
`;
}
