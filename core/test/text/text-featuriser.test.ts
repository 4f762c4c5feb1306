import { expect } from 'chai';
import { TextFeaturiser } from '../../src/text/featurise.js';

describe('TextFeaturiser', () => {
  const f = new TextFeaturiser({ buckets: 1 << 12, minN: 1, maxN: 3, seed: 7 });

  it('always emits the bias first, then L2-normalised weights', () => {
    const b = f.featuriseBatch(['abc']);
    expect(b.ids[0]).to.equal(0);
    expect(b.weights[0]).to.equal(1);
    let norm = 0;
    for (let k = 1; k < b.width; k++) norm += b.weights[k]! ** 2;
    expect(norm).to.be.closeTo(1, 1e-5);
    // "\x02abc\x03": 5 unigrams, 4 bigrams, 3 trigrams, all distinct (barring a hash collision)
    expect(b.width).to.be.within(11, 13);
  });

  it('is deterministic and independent of the other inputs in the batch', () => {
    const alone = f.featuriseBatch(["' or 1=1--"]);
    const mixed = f.featuriseBatch(['a much longer benign sentence about shoes', "' or 1=1--"]);
    const row = Array.from(mixed.ids.subarray(mixed.width, mixed.width + alone.width));
    expect(row).to.deep.equal(Array.from(alone.ids));
    expect(Array.from(mixed.weights.subarray(mixed.width, mixed.width + alone.width))).to.deep.equal(Array.from(alone.weights));
  });

  it('pads shorter rows with id 0 and weight 0', () => {
    const b = f.featuriseBatch(['a', 'a longer one']);
    expect(b.weights[b.width - 1]).to.equal(0);
    expect(b.ids[b.width - 1]).to.equal(0);
  });

  it('counts repeats sublinearly', () => {
    const once = f.featuriseBatch(['x']);
    const many = f.featuriseBatch(['xxxxxxxx']);
    expect(many.width).to.be.greaterThan(once.width);
    expect(Array.from(many.ids).every((id) => id >= 0 && id < (1 << 12))).to.equal(true);
  });

  it('refuses a config that cannot work', () => {
    expect(() => new TextFeaturiser({ buckets: 1, minN: 1, maxN: 5, seed: 0 })).to.throw(RangeError);
  });
});
