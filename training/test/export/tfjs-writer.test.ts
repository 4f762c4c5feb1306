import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import * as tf from '@tensorflow/tfjs';
import { readTfjsLayersModel, writeTfjsLayersModel } from '../../src/export/tfjs-writer.js';

describe('tfjs layers writer', () => {
  let dir: string;
  before(async () => {
    await tf.setBackend('cpu');
    dir = await mkdtemp(join(tmpdir(), 'warden-tfjs-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('saves model.json + weights.bin that load back and predict the same numbers', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 4, activation: 'relu' }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const files = await writeTfjsLayersModel(dir, model, { labels: ['a', 'b'] });
    const json = JSON.parse(await readFile(files.modelJson, 'utf8'));
    expect(json.format).to.equal('layers-model');
    expect(json.weightsManifest[0].paths).to.deep.equal(['weights.bin']);
    expect(json.userDefinedMetadata.labels).to.deep.equal(['a', 'b']);
    expect((await readFile(files.weightsBin)).length).to.equal((3 * 4 + 4 + 4 * 2 + 2) * 4);

    const loaded = await readTfjsLayersModel(dir);
    const x = tf.tensor2d([[1, -2, 0.5], [0, 3, -1]]);
    const a = (model.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(b)).to.deep.equal(Array.from(a));
  });
});
