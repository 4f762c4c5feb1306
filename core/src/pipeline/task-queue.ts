/**
 * Runs async jobs with at most `concurrency` at once and at most `limit` waiting; jobs past the
 * limit are dropped and counted, so a flood of closed sessions can't grow memory without bound.
 */
export class TaskQueue<T> {
  private readonly waiting: T[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  dropped = 0;
  failed = 0;
  done = 0;

  constructor(
    private readonly run: (item: T) => Promise<void>,
    private readonly concurrency: number,
    private readonly limit = 10_000,
    private readonly onError: (err: unknown, item: T) => void = () => {},
  ) {}

  get pending(): number {
    return this.waiting.length + this.running;
  }

  push(item: T): boolean {
    if (this.waiting.length >= this.limit) {
      this.dropped++;
      return false;
    }
    this.waiting.push(item);
    this.pump();
    return true;
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const item = this.waiting.shift()!;
      this.running++;
      this.run(item)
        .then(() => { this.done++; }, (err) => { this.failed++; this.onError(err, item); })
        .finally(() => {
          this.running--;
          this.pump();
          if (this.pending === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            waiters.forEach((w) => w());
          }
        });
    }
  }
}
