import { expect } from 'chai';
import { CoalescedCalls } from '../../src/pipeline/coalesced-calls.js';

describe('CoalescedCalls', () => {
  it('sends calls made in the same turn as one call, equal items once, and gives each caller its own results in order', async () => {
    const calls: string[][] = [];
    const coalesced = new CoalescedCalls(async (items: readonly string[]) => {
      calls.push([...items]);
      return items.map((s) => s.toUpperCase());
    }, (s) => s);
    const results = await Promise.all([coalesced.call(['a', 'b']), coalesced.call([]), coalesced.call(['b', 'c', 'a']), coalesced.call(['d'])]);
    expect(results).to.deep.equal([['A', 'B'], [], ['B', 'C', 'A'], ['D']]);
    expect(calls).to.deep.equal([['a', 'b', 'c', 'd']]);
    expect(await coalesced.call(['e'])).to.deep.equal(['E']);
    expect(calls).to.have.length(2);
  });

  it('keeps equal items apart when no key is given', async () => {
    const calls: number[][] = [];
    const coalesced = new CoalescedCalls(async (items: readonly number[]) => {
      calls.push([...items]);
      return items.map((n) => n * 10);
    });
    expect(await Promise.all([coalesced.call([1, 1]), coalesced.call([1])])).to.deep.equal([[10, 10], [10]]);
    expect(calls).to.deep.equal([[1, 1, 1]]);
  });

  it('when the joint call fails, calls for each caller alone so only the bad caller fails', async () => {
    const calls: string[][] = [];
    const coalesced = new CoalescedCalls(async (items: readonly string[]) => {
      calls.push([...items]);
      if (items.includes('bad')) throw new Error('model refused "bad"');
      return items.map((s) => s.length);
    });
    const settled = await Promise.allSettled([coalesced.call(['ok']), coalesced.call(['bad', 'x']), coalesced.call(['fine'])]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)))
      .to.deep.equal([[2], 'model refused "bad"', [4]]);
    expect(calls).to.deep.equal([['ok', 'bad', 'x', 'fine'], ['ok'], ['bad', 'x'], ['fine']]);
  });
});
