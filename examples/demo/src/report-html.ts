import { sessionsOverTimeSvg } from './chart-svg.js';
import type { DemoSummary } from './summary.js';
import type { SummaryContext } from './summary-text.js';
import type { VerdictLog } from './verdict-log.js';

const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

/** A self-contained HTML page: headline numbers, the sessions-over-time chart, and the per-persona table. */
export function reportHtml(s: DemoSummary, verdicts: VerdictLog, spanMs: number, ctx: SummaryContext): string {
  const chart = sessionsOverTimeSvg(verdicts.sessions, { spanMs, bucketMs: spanMs > 60_000 ? 5000 : 2500, blocksAtMs: [...verdicts.blocks.values()].map((b) => b.atMs) });
  const reasons = Object.entries(s.sessions.byReason).sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `<tr><td>${esc(r)}</td><td>${n}</td></tr>`).join('');
  const rows = [...s.personas].sort((x, y) => Number(y.attacker) - Number(x.attacker)).map((p) => `<tr class="${p.attacker ? 'attack' : 'normal'}">
<td>${p.attacker ? 'attacker' : 'normal'}</td><td>${esc(p.persona)}</td><td>${p.clients}</td><td>${p.sessions}</td><td>${p.abnormalSessions}</td>
<td>${p.flaggedClients}</td><td>${p.blockedClients}</td><td>${p.refusedRequests}</td><td>${p.medianSecToBlock === null ? '–' : p.medianSecToBlock.toFixed(1)}</td></tr>`).join('');
  const a = s.attackers, n = s.normalVisitors;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Session Warden demo report</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}td:first-child,td:nth-child(2),th{text-align:left}
.attack td:first-child{color:#c8413b}.normal td:first-child{color:#4c9a5f}.big{display:flex;gap:2rem;flex-wrap:wrap}.big div{font-size:1.1rem}.big b{display:block;font-size:1.8rem}</style></head><body>
<h1>Session Warden demo</h1>
<p>${esc(ctx.settings)}</p>
<div class="big">
<div><b>${s.requests.answered}</b>requests (${s.requests.refused} refused)</div>
<div><b>${s.sessions.total}</b>sessions (${s.sessions.abnormal} abnormal)</div>
<div><b>${a.blockedClients} / ${a.clients}</b>attacker IPs blocked (${a.flaggedClients} detected)</div>
<div><b>${pct(n.falsePositiveSessions, n.sessions)}</b>normal sessions flagged (${n.falsePositiveSessions} of ${n.sessions}; ${n.blockedClients} visitors blocked)</div>
</div>
<h2>Sessions over time</h2>
${chart}
<p>A session gets its verdict when it closes: after a quiet gap, at the request cap, or — for the sessions still open when the traffic stopped — at shutdown (the last bar).</p>
<h2>Why sessions were abnormal</h2>
<table><tr><th>reason</th><th>sessions</th></tr>${reasons || '<tr><td colspan="2">none</td></tr>'}</table>
<h2>Who did what</h2>
<table><tr><th>side</th><th>persona</th><th>IPs</th><th>sessions</th><th>abnormal</th><th>IPs detected</th><th>IPs blocked</th><th>requests refused</th><th>median s to block</th></tr>${rows}</table>
<p>Database: <code>${esc(ctx.databaseFile)}</code> (tables httplogs, sesfeatures, clientips).</p>
</body></html>
`;
}
