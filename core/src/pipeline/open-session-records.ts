import type { RequestRecord } from '../ports/index.js';

/** Records held at most, across all open sessions (about 300 bytes each without a body: a few MB). */
export const HELD_RECORDS = 20_000;
/**
 * Request bytes (as received) held at most: bodies of up to `maxBodyBytes` each would otherwise let
 * 20 000 records take 160 MB. Received bytes overstate a truncated body, so this errs on letting go.
 */
export const HELD_REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * The records of sessions still open, so a session that closes is classified from memory instead
 * of reading its rows back on the event loop (a synchronous read of up to `maxReqsPerSess` rows).
 * Bounded: past the budget the oldest sessions are let go, and a session whose held records do not
 * add up to the sessionizer's count (let go, or recorded late) is read from storage as before.
 * Records handed out to closed sessions waiting for classification have a budget of the same size
 * of their own, until released: a burst of closing sessions can't pile up records without bound.
 */
export class OpenSessionRecords {
  private readonly bySession = new Map<string, RequestRecord[]>();
  private held = 0;
  private heldBytes = 0;
  private handedOut = 0;
  private handedOutBytes = 0;

  constructor(private readonly budget = HELD_RECORDS, private readonly byteBudget = HELD_REQUEST_BYTES) {}

  add(record: RequestRecord): void {
    const list = this.bySession.get(record.sessionID);
    if (list) list.push(record);
    else this.bySession.set(record.sessionID, [record]);
    this.held++;
    this.heldBytes += bytesOf(record);
    while (this.held > this.budget || this.heldBytes > this.byteBudget) {
      const [oldest, records] = this.bySession.entries().next().value!;
      this.forget(oldest, records);
    }
  }

  /**
   * A closed session's records, oldest first, when exactly `count` are held and the budget for
   * records handed out has room; otherwise undefined (the caller reads storage). Either way the
   * session is forgotten here. Records handed out count until `release`d.
   */
  take(sessionID: string, count: number): RequestRecord[] | undefined {
    const list = this.bySession.get(sessionID);
    if (!list) return undefined;
    const bytes = this.forget(sessionID, list);
    if (list.length !== count) return undefined;
    if (this.handedOut + list.length > this.budget || this.handedOutBytes + bytes > this.byteBudget) return undefined;
    this.handedOut += list.length;
    this.handedOutBytes += bytes;
    // Recorded when each response ended; a session is ordered by when each request arrived, as storage orders it.
    return list.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  }

  /** Gives back the budget of records `take` handed out, once their session is classified. */
  release(records: readonly RequestRecord[]): void {
    this.handedOut -= records.length;
    for (const record of records) this.handedOutBytes -= bytesOf(record);
  }

  /** Records held for open sessions. */
  get size(): number {
    return this.held;
  }

  /** Records handed out and not yet released. */
  get waiting(): number {
    return this.handedOut;
  }

  /** Drops an open session's records; returns their bytes. */
  private forget(sessionID: string, records: readonly RequestRecord[]): number {
    this.bySession.delete(sessionID);
    this.held -= records.length;
    let bytes = 0;
    for (const record of records) bytes += bytesOf(record);
    this.heldBytes -= bytes;
    return bytes;
  }
}

/** A record's received bytes; 0 where they were not counted (HTTP/2). */
function bytesOf(record: RequestRecord): number {
  return record.requestBytes > 0 ? record.requestBytes : 0;
}
