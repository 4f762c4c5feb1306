/** What the clients saw, counted as answers arrive (read by the live progress line and the summary). */
export class TrafficCounters {
  sent = 0;
  answered = 0;
  /** Answers refused by Session Warden (403 + Retry-After). */
  refused = 0;
  failed = 0;
  /** Per client IP: requests refused, and when the first one was (ms after the start). */
  readonly refusedByIp = new Map<string, { count: number; firstAtMs: number }>();

  noteRefused(ip: string, atMs: number): void {
    this.refused++;
    const entry = this.refusedByIp.get(ip);
    if (entry) entry.count++;
    else this.refusedByIp.set(ip, { count: 1, firstAtMs: atMs });
  }
}
