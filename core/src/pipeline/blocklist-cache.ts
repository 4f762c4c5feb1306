import { performance } from 'node:perf_hooks';
import type { BlockEntry } from '../ports/records.js';
import type { BlocklistStore } from '../ports/stores.js';
import { yieldToRequests } from './one-a-turn.js';
import type { WarningLogger } from './recorder.js';

export interface BlocklistCacheOptions {
  /**
   * How often the store is re-read, so blocks and unblocks written elsewhere show up; default
   * 1000 ms. A blocklist so large that reading it takes over a twentieth of this is read less often.
   */
  refreshIntervalMs?: number;
  logger?: WarningLogger;
}

const PREFIX = 'Session Warden:';
/**
 * Refused counters written per refresh at most, with waiting requests let through every
 * `REFUSED_PER_TURN`: each is a write of its own (tens of µs on SQLite), and a botnet of 10 000
 * blocked IPs would otherwise hold the event loop for a quarter of a second every second.
 * Counters not written yet keep adding up in memory; `close()` writes them all.
 */
const REFUSED_PER_FLUSH = 500;
const REFUSED_PER_TURN = 50;
/**
 * A full read of the blocklist runs on the event loop (1–2 ms per 1000 blocked IPs on SQLite):
 * the next timed one waits this many times its duration, so a very large blocklist costs the loop
 * at most a twentieth of its time. Ticks in between read only the blocks made lately, so a block
 * made elsewhere still shows within `refreshIntervalMs`; an unblock made elsewhere waits for the
 * next full read.
 */
const REFRESH_COST_FACTOR = 20;
/** However large the blocklist, a full read runs at least this often (after a failed read: at the next tick). */
const MAX_REFRESH_DELAY_MS = 30_000;
/**
 * How far before the last read a read of recent blocks reaches back: blocks committed after that
 * read began, or written by a process on another host whose clock runs a little behind. Kept short:
 * every block in the window is read again at each tick.
 */
const RECENT_MARGIN_MS = 5000;

/**
 * The blocklist as the request path sees it: a Map lookup, never a database round trip.
 * Every `refreshIntervalMs` the store is read (`BlocklistStore.listActive`), so a block or
 * unblock written by another process or the API takes effect within that time (an unblock, for a
 * very large blocklist, at the next full read); blocks decided in this process are `add`ed at
 * once. Refused requests are counted in memory and written to the store a batch per refresh.
 */
export class BlocklistCache {
  private entries = new Map<string, BlockEntry>();
  /** Blocks added while a refresh was reading the store; re-applied after it lands. */
  private addedDuringRefresh: BlockEntry[] = [];
  private refused = new Map<string, number>();
  private refreshing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failing = false;
  /** When the next timed full read may run (see REFRESH_COST_FACTOR); reads of recent blocks fill in. */
  private nextFullRead = 0;
  /** When the last successful read began (epoch ms). */
  private lastReadAt = 0;
  private readonly interval: number;
  private readonly logger: WarningLogger;

  constructor(private readonly store: BlocklistStore, options: BlocklistCacheOptions = {}) {
    this.interval = options.refreshIntervalMs ?? 1000;
    this.logger = options.logger ?? { warn: (m) => process.emitWarning(m, { code: 'SESSION_WARDEN' }) };
  }

  /** Loads the active blocks once, then keeps refreshing in the background. */
  async start(): Promise<void> {
    await this.refresh();
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.interval);
    this.timer.unref();
  }

  /** The entry blocking `ip` at `now` (ms), or null. Expired entries are dropped on sight. */
  isBlocked(ip: string, now?: number): BlockEntry | null {
    const entry = this.entries.get(ip);
    if (!entry) return null;
    // The clock is read only for a listed IP: most requests come from none.
    if (entry.blockedUntil.getTime() > (now ?? Date.now())) return entry;
    this.entries.delete(ip);
    return null;
  }

  /** Applies a block decided in this process immediately (the caller writes it to the store). */
  add(entry: BlockEntry): void {
    this.entries.set(entry.clientIP, entry);
    if (this.refreshing) this.addedDuringRefresh.push(entry);
  }

  /** Lifts a block in this process immediately (the caller removes it from the store). */
  remove(ip: string): void {
    this.entries.delete(ip);
    this.addedDuringRefresh = this.addedDuringRefresh.filter((e) => e.clientIP !== ip);
  }

  /** Counts a refused request; written to the store with the next refresh. */
  countRefused(ip: string): void {
    this.refused.set(ip, (this.refused.get(ip) ?? 0) + 1);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Re-reads the active blocks; on a database error the current map is kept (entries still expire by time). */
  refresh(): Promise<void> {
    return this.read(true);
  }

  /** Reads only the blocks made since shortly before the last read (a verdict just written elsewhere, say). */
  refreshRecent(): Promise<void> {
    return this.read(false);
  }

  /**
   * `full`: the whole blocklist replaces the map. Otherwise only the blocks made since shortly
   * before the last read are merged in (an unblock made elsewhere waits for the next full read).
   */
  private read(full: boolean): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.addedDuringRefresh = [];
    this.refreshing = (async () => {
      const started = performance.now();
      const startedAt = Date.now();
      try {
        const since = full ? undefined : new Date(this.lastReadAt - RECENT_MARGIN_MS);
        const listed = await this.store.listActive(new Date(startedAt), since);
        if (full) {
          this.replaceWith(listed);
          this.nextFullRead = started + Math.min(REFRESH_COST_FACTOR * (performance.now() - started), MAX_REFRESH_DELAY_MS);
        } else {
          this.mergeRecent(listed);
        }
        this.lastReadAt = startedAt;
        if (this.failing) this.logger.warn(`${PREFIX} blocklist refresh recovered.`);
        this.failing = false;
      } catch (error) {
        if (!this.failing) {
          this.logger.warn(`${PREFIX} could not refresh the blocklist (${error instanceof Error ? error.message : String(error)}); `
            + 'keeping the blocks already known and retrying every refresh.');
        }
        this.failing = true;
      } finally {
        this.addedDuringRefresh = [];
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  private replaceWith(active: readonly BlockEntry[]): void {
    const next = new Map<string, BlockEntry>();
    for (const entry of active) next.set(entry.clientIP, entry);
    for (const entry of this.addedDuringRefresh) {
      const stored = next.get(entry.clientIP);
      if (!stored || stored.blockedUntil < entry.blockedUntil) next.set(entry.clientIP, entry);
    }
    this.entries = next;
  }

  /** The newest decision about an IP wins: a read that began before a block here must not undo it. */
  private mergeRecent(recent: readonly BlockEntry[]): void {
    for (const entry of recent) {
      const known = this.entries.get(entry.clientIP);
      if (!known || known.blockedAt <= entry.blockedAt) this.entries.set(entry.clientIP, entry);
    }
  }

  /**
   * Writes up to `limit` refused-request counters, oldest first; counts that fail to write are
   * kept for the next try.
   */
  async flushRefused(limit = REFUSED_PER_FLUSH): Promise<void> {
    const batch: [string, number][] = [];
    for (const counted of this.refused) {
      if (batch.length >= limit) break;
      batch.push(counted);
    }
    for (const [ip] of batch) this.refused.delete(ip);
    for (let i = 0; i < batch.length; i++) {
      if (i > 0 && i % REFUSED_PER_TURN === 0) await yieldToRequests();
      const [ip, count] = batch[i]!;
      try {
        await this.store.addRefused(ip, count);
      } catch {
        this.refused.set(ip, (this.refused.get(ip) ?? 0) + count);
      }
    }
  }

  /** Stops refreshing and writes the pending refused counters. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.refreshing) await this.refreshing;
    await this.flushRefused(Infinity);
  }

  private async tick(): Promise<void> {
    await Promise.all([this.read(performance.now() >= this.nextFullRead), this.flushRefused()]);
  }
}
