import type { BlockEntry, SessionFeatures } from '@session-warden/core';

export interface SessionOutcome {
  sessionID: string;
  clientIP: string;
  /** When the verdict came, ms after the traffic started. */
  atMs: number;
  abnormal: boolean;
  requests: number;
  /** Why it is abnormal, one entry per model that said so ("session model", "text model: sqli"). */
  reasons: string[];
}

/** Readable reasons: which model flagged the session, and for the text model which attack classes. */
export function reasonsOf(session: SessionFeatures): string[] {
  const reasons = new Set<string>();
  for (const v of session.verdicts) {
    if (!v.abnormal) continue;
    if (v.kind === 'feature') reasons.add('session model (behaviour)');
    else {
      const labels = new Set((v.triggers ?? []).map((t) => t.label));
      if (labels.size === 0) reasons.add('text model');
      for (const label of labels) reasons.add(`text model: ${label}`);
    }
  }
  return [...reasons];
}

/** Collects Session Warden's verdicts and blocks through its onVerdict/onBlock callbacks. */
export class VerdictLog {
  readonly sessions: SessionOutcome[] = [];
  readonly blocks = new Map<string, { atMs: number; reason: string }>();
  constructor(private readonly startedAt: () => number) {}

  readonly onVerdict = (session: SessionFeatures): void => {
    this.sessions.push({
      sessionID: session.sessionID,
      clientIP: session.clientIP,
      atMs: Date.now() - this.startedAt(),
      abnormal: session.behavior === 'Abnormal',
      requests: session.features.numOfReqs ?? 0,
      reasons: reasonsOf(session),
    });
  };

  readonly onBlock = (entry: BlockEntry): void => {
    if (!this.blocks.has(entry.clientIP)) this.blocks.set(entry.clientIP, { atMs: Date.now() - this.startedAt(), reason: entry.reason });
  };

  get abnormalCount(): number { return this.sessions.filter((s) => s.abnormal).length; }
}
