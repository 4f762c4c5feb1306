import { performance } from 'node:perf_hooks';
import { backgroundTurn } from '../background-turn.js';

/**
 * Starts jobs in turns of the event loop: each turn starts waiting jobs, in order, until their
 * synchronous parts have held the loop for `budgetMs` or `maxJobs` have started (at least one job
 * a turn), and leaves the rest to a later turn, after waiting I/O. The count bounds what the jobs
 * do later together, when the call they share returns. Jobs started in one turn still share that turn: the
 * calls they make together (a model call, a store write) are joined into one, as before.
 *
 * Why: a batch of closed sessions (up to 256) used to start all at once, and every session's
 * features and inputs were worked out in one go before the loop could serve another request
 * (20 sessions of 180 requests with 8 KB bodies: about 45 ms).
 */
export class BudgetedTurns {
  private waiting: (() => void)[] = [];

  constructor(private readonly budgetMs: number, private readonly maxJobs = Infinity) {}

  /** Runs `job` in a coming turn; its promise settles as the job's does (a synchronous throw rejects it). */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          job().then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      });
      if (this.waiting.length === 1) void backgroundTurn().then(() => this.turn());
    });
  }

  private turn(): void {
    const started = performance.now();
    let next = 0;
    do this.waiting[next++]!();
    while (next < this.waiting.length && next < this.maxJobs && performance.now() - started < this.budgetMs);
    this.waiting = this.waiting.slice(next);
    if (this.waiting.length > 0) void backgroundTurn().then(() => this.turn());
  }
}
