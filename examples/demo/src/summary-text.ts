import type { DemoSummary } from './summary.js';

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const num = (s: string | number, n: number) => String(s).padStart(n);

export interface SummaryContext {
  databaseFile: string;
  reportFile: string;
  settings: string;
}

/** The summary a person reads at a glance after the run. */
export function summaryText(s: DemoSummary, ctx: SummaryContext): string {
  const out: string[] = [];
  out.push('', 'Session Warden demo — summary', '=============================', `Settings: ${ctx.settings}`, '');
  out.push(`Requests   ${s.requests.answered} answered (${s.requests.refused} refused by Session Warden${s.requests.failed ? `, ${s.requests.failed} failed` : ''}), ${s.requests.recorded} recorded`);
  out.push(`Sessions   ${s.sessions.total} classified: ${s.sessions.normal} normal, ${s.sessions.abnormal} abnormal`);
  const reasons = Object.entries(s.sessions.byReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) out.push('           abnormal because (a session can have several reasons):');
  for (const [reason, n] of reasons) out.push(`             ${pad(reason, 34)}${num(n, 5)}`);
  out.push('');
  const a = s.attackers;
  out.push(`Attackers  ${a.clients} IPs: ${a.flaggedClients} detected (${pct(a.flaggedClients, a.clients)}), ${a.blockedClients} blocked, ${a.refusedRequests} of their requests refused`);
  const n = s.normalVisitors;
  out.push(`Visitors   ${n.clients} normal IPs: ${n.flaggedClients} had a session flagged (${pct(n.flaggedClients, n.clients)}), ${n.blockedClients} blocked`);
  out.push(`           false positives: ${n.falsePositiveSessions} of ${n.sessions} normal sessions (${pct(n.falsePositiveSessions, n.sessions)})`);
  out.push('', `${pad('who', 20)}${num('IPs', 5)}${num('sessions', 10)}${num('abnormal', 10)}${num('detected', 10)}${num('blocked', 9)}${num('refused', 9)}${num('s to block', 12)}`);
  for (const p of [...s.personas].sort((x, y) => Number(y.attacker) - Number(x.attacker))) {
    out.push(`${pad(`${p.attacker ? 'attack' : 'normal'}: ${p.persona}`, 20)}${num(p.clients, 5)}${num(p.sessions, 10)}${num(p.abnormalSessions, 10)}`
      + `${num(p.flaggedClients, 10)}${num(p.blockedClients, 9)}${num(p.refusedRequests, 9)}${num(p.medianSecToBlock === null ? '–' : p.medianSecToBlock.toFixed(1), 12)}`);
  }
  out.push('', `Database   ${ctx.databaseFile} (tables httplogs, sesfeatures, clientips)`, `Report     ${ctx.reportFile}`, '');
  return out.join('\n');
}
