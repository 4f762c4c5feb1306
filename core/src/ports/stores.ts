import type { BlockEntry, RequestRecord, SessionFeatures } from './records.js';

/** `httplogs`: append-only request records. */
export interface RequestLogStore {
  /**
   * True when `append` runs its writes on the caller's event loop (then the recorder sizes its
   * batches so no write blocks the app for long); false or absent when they run elsewhere.
   */
  readonly writesOnEventLoop?: boolean;
  /** Writes a batch in as few transactions as the database allows. */
  append(records: readonly RequestRecord[]): Promise<void>;
  /** A session's requests sorted by time (one query). */
  findBySession(sessionID: string): Promise<RequestRecord[]>;
  /** Distinct session IDs, newest first. */
  listSessionIds(limit: number): Promise<string[]>;
  count(): Promise<number>;
  purgeOlderThan(cutoff: Date): Promise<number>;
}

/** `sesfeatures`: one row per classified session. */
export interface SessionStore {
  /** Inserts the row or replaces the stored one as it is. */
  upsert(row: SessionFeatures): Promise<void>;
  /**
   * Stores a classification: like `upsert`, except that a stored session that is inactive stays
   * inactive (a session already counted towards a block is never re-activated). Resolves with the
   * `active` now stored.
   */
  saveClassification(row: SessionFeatures): Promise<boolean>;
  get(sessionID: string): Promise<SessionFeatures | null>;
  activeAbnormal(clientIP: string): Promise<SessionFeatures[]>;
  deactivate(sessionIDs: readonly string[]): Promise<void>;
  purgeOlderThan(cutoff: Date): Promise<number>;
}

/** `clientips`: the blocklist, one row per IP. */
export interface BlocklistStore {
  /** Inserts or replaces the entry for `entry.clientIP`. */
  block(entry: BlockEntry): Promise<void>;
  /** Returns false when the IP was not blocked. */
  unblock(clientIP: string): Promise<boolean>;
  get(clientIP: string): Promise<BlockEntry | null>;
  /**
   * Entries still blocked at `now`. With `blockedSince`, those blocked at or after it suffice (the
   * blocklist cache's frequent reads); a store may return more.
   */
  listActive(now: Date, blockedSince?: Date): Promise<BlockEntry[]>;
  addRefused(clientIP: string, count: number): Promise<void>;
}

/** A connected database holding the three stores. */
export interface Storage {
  readonly kind: string;
  /** Connection description with any password masked. */
  readonly description: string;
  readonly requests: RequestLogStore;
  readonly sessions: SessionStore;
  readonly blocklist: BlocklistStore;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
