import type { RequestRecord } from '../ports/index.js';

/** Records held at most, across all open sessions (about 300 bytes each: a few MB). */
export const HELD_RECORDS = 20_000;

/**
 * The records of sessions still open, so a session that closes is classified from memory instead
 * of reading its rows back on the event loop (a synchronous read of up to `maxReqsPerSess` rows).
 * Bounded: past the budget the oldest sessions are let go, and a session whose held records do not
 * add up to the sessionizer's count (let go, or recorded late) is read from storage as before.
 */
export class OpenSessionRecords {
  private readonly bySession = new Map<string, RequestRecord[]>();
  private held = 0;

  constructor(private readonly budget = HELD_RECORDS) {}

  add(record: RequestRecord): void {
    const list = this.bySession.get(record.sessionID);
    if (list) list.push(record);
    else this.bySession.set(record.sessionID, [record]);
    this.held++;
    while (this.held > this.budget) {
      const [oldest, records] = this.bySession.entries().next().value!;
      this.bySession.delete(oldest);
      this.held -= records.length;
    }
  }

  /**
   * A closed session's records, oldest first, when exactly `count` are held; otherwise undefined
   * (the caller reads storage). Either way the session is forgotten here.
   */
  take(sessionID: string, count: number): RequestRecord[] | undefined {
    const list = this.bySession.get(sessionID);
    if (!list) return undefined;
    this.bySession.delete(sessionID);
    this.held -= list.length;
    if (list.length !== count) return undefined;
    // Recorded when each response ended; a session is ordered by when each request arrived, as storage orders it.
    return list.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  }

  get size(): number {
    return this.held;
  }
}
