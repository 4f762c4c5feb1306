import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { backgroundTurn } from '../background-turn.js';
import type { WriterData } from './sqlite-writer-worker.js';
import { PARAMS_PER_ROW, TIMESTAMP_PARAM } from './writer-params.js';

/** Rows per message of a piecewise append at most (see writeInParts). */
const PART_ROWS = 128;
/**
 * Characters of text per message of a piecewise append, past which the part ends early: 128 rows
 * of 8 KB bodies took milliseconds to make and clone, in one turn.
 */
const PART_CHARS = 256 * 1024;

interface Waiting {
  resolve(results?: unknown[][]): void;
  reject(error: Error): void;
}

/**
 * Appends request rows to a SQLite file from a worker thread with its own connection, so the
 * insert itself (~10–20 µs per row on a busy 2-core machine, most of it inside SQLite) never runs
 * on the application's event loop; the loop only converts the values and posts them. WAL mode
 * lets the main connection keep reading meanwhile; the store's guard still serialises each append
 * with the main connection's own statements, so the two never wait on each other's write lock.
 * The thread also runs the WAL checkpoints (see sqlite-writer-worker.ts) while it is up, and the
 * session store's verdict upserts (`runEach`): each is a commit of four B-trees, 100–300 µs with
 * millisecond outliers that the event loop would otherwise wait through.
 */
export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: Error | null = null;
  private closed = false;
  private stoppedOnce = false;

  /** `onStopped` runs once when the thread ends (closed or failed), e.g. to take checkpoints back. */
  constructor(file: string, sql: string, private readonly onStopped: () => void = () => undefined) {
    const workerData: WriterData = { file, sql, paramsPerRow: PARAMS_PER_ROW, timestampParam: TIMESTAMP_PARAM };
    this.worker = new Worker(join(__dirname, 'sqlite-writer-worker.js'), { workerData });
    this.worker.unref(); // idle, it never keeps the process alive; see send()
    this.worker.on('message', (message: { id: number; error?: string; results?: unknown[][] }) => {
      const waiting = this.answered(message.id);
      if (message.error === undefined) waiting?.resolve(message.results);
      else waiting?.reject(new Error(message.error));
    });
    const fail = (error: Error) => {
      if (!this.failure) this.stopped();
      this.failure = error;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => { if (!this.closed) fail(new Error(`the SQLite writer thread stopped (exit code ${code})`)); });
  }

  /** False once the thread is closed or has failed: writes then go to the main connection. */
  get running(): boolean {
    return !this.closed && !this.failure;
  }

  /**
   * Runs `sql` once per parameter list, all in one transaction, after every write posted before it;
   * resolves with each run's result rows, or rejects with nothing written.
   */
  async runEach(sql: string, each: unknown[][]): Promise<unknown[][]> {
    return (await this.send({ sql, each })) ?? [];
  }

  /**
   * One transaction of `count` rows, whose values `pushRow(out, index)` appends to one flat list
   * (`PARAMS_PER_ROW` per row, in bind order): one list costs the structured clone about a quarter
   * less per row than a list per row, here and in the thread. The rows are made and posted
   * `PART_ROWS` (or `PART_CHARS` of text) at a time, each part in a background turn of its own:
   * making and cloning a whole batch at once would hold the event loop for about a millisecond per
   * thousand small rows. If `pushRow` throws, the parts sent are discarded, nothing is written, and
   * the promise rejects with that error.
   */
  async writeInParts(count: number, pushRow: (out: unknown[], index: number) => void): Promise<void> {
    const id = this.nextId++;
    const done = this.expect(id).then(() => undefined);
    try {
      for (let next = 0; next < count;) {
        if (next > 0) await backgroundTurn();
        const last = Math.min(count, next + PART_ROWS);
        const values: unknown[] = [];
        let chars = 0;
        while (next < last && chars < PART_CHARS) {
          const from = values.length;
          pushRow(values, next++);
          for (let k = from; k < values.length; k++) {
            const value = values[k];
            if (typeof value === 'string') chars += value.length;
          }
        }
        this.post({ id, values, ...(next < count ? { more: true } : {}) });
      }
    } catch (error) {
      this.post({ id, discard: true });
      await done.catch(() => undefined);
      throw error;
    }
    return done;
  }

  /** Closes the worker's connection and ends the thread. Idempotent. */
  async close(): Promise<void> {
    if (this.closed || this.failure) return;
    const done = this.send({ close: true });
    this.closed = true;
    await done.catch(() => undefined);
    await this.worker.terminate();
    this.stopped();
  }

  private stopped(): void {
    if (this.stoppedOnce) return;
    this.stoppedOnce = true;
    this.onStopped();
  }

  private send(body: { sql: string; each: unknown[][] } | { close: true }): Promise<unknown[][] | undefined> {
    const id = this.nextId++;
    const done = this.expect(id);
    try {
      this.post({ id, ...body });
    } catch (error) {
      this.answered(id)?.reject(error as Error); // a value the thread cannot receive (not cloneable)
    }
    return done;
  }

  /** Takes message `id` off the waiting list; the thread is let go when nothing else waits. */
  private answered(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker.unref();
    return waiting;
  }

  /** The promise of message `id`'s answer; rejected at once when the thread is closed or failed. */
  private expect(id: number): Promise<unknown[][] | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the SQLite writer thread is closed'));
    return new Promise<unknown[][] | undefined>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Referenced while a write is in flight: a script awaiting append() must not exit before the commit.
      this.worker.ref();
    });
  }

  private post(message: { id: number; values?: unknown[]; more?: true; discard?: true; close?: true; sql?: string; each?: unknown[][] }): void {
    if (this.waiting.has(message.id)) this.worker.postMessage(message);
  }
}
