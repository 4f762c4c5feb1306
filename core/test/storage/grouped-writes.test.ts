import { expect } from 'chai';
import { GroupedWrites } from '../../src/storage/grouped-writes.js';

/** A serial runner like the SQLite guard: one write at a time. */
function serialRunner() {
  let tail: Promise<unknown> = Promise.resolve();
  return (write: () => Promise<void>) => {
    const result = tail.then(write);
    tail = result.catch(() => undefined);
    return result;
  };
}

describe('GroupedWrites', () => {
  it('writes items added in the same turn of the event loop together, each caller getting its own result', async () => {
    const groups: number[][] = [];
    const writes = new GroupedWrites<number, string>(serialRunner(), (items) => {
      groups.push([...items]);
      return items.map((n) => `r${n}`);
    }, (e) => e);
    const first = await Promise.all([1, 2, 3, 4, 5].map((n) => writes.add(n)));
    expect(first).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(await writes.add(6)).to.equal('r6');
    expect(groups).to.deep.equal([[1, 2, 3, 4, 5], [6]]);
  });

  it('when a group fails, writes each item alone so only the bad one fails', async () => {
    const groups: number[][] = [];
    const writes = new GroupedWrites<number, number>(serialRunner(), (items) => {
      groups.push([...items]);
      if (items.includes(13)) throw new Error('unlucky');
      return items.map((n) => n * 2);
    }, (e) => new Error(`wrapped: ${(e as Error).message}`));
    const settled = await Promise.allSettled([12, 13, 14].map((n) => writes.add(n)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)))
      .to.deep.equal([24, 'wrapped: unlucky', 28]);
    expect(groups).to.deep.equal([[12, 13, 14], [12], [13], [14]]);
  });
});
