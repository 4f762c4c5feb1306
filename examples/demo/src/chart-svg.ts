import type { SessionOutcome } from './verdict-log.js';

export interface ChartOptions {
  /** Length of the run shown on the x axis. */
  spanMs: number;
  bucketMs: number;
  /** Moments IPs were blocked (ms), drawn as ticks under the bars. */
  blocksAtMs: readonly number[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Stacked bars: sessions classified per time bucket, normal below, abnormal on top; block moments as ticks. */
export function sessionsOverTimeSvg(sessions: readonly SessionOutcome[], opts: ChartOptions): string {
  const buckets = Math.max(1, Math.ceil(opts.spanMs / opts.bucketMs));
  const normal = new Array<number>(buckets).fill(0);
  const abnormal = new Array<number>(buckets).fill(0);
  for (const s of sessions) {
    const i = Math.min(buckets - 1, Math.max(0, Math.floor(s.atMs / opts.bucketMs)));
    (s.abnormal ? abnormal : normal)[i]!++;
  }
  const max = Math.max(1, ...normal.map((n, i) => n + abnormal[i]!));
  const W = 720, H = 300, left = 48, right = 16, top = 30, bottom = 56;
  const plotW = W - left - right, plotH = H - top - bottom;
  const barW = plotW / buckets;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img" aria-label="Sessions classified over time by verdict">`);
  parts.push(`<text x="${left}" y="18" font-size="14" font-weight="bold">Sessions classified per ${opts.bucketMs / 1000} s, by verdict</text>`);
  for (let k = 0; k <= 4; k++) {
    const v = Math.round((max * k) / 4);
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  for (let i = 0; i < buckets; i++) {
    const x = left + i * barW + 1;
    const w = Math.max(1, barW - 2);
    const n = normal[i]!, a = abnormal[i]!;
    if (n) parts.push(`<rect x="${x}" y="${y(n)}" width="${w}" height="${y(0) - y(n)}" fill="#4c9a5f"><title>${n} normal</title></rect>`);
    if (a) parts.push(`<rect x="${x}" y="${y(n + a)}" width="${w}" height="${y(n) - y(n + a)}" fill="#c8413b"><title>${a} abnormal</title></rect>`);
  }
  for (const t of opts.blocksAtMs) {
    const x = left + (Math.min(t, opts.spanMs) / opts.spanMs) * plotW;
    parts.push(`<line x1="${x}" x2="${x}" y1="${top + plotH + 2}" y2="${top + plotH + 12}" stroke="#222" stroke-width="2"><title>IP blocked at ${(t / 1000).toFixed(1)} s</title></line>`);
  }
  const step = Math.max(1, Math.ceil(buckets / 12));
  for (let i = 0; i <= buckets; i += step) parts.push(`<text x="${left + i * barW}" y="${top + plotH + 26}" text-anchor="middle">${((i * opts.bucketMs) / 1000).toFixed(0)} s</text>`);
  const ly = H - 10;
  parts.push(`<rect x="${left}" y="${ly - 10}" width="12" height="12" fill="#4c9a5f"/><text x="${left + 16}" y="${ly}">normal</text>`);
  parts.push(`<rect x="${left + 80}" y="${ly - 10}" width="12" height="12" fill="#c8413b"/><text x="${left + 96}" y="${ly}">abnormal</text>`);
  parts.push(`<line x1="${left + 176}" x2="${left + 176}" y1="${ly - 10}" y2="${ly + 2}" stroke="#222" stroke-width="2"/><text x="${left + 184}" y="${ly}">${esc('an IP blocked')}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
