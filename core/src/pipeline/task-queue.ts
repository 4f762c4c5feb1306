export interface TaskQueueOptions<T> {
  /** Batches running at once. */
  concurrency: number;
  /** Items waiting at most; items past it are dropped and counted. */
  limit?: number;
  /**
   * How long the first waiting item waits for others to join its batch (0: a batch is whatever is
   * waiting when a slot frees up).
   */
  batchWindowMs?: number;
  /** Items in one batch at most. */
  maxBatch?: number;
  onError?: (err: unknown, item: T) => void;
}

/**
 * Runs async jobs in batches: the items of a batch start in the same turn of the event loop, so
 * the calls they make together (a model call, a store write) can be joined into one. At most
 * `concurrency` batches run at once and at most `limit` items wait; a flood of closed sessions
 * can't grow memory without bound.
 */
export class TaskQueue<T> {
  private readonly waiting: T[] = [];
  /** Items running, and the batches they run in. */
  private running = 0;
  private runningBatches = 0;
  /** The waiting items have waited out the batch window. */
  private due = false;
  private idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly limit: number;
  private readonly batchWindowMs: number;
  private readonly maxBatch: number;
  private readonly onError?: (err: unknown, item: T) => void;
  dropped = 0;
  failed = 0;
  done = 0;

  constructor(private readonly run: (item: T) => Promise<void>, options: TaskQueueOptions<T>) {
    this.concurrency = options.concurrency;
    this.limit = options.limit ?? 10_000;
    this.batchWindowMs = options.batchWindowMs ?? 0;
    this.maxBatch = options.maxBatch ?? 256;
    this.onError = options.onError;
  }

  get pending(): number {
    return this.waiting.length + this.running;
  }

  push(item: T): boolean {
    if (this.waiting.length >= this.limit) {
      this.dropped++;
      return false;
    }
    this.waiting.push(item);
    if (this.batchWindowMs === 0) this.due = true;
    else if (this.waiting.length === 1 && !this.due) setTimeout(() => { this.due = true; this.pump(); }, this.batchWindowMs);
    this.pump();
    return true;
  }

  /** Starts what is waiting without waiting out the batch window (when closing or settling). */
  hurry(): void {
    if (this.waiting.length === 0) return;
    this.due = true;
    this.pump();
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.due && this.runningBatches < this.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running += batch.length;
      this.runningBatches++;
      void Promise.all(batch.map((item) => this.runOne(item))).then(() => {
        this.runningBatches--;
        this.pump();
      });
    }
    if (this.waiting.length === 0) this.due = this.batchWindowMs === 0;
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  private runOne(item: T): Promise<void> {
    return this.run(item)
      .then(() => { this.done++; }, (err) => { this.failed++; this.onError?.(err, item); })
      .finally(() => { this.running--; });
  }
}
