import { expect } from 'chai';
import { OneATurn } from '../../src/pipeline/one-a-turn.js';

describe('OneATurn', () => {
  it('runs jobs in order, each after a turn in which waiting callbacks run', async () => {
    const events: string[] = [];
    const gate = new OneATurn();
    const jobs = ['a', 'b', 'c'].map((name) => gate.run(async () => {
      events.push(name);
      setImmediate(() => events.push(`callback after ${name}`));
      return name.toUpperCase();
    }));
    expect(await Promise.all(jobs)).to.deep.equal(['A', 'B', 'C']);
    expect(events).to.deep.equal(['a', 'callback after a', 'b', 'callback after b', 'c']);
  });

  it('starts a job in this turn when asked and nothing is pending, never ahead of a pending one', async () => {
    const events: string[] = [];
    const gate = new OneATurn();
    setImmediate(() => events.push('next turn'));
    const first = gate.run(async () => { events.push('first'); }, true);
    const second = gate.run(async () => { events.push('second'); }, true);
    await Promise.all([first, second]);
    expect(events).to.deep.equal(['first', 'next turn', 'second']);
  });

  it('goes on with the next job after one that fails', async () => {
    const gate = new OneATurn();
    const outcomes = await Promise.allSettled([gate.run(async () => { throw new Error('bad job'); }), gate.run(async () => 'fine')]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).to.deep.equal(['bad job', 'fine']);
  });
});
