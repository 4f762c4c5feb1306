import type { DemoClient } from './clients.js';
import type { TrafficCounters } from './traffic-counters.js';
import type { VerdictLog } from './verdict-log.js';

export interface PersonaRow {
  persona: string;
  attacker: boolean;
  clients: number;
  sessions: number;
  abnormalSessions: number;
  /** Clients with at least one abnormal session. */
  flaggedClients: number;
  blockedClients: number;
  refusedRequests: number;
  /** Median seconds from the client's first request to its block, over blocked clients. */
  medianSecToBlock: number | null;
}

export interface DemoSummary {
  requests: { sent: number; answered: number; refused: number; failed: number; recorded: number };
  sessions: { total: number; normal: number; abnormal: number; byReason: Record<string, number> };
  normalVisitors: { clients: number; sessions: number; falsePositiveSessions: number; flaggedClients: number; blockedClients: number };
  attackers: { clients: number; sessions: number; abnormalSessions: number; flaggedClients: number; blockedClients: number; refusedRequests: number };
  blockedIps: number;
  personas: PersonaRow[];
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

/** The numbers the demo prints and its test checks, from what the clients saw and what Session Warden decided. */
export function summarise(clients: readonly DemoClient[], counters: TrafficCounters, verdicts: VerdictLog, recorded: number): DemoSummary {
  const byIp = new Map(clients.map((c) => [c.ip, c]));
  const byReason: Record<string, number> = {};
  for (const s of verdicts.sessions) for (const r of s.reasons) byReason[r] = (byReason[r] ?? 0) + 1;

  const rows = new Map<string, PersonaRow & { toBlock: number[] }>();
  for (const c of clients) {
    let row = rows.get(c.persona);
    if (!row) rows.set(c.persona, (row = { persona: c.persona, attacker: c.attacker, clients: 0, sessions: 0, abnormalSessions: 0, flaggedClients: 0, blockedClients: 0, refusedRequests: 0, medianSecToBlock: null, toBlock: [] }));
    row.clients++;
    const own = verdicts.sessions.filter((s) => s.clientIP === c.ip);
    row.sessions += own.length;
    const abnormal = own.filter((s) => s.abnormal).length;
    row.abnormalSessions += abnormal;
    if (abnormal > 0) row.flaggedClients++;
    const block = verdicts.blocks.get(c.ip);
    if (block) {
      row.blockedClients++;
      row.toBlock.push(Math.max(0, block.atMs - (c.requests[0]?.atMs ?? 0)) / 1000);
    }
    row.refusedRequests += counters.refusedByIp.get(c.ip)?.count ?? 0;
  }
  const personas = [...rows.values()].map(({ toBlock, ...row }) => ({ ...row, medianSecToBlock: median(toBlock) }));
  const sum = (attacker: boolean, key: keyof PersonaRow) => personas.filter((p) => p.attacker === attacker).reduce((a, p) => a + (p[key] as number), 0);
  const known = verdicts.sessions.filter((s) => byIp.has(s.clientIP));
  return {
    requests: { sent: counters.sent, answered: counters.answered, refused: counters.refused, failed: counters.failed, recorded },
    sessions: { total: known.length, normal: known.filter((s) => !s.abnormal).length, abnormal: known.filter((s) => s.abnormal).length, byReason },
    normalVisitors: {
      clients: sum(false, 'clients'), sessions: sum(false, 'sessions'), falsePositiveSessions: sum(false, 'abnormalSessions'),
      flaggedClients: sum(false, 'flaggedClients'), blockedClients: sum(false, 'blockedClients'),
    },
    attackers: {
      clients: sum(true, 'clients'), sessions: sum(true, 'sessions'), abnormalSessions: sum(true, 'abnormalSessions'),
      flaggedClients: sum(true, 'flaggedClients'), blockedClients: sum(true, 'blockedClients'), refusedRequests: sum(true, 'refusedRequests'),
    },
    blockedIps: verdicts.blocks.size,
    personas,
  };
}
