import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { BudgetedTurns } from '../../src/pipeline/budgeted-turns.js';
import { turnCounter } from '../helpers/turns.js';

function holdLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* a job's synchronous work */ }
}

describe('BudgetedTurns', () => {
  it('starts jobs queued together in one turn while they are cheap, and returns what each returns', async () => {
    const turns = turnCounter();
    const startedIn: number[] = [];
    const budgeted = new BudgetedTurns(50);
    const results = await Promise.all([1, 2, 3].map((n) => budgeted.run(async () => { startedIn.push(turns.now()); return n * 10; })));
    turns.stop();
    expect(results).to.deep.equal([10, 20, 30]);
    expect(new Set(startedIn).size).to.equal(1);
  });

  it('leaves jobs past the budget to a later turn, after the callbacks waiting meanwhile', async () => {
    const events: string[] = [];
    const budgeted = new BudgetedTurns(5);
    await Promise.all([
      budgeted.run(async () => { events.push('first'); setImmediate(() => events.push('waiting callback')); holdLoop(6); }),
      budgeted.run(async () => { events.push('second'); }),
    ]);
    expect(events).to.deep.equal(['first', 'waiting callback', 'second']);
  });

  it('starts at most maxJobs a turn', async () => {
    const turns = turnCounter();
    const startedIn: number[] = [];
    const budgeted = new BudgetedTurns(50, 2);
    await Promise.all([1, 2, 3, 4, 5].map(() => budgeted.run(async () => { startedIn.push(turns.now()); })));
    turns.stop();
    const [first, , third, , fifth] = startedIn;
    expect(startedIn).to.deep.equal([first, first, third, third, fifth]);
    expect(new Set(startedIn).size).to.equal(3);
  });

  it('rejects only the promise of a job that throws, synchronously or not', async () => {
    const budgeted = new BudgetedTurns(50);
    const outcomes = await Promise.allSettled([
      budgeted.run(() => { throw new Error('at once'); }),
      budgeted.run(async () => { throw new Error('later'); }),
      budgeted.run(async () => 'fine'),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).to.deep.equal(['at once', 'later', 'fine']);
  });
});
