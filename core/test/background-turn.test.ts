import { expect } from 'chai';
import { backgroundTurn } from '../src/background-turn.js';
import { BudgetedTurns } from '../src/pipeline/budgeted-turns.js';
import { CoalescedCalls } from '../src/pipeline/coalesced-calls.js';
import { OneATurn } from '../src/pipeline/one-a-turn.js';
import { turnCounter } from './helpers/turns.js';

describe('backgroundTurn', () => {
  it('gives waiters a turn each, oldest first', async () => {
    const turns = turnCounter();
    const startedIn: number[] = [];
    await Promise.all(['a', 'b', 'c'].map((_, i) => backgroundTurn().then(() => { startedIn[i] = turns.now(); })));
    turns.stop();
    expect(startedIn[0]).to.be.below(startedIn[1]!);
    expect(startedIn[1]).to.be.below(startedIn[2]!);
  });

  it('lets a waiter that asks again wait behind the others', async () => {
    const order: string[] = [];
    const again = backgroundTurn().then(async () => { order.push('a'); await backgroundTurn(); order.push('a again'); });
    await Promise.all([again, backgroundTurn().then(() => order.push('b'))]);
    expect(order).to.deep.equal(['a', 'b', 'a again']);
  });

  it('keeps the jobs of different schedulers out of each other\'s turn', async () => {
    // Each of these used to wait for its own setImmediate, and Node runs every immediate queued
    // before a check phase in that phase: their work then added up into one long stall.
    const turns = turnCounter();
    const startedIn: Record<string, number> = {};
    const slices = new OneATurn();
    const budgeted = new BudgetedTurns(50);
    const coalesced = new CoalescedCalls(async (items: readonly string[]) => { startedIn.coalesced = turns.now(); return [...items]; });
    await Promise.all([
      slices.run(async () => { startedIn.slice1 = turns.now(); }, true),
      slices.run(async () => { startedIn.slice2 = turns.now(); }),
      budgeted.run(async () => { startedIn.budgeted = turns.now(); }),
      coalesced.call(['x']),
      backgroundTurn().then(() => { startedIn.part = turns.now(); }),
    ]);
    turns.stop();
    const later = [startedIn.slice2, startedIn.budgeted, startedIn.coalesced, startedIn.part];
    expect(new Set(later).size, JSON.stringify(startedIn)).to.equal(later.length);
    for (const turn of later) expect(turn).to.be.above(startedIn.slice1!);
  });
});
