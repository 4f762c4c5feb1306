import { expect } from 'chai';
import { Rng } from '../../src/session/simulator/rng.js';
import { balancedWeights } from '../../src/session/dataset.js';
import { trainBoostedTrees } from '../../src/session/trees/boost.js';
import { ALWAYS_LEFT, treeProbability } from '../../src/session/trees/tree-model.js';

function synthetic(seed: string, rows: number): { x: Float32Array; y: Uint8Array } {
  const rng = new Rng(seed);
  const x = new Float32Array(rows * 3), y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const reqs = rng.int(1, 200), seconds = rng.uniform(0.5, 300), noise = rng.next();
    x.set([reqs, seconds, noise], i * 3);
    y[i] = reqs / seconds > 5 ? 1 : 0; // a rate rule the trees must find from two raw features
  }
  return { x, y };
}

describe('boosted oblivious trees', () => {
  it('learn an interaction of two raw features and generalise to fresh rows', () => {
    const train = synthetic('train', 3000);
    const model = trainBoostedTrees(train.x, train.y, balancedWeights(train.y), 3, { trees: 40, depth: 4, seed: 3 });
    const test = synthetic('test', 1000);
    let correct = 0;
    for (let i = 0; i < 1000; i++) if ((treeProbability(model, test.x.subarray(i * 3, i * 3 + 3)) >= 0.5 ? 1 : 0) === test.y[i]) correct++;
    expect(correct / 1000).to.be.greaterThan(0.95);
    expect(model.trees).to.have.length(40);
    for (const t of model.trees) expect(t.leaf).to.have.length(16);
  });

  it('do not extrapolate: scores far outside the training range equal the nearest trained region', () => {
    const train = synthetic('train', 2000);
    const model = trainBoostedTrees(train.x, train.y, balancedWeights(train.y), 3, { trees: 20, depth: 3, seed: 1 });
    const edge = treeProbability(model, [200, 0.5, 0.5]);
    expect(treeProbability(model, [1e6, 0.5, 0.5])).to.equal(edge);
    expect(treeProbability(model, [1, 1e7, 0.5])).to.equal(treeProbability(model, [1, 300, 0.5]));
  });

  it('are deterministic for a seed and put unused levels on an always-true question', () => {
    const x = new Float32Array([0, 0, 1, 1]), y = new Uint8Array([0, 0, 1, 1]);
    const a = trainBoostedTrees(x, y, balancedWeights(y), 1, { trees: 2, depth: 3, seed: 5, minChildWeight: 0, rowSample: 1 });
    const b = trainBoostedTrees(x, y, balancedWeights(y), 1, { trees: 2, depth: 3, seed: 5, minChildWeight: 0, rowSample: 1 });
    expect(a).to.deep.equal(b);
    // One feature with two values allows one useful split; the deeper levels ask nothing.
    expect(a.trees[0]!.threshold.slice(1)).to.deep.equal([ALWAYS_LEFT, ALWAYS_LEFT]);
    expect(treeProbability(a, [1])).to.be.greaterThan(0.5);
    expect(treeProbability(a, [0])).to.be.lessThan(0.5);
  });
});
