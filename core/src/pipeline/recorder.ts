import type { RequestRecord } from '../ports/records.js';
import type { RequestLogStore } from '../ports/stores.js';
import { DEFAULTS } from '../config/options.js';
import { yieldToRequests } from './one-a-turn.js';

/** Where pipeline components report trouble; `console` fits. */
export interface WarningLogger {
  warn(message: string): void;
}

export interface RecorderOptions {
  /** Records held in memory at most (queued + being written); further records are dropped and counted. */
  queueLimit?: number;
  flushIntervalMs?: number;
  /** Records per `append`; a full batch is written without waiting for the interval. */
  batchSize?: number;
  /** First retry delay after a failed write; doubles per failure up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * For a store that writes on this thread (SQLite through better-sqlite3): how long one `append`
   * may hold the event loop. Appends are then sized from the measured time per record (at most
   * `batchSize`), and the recorder yields to waiting requests between them. Unset: `batchSize` per append.
   */
  writeBudgetMs?: number;
  logger?: WarningLogger;
}

/** Fewest records per append when a write budget applies (a commit has a fixed cost too). */
const MIN_SLICE = 16;
/** First guess of the time one record takes to write, until an append has been measured. */
const FIRST_MS_PER_RECORD = 0.01;

export interface RecorderStats {
  queued: number;
  inFlight: number;
  written: number;
  dropped: number;
  failedWrites: number;
  /** Set while writes are failing; cleared by the next successful write. */
  lastError?: string;
}

const PREFIX = 'Session Warden:';

/**
 * Takes request records off the request path and writes them in batches. `push` is O(1) and
 * never throws or waits; the queue is bounded; a failed write keeps its records and is retried
 * with exponential backoff, so a database outage costs memory (up to `queueLimit`), never a request.
 */
export class Recorder {
  private queue: RequestRecord[] = [];
  private inFlight = 0;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private retryDelay = 0;
  private written = 0;
  private dropped = 0;
  private failedWrites = 0;
  private lastError: string | undefined;
  private warnedDrop = false;
  private closed = false;
  /** Set once close() has returned: nothing will write any more, so new records are dropped at once. */
  private finished = false;
  private readonly limit: number;
  private readonly interval: number;
  private readonly batchSize: number;
  private readonly baseDelay: number;
  private readonly maxDelay: number;
  private readonly budgetMs: number | undefined;
  /** Moving average of the time one record took to append (only with a write budget). */
  private msPerRecord = FIRST_MS_PER_RECORD;
  private readonly logger: WarningLogger;

  constructor(private readonly store: RequestLogStore, options: RecorderOptions = {}) {
    this.limit = options.queueLimit ?? DEFAULTS.queueLimit;
    this.interval = options.flushIntervalMs ?? DEFAULTS.flushIntervalMs;
    this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
    this.baseDelay = options.retryDelayMs ?? 100;
    this.maxDelay = options.maxRetryDelayMs ?? 10_000;
    this.budgetMs = options.writeBudgetMs;
    this.logger = options.logger ?? { warn: (m) => process.emitWarning(m, { code: 'SESSION_WARDEN' }) };
  }

  /** Queues a record for the next batch; drops it (counted, warned once) when the queue is full. */
  push(record: RequestRecord): void {
    if (this.finished) {
      this.dropped++;
      return;
    }
    if (this.queue.length + this.inFlight >= this.limit) {
      this.dropped++;
      if (!this.warnedDrop) {
        this.warnedDrop = true;
        this.logger.warn(`${PREFIX} request record queue is full (${this.limit} records): dropping new records until the database catches up. `
          + 'Raise "queueLimit" or check the database; stats().dropped counts the losses.');
      }
      return;
    }
    this.queue.push(record);
    if (this.closed || this.writing) return; // the running writer takes it with its next batch
    if (this.retryDelay > 0) {
      if (!this.timer) this.schedule(this.retryDelay);
    } else if (this.queue.length === this.batchSize) {
      this.schedule(0);
    } else if (!this.timer) {
      this.schedule(this.interval);
    }
  }

  /** Writes everything queued now; resolves when the queue is empty or a write failed (the records stay queued). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.writing) {
      if (!(await this.writeBatch())) {
        if (!this.closed && !this.timer) this.schedule(this.retryDelay);
        return;
      }
      if (this.queue.length > 0) await yieldToRequests();
    }
  }

  /** Stops the timers and writes what is queued, retrying for up to `timeoutMs`; records still unwritten then are counted as dropped. */
  async close(timeoutMs = 5000): Promise<void> {
    this.closed = true;
    this.clearTimer();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.flush();
      if (this.queue.length === 0) {
        this.finished = true;
        return;
      }
      const wait = Math.min(this.retryDelay || this.baseDelay, deadline - Date.now());
      if (wait <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.dropped += this.queue.length;
    this.logger.warn(`${PREFIX} closing with ${this.queue.length} request records unwritten: the database did not answer within ${timeoutMs} ms (${this.lastError ?? 'no error'}).`);
    this.queue = [];
    this.finished = true;
  }

  stats(): RecorderStats {
    const stats: RecorderStats = { queued: this.queue.length, inFlight: this.inFlight, written: this.written, dropped: this.dropped, failedWrites: this.failedWrites };
    if (this.lastError !== undefined) stats.lastError = this.lastError;
    return stats;
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Timer-driven writing: what is queued now, then further appends back to back only while a full
   * one waits (a backlog). Records that arrived during a write wait for the next interval instead:
   * under steady traffic, writing whatever came in during the last round trip would turn each
   * interval's one big append into dozens of small ones, each with its own commit and message.
   */
  private async drain(): Promise<void> {
    if (this.closed) return;
    while (this.queue.length > 0 && !this.closed) {
      if (!(await this.writeBatch())) {
        if (!this.closed) this.schedule(this.retryDelay);
        return;
      }
      if (this.queue.length < this.sliceSize()) break;
      // An embedded database writes synchronously: let waiting requests run between batches.
      await yieldToRequests();
    }
    if (this.queue.length > 0 && !this.closed && !this.timer) this.schedule(this.interval);
  }

  /** Records for the next append: `batchSize`, or what fits the write budget at the measured speed. */
  private sliceSize(): number {
    if (this.budgetMs === undefined) return this.batchSize;
    return Math.max(Math.min(MIN_SLICE, this.batchSize), Math.min(this.batchSize, Math.floor(this.budgetMs / this.msPerRecord)));
  }

  /** One `append`; true when it succeeded. Failed records go back to the front, in order. */
  private async writeBatch(): Promise<boolean> {
    while (this.writing) await this.writing; // one append at a time keeps records in order
    if (this.queue.length === 0) return true;
    const size = this.sliceSize();
    const batch = this.queue.length <= size ? this.queue : this.queue.slice(0, size);
    this.queue = batch === this.queue ? [] : this.queue.slice(size);
    this.inFlight = batch.length;
    let ok = true;
    const attempt = (async () => {
      try {
        const started = performance.now();
        await this.store.append(batch);
        if (this.budgetMs !== undefined) this.msPerRecord = 0.7 * this.msPerRecord + 0.3 * ((performance.now() - started) / batch.length);
        this.written += batch.length;
        if (this.lastError !== undefined) this.logger.warn(`${PREFIX} database writes recovered; queued request records are being written.`);
        this.lastError = undefined;
        this.retryDelay = 0;
      } catch (error) {
        ok = false;
        this.failedWrites++;
        const message = error instanceof Error ? error.message : String(error);
        if (this.lastError === undefined) {
          this.logger.warn(`${PREFIX} writing request records failed (${message}); keeping them and retrying with backoff.`);
        }
        this.lastError = message;
        this.retryDelay = Math.min(this.retryDelay === 0 ? this.baseDelay : this.retryDelay * 2, this.maxDelay);
        this.queue = this.queue.length === 0 ? batch : batch.concat(this.queue);
      } finally {
        this.inFlight = 0;
      }
    })();
    this.writing = attempt;
    await attempt;
    this.writing = null;
    return ok;
  }
}
