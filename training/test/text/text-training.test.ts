import { expect } from 'chai';
import { NORMALISER_VERSION, TEXT_LABELS } from '@session-warden/core';
import { generateTextDataset, isHeldOut } from '../../src/text/generators/dataset.js';
import { measureJs } from '../../src/text/pipeline.js';
import { createTextModel } from '../../src/text/text-model.js';
import { prepare, TextTrainer } from '../../src/text/trainer.js';

const FEATURISER = { buckets: 4096, minN: 1, maxN: 4, seed: 1 };

describe('text training (tiny models on small generated data)', () => {
  const data = generateTextDataset({ seed: 21, size: 4000 });
  const train = prepare(data.filter((d) => !isHeldOut(d.text)), TEXT_LABELS);
  const held = data.filter((d) => isHeldOut(d.text));

  for (const kind of ['linear', 'mlp'] as const) {
    it(`learns the ${kind} model well above chance on a held-out split`, () => {
      const model = createTextModel(kind, FEATURISER, NORMALISER_VERSION, [8], 1);
      const before = measureJs(model, held).accuracy;
      const history = new TextTrainer(model, { epochs: 1, learningRate: kind === 'linear' ? 0.2 : 0.1, seed: 2 }).train(train, []);
      const after = measureJs(model, held);
      expect(history).to.have.length(1);
      expect(after.accuracy).to.be.greaterThan(0.9);
      expect(after.accuracy).to.be.greaterThan(before);
    });
  }

  it('is reproducible: the same seed gives the same weights', () => {
    const a = createTextModel('mlp', FEATURISER, NORMALISER_VERSION, [4], 9);
    const b = createTextModel('mlp', FEATURISER, NORMALISER_VERSION, [4], 9);
    new TextTrainer(a, { epochs: 1, learningRate: 0.1, seed: 4 }).train(train.slice(0, 300), []);
    new TextTrainer(b, { epochs: 1, learningRate: 0.1, seed: 4 }).train(train.slice(0, 300), []);
    expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).to.equal(true);
  });
});
