/** Plain SVG charts for evaluation reports: no plotting dependency, readable in any browser. */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function confusionMatrixSvg(labels: readonly string[], confusion: readonly (readonly number[])[], title: string): string {
  const cell = 64;
  const left = 130;
  const top = 70;
  const size = labels.length * cell;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${left + size + 20}" height="${top + size + 60}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="100%" height="100%" fill="white"/><text x="10" y="20" font-size="15" font-weight="bold">${esc(title)}</text>`);
  parts.push(`<text x="${left + size / 2}" y="${top - 40}" text-anchor="middle">predicted</text>`);
  parts.push(`<text x="14" y="${top + size / 2}" transform="rotate(-90 14 ${top + size / 2})" text-anchor="middle">actual</text>`);
  confusion.forEach((row, r) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    parts.push(`<text x="${left - 6}" y="${top + r * cell + cell / 2 + 4}" text-anchor="end">${esc(labels[r]!)}</text>`);
    row.forEach((v, c) => {
      const share = v / total;
      const shade = Math.round(255 - share * 200);
      const fill = r === c ? `rgb(${shade},${Math.min(255, shade + 40)},${shade})` : `rgb(255,${shade},${shade})`;
      parts.push(`<rect x="${left + c * cell}" y="${top + r * cell}" width="${cell}" height="${cell}" fill="${fill}" stroke="#999"/>`);
      parts.push(`<text x="${left + c * cell + cell / 2}" y="${top + r * cell + cell / 2 + 4}" text-anchor="middle">${v}</text>`);
    });
  });
  labels.forEach((l, c) => parts.push(`<text x="${left + c * cell + cell / 2}" y="${top - 8}" text-anchor="middle" font-size="10">${esc(l)}</text>`));
  parts.push('</svg>');
  return parts.join('\n');
}

export interface CurveSeries {
  name: string;
  colour: string;
  points: readonly { x: number; y: number }[];
}

/** Line chart of training progress (x = examples seen, in epochs; y = loss or accuracy). */
export function lineChartSvg(title: string, xLabel: string, series: readonly CurveSeries[]): string {
  const W = 640;
  const H = 360;
  const pad = { l: 60, r: 140, t: 40, b: 45 };
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1e-9, ...all.map((p) => p.x));
  const yMin = Math.min(0, ...all.map((p) => p.y));
  const yMax = Math.max(1e-9, ...all.map((p) => p.y));
  const sx = (x: number) => pad.l + (x / xMax) * (W - pad.l - pad.r);
  const sy = (y: number) => H - pad.b - ((y - yMin) / (yMax - yMin || 1)) * (H - pad.t - pad.b);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/><text x="10" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="black"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="black"/>`,
    `<text x="${(pad.l + W - pad.r) / 2}" y="${H - 10}" text-anchor="middle">${esc(xLabel)}</text>`];
  for (let i = 0; i <= 4; i++) {
    const y = yMin + ((yMax - yMin) * i) / 4;
    parts.push(`<text x="${pad.l - 6}" y="${sy(y) + 4}" text-anchor="end">${y.toFixed(3)}</text><line x1="${pad.l}" y1="${sy(y)}" x2="${W - pad.r}" y2="${sy(y)}" stroke="#eee"/>`);
    const x = (xMax * i) / 4;
    parts.push(`<text x="${sx(x)}" y="${H - pad.b + 16}" text-anchor="middle">${x.toFixed(2)}</text>`);
  }
  series.forEach((s, i) => {
    const d = s.points.map((p, k) => `${k ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    parts.push(`<rect x="${W - pad.r + 12}" y="${pad.t + i * 20}" width="12" height="12" fill="${s.colour}"/><text x="${W - pad.r + 30}" y="${pad.t + i * 20 + 10}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
