import type { ModelVerdict } from '@session-warden/core';

/** One classified session as the demo prints it. */
export interface SessionRow {
  client: string;
  sessionID: string;
  behavior: string;
  active: boolean;
  numOfReqs: number;
  verdicts: ModelVerdict[];
}

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

function why(row: SessionRow): string {
  const abnormal = row.verdicts.filter((v) => v.abnormal);
  if (row.verdicts.length === 0) return 'no model installed: features only';
  if (abnormal.length === 0) return 'every model says normal';
  return abnormal.map((v) => `${v.model}: ${v.reason}`).join('; ');
}

export function sessionTable(rows: SessionRow[]): string {
  const header = `${pad('client', 20)} ${pad('session', 26)} ${pad('reqs', 5)} ${pad('behavior', 10)} ${pad('active', 7)} why`;
  const lines = rows.map((r) => `${pad(r.client, 20)} ${pad(r.sessionID, 26)} ${pad(String(r.numOfReqs), 5)} ${pad(r.behavior, 10)} ${pad(String(r.active), 7)} ${why(r)}`);
  return [header, '-'.repeat(header.length + 30), ...lines].join('\n');
}
