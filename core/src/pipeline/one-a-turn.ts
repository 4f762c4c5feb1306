import { backgroundTurn } from '../background-turn.js';

/** Lets requests (and other I/O callbacks) that are waiting run first. */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs jobs one at a time, in order, each in a later turn of the event loop than the one before
 * it ended, and one no other background job shares (see backgroundTurn): work that is cheap per
 * job but comes in bursts (a model's slices, sessions read back) then holds the loop for one job
 * at a time, with waiting requests served in between.
 */
export class OneATurn {
  private last: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** `mayStartNow`: when no job is pending, start in this turn instead of waiting for the next. */
  run<T>(job: () => Promise<T>, mayStartNow = false): Promise<T> {
    const ready = mayStartNow && this.pending === 0 ? Promise.resolve() : this.last.then(backgroundTurn);
    this.pending++;
    const done = ready.then(job).finally(() => { this.pending--; });
    this.last = done.catch(() => undefined);
    return done;
  }
}
