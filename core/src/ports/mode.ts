/**
 * How much say a classifier or policy has. `live`: its verdicts decide (a session is abnormal,
 * an IP is blocked). `monitor`: it runs and its verdicts are recorded, marked as monitored, but
 * they change nothing — the way to try a new model or policy on real traffic first.
 */
export type Mode = 'live' | 'monitor';
