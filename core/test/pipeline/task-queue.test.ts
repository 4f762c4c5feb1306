import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { TaskQueue } from '../../src/pipeline/task-queue.js';

/** A job that records which items started in which turn of the event loop, and waits `ms`. */
function turnRecorder(ms = 0) {
  const turns: number[][] = [];
  let turn: number[] | null = null;
  const run = async (item: number) => {
    if (!turn) {
      turn = [];
      turns.push(turn);
      setImmediate(() => { turn = null; });
    }
    turn.push(item);
    if (ms > 0) await sleep(ms);
  };
  return { turns, run };
}

describe('TaskQueue', () => {
  it('starts the items pushed within the batch window together, in one turn', async () => {
    const { turns, run } = turnRecorder();
    const queue = new TaskQueue(run, { concurrency: 1, batchWindowMs: 30 });
    queue.push(1);
    await sleep(5);
    queue.push(2);
    queue.push(3);
    expect(turns).to.deep.equal([], 'nothing starts before the window is over');
    await queue.idle();
    expect(turns).to.deep.equal([[1, 2, 3]]);
    expect(queue.done).to.equal(3);
  });

  it('hurry() starts what waits without waiting out the window, as one batch', async () => {
    const { turns, run } = turnRecorder();
    const queue = new TaskQueue(run, { concurrency: 1, batchWindowMs: 10_000 });
    queue.push(1);
    queue.push(2);
    const started = Date.now();
    queue.hurry();
    await queue.idle();
    expect(Date.now() - started).to.be.below(1000);
    expect(turns).to.deep.equal([[1, 2]]);
    queue.hurry(); // nothing waiting: nothing to do
    expect(queue.pending).to.equal(0);
  });

  it('without a window, starts an item at once, at most `concurrency` batches at a time', async () => {
    const { turns, run } = turnRecorder(20);
    const queue = new TaskQueue(run, { concurrency: 2, maxBatch: 1 });
    for (const item of [1, 2, 3, 4]) queue.push(item);
    expect(turns).to.deep.equal([[1, 2]], 'the first two start while pushed');
    expect(queue.pending).to.equal(4);
    await queue.idle();
    expect(turns.flat()).to.deep.equal([1, 2, 3, 4]);
    expect(queue.pending).to.equal(0);
  });

  it('splits what waits into batches of at most `maxBatch`, and items arriving while a batch runs form the next one', async () => {
    const { turns, run } = turnRecorder(30);
    const queue = new TaskQueue(run, { concurrency: 1, batchWindowMs: 10, maxBatch: 2 });
    for (const item of [1, 2, 3]) queue.push(item);
    await sleep(20);
    queue.push(4);
    await queue.idle();
    expect(turns).to.deep.equal([[1, 2], [3, 4]]);
  });

  it('counts failed items apart and reports each, without stopping the rest of its batch', async () => {
    const reported: number[] = [];
    const queue = new TaskQueue(async (item: number) => { if (item % 2 === 0) throw new Error(`bad ${item}`); },
      { concurrency: 1, batchWindowMs: 5, onError: (_err, item) => reported.push(item) });
    for (const item of [1, 2, 3, 4]) queue.push(item);
    await queue.idle();
    expect([queue.done, queue.failed]).to.deep.equal([2, 2]);
    expect(reported).to.deep.equal([2, 4]);
  });

  it('drops items past the waiting limit and counts them', async () => {
    const queue = new TaskQueue(async () => {}, { concurrency: 1, batchWindowMs: 5, limit: 2 });
    expect([1, 2, 3].map((item) => queue.push(item))).to.deep.equal([true, true, false]);
    await queue.idle();
    expect([queue.done, queue.dropped]).to.deep.equal([2, 1]);
  });

  it('is idle at once when nothing was pushed, and again after each batch is done', async () => {
    const queue = new TaskQueue(async () => { await sleep(5); }, { concurrency: 1, batchWindowMs: 5 });
    await queue.idle();
    queue.push(1);
    await queue.idle();
    queue.push(2);
    await queue.idle();
    expect(queue.done).to.equal(2);
  });
});
