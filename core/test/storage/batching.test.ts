import { expect } from 'chai';
import { chunkForInsert } from '../../src/storage/batching.js';

describe('insert chunking', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => i);

  it('keeps every statement within the parameter cap', () => {
    const chunks = chunkForInsert(rows, 16, 32766, () => 10);
    expect(chunks.every((c) => c.length * 16 <= 32766)).to.equal(true);
    expect(chunks.flat()).to.deep.equal(rows);
    expect(chunks[0]).to.have.length(2047);
  });

  it('starts a new statement when the size budget is reached, giving an oversized row its own', () => {
    const chunks = chunkForInsert([1, 2, 3, 50, 4], 1, 1000, (n) => n, 10);
    expect(chunks).to.deep.equal([[1, 2, 3], [50], [4]]);
  });
});
