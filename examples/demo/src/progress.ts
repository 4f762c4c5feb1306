import type { TrafficCounters } from './traffic-counters.js';
import type { VerdictLog } from './verdict-log.js';

/**
 * Live counters on stderr: one line redrawn in place on a terminal, a plain line every few
 * seconds otherwise (CI logs, pipes), nothing at all when `enabled` is false.
 */
export function startProgress(counters: TrafficCounters, verdicts: VerdictLog, windowMs: number, startedAt: number, enabled: boolean): () => void {
  if (!enabled) return () => undefined;
  const tty = process.stderr.isTTY === true;
  const line = () => {
    const elapsed = Math.min(windowMs, Date.now() - startedAt);
    const width = 24;
    const filled = Math.round((elapsed / windowMs) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    return `${bar} ${(elapsed / 1000).toFixed(0).padStart(3)}/${windowMs / 1000}s  requests ${counters.answered} (refused ${counters.refused})`
      + `  sessions ${verdicts.sessions.length} (abnormal ${verdicts.abnormalCount})  IPs blocked ${verdicts.blocks.size}`;
  };
  const timer = setInterval(() => {
    if (tty) process.stderr.write(`\r${line()}\x1b[K`);
    else process.stderr.write(`${line()}\n`);
  }, tty ? 250 : 5000);
  return () => {
    clearInterval(timer);
    process.stderr.write(tty ? `\r${line()}\x1b[K\n` : `${line()}\n`);
  };
}
