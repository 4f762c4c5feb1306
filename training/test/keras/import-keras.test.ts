import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as tf from '@tensorflow/tfjs';
import { WardenConfigError } from '@session-warden/core';
import { createFeatureClassifier, initTfjsBackend, loadH5wasm } from '@session-warden/model-tfjs';
import { readTfjsLayersModel } from '../../src/export/tfjs-writer.js';
import { importKeras } from '../../src/keras/import-keras.js';
import { writeKerasH5, writeKerasH5Parts } from '../../src/keras/write-h5.js';
import { readFile } from 'node:fs/promises';

const quiet = () => ({ stdout: new PassThrough(), stderr: new PassThrough() });

/** Gives every weight fixed pseudo-random values, so a wrong mapping of weights shows in the outputs. */
function fillWeights(model: tf.LayersModel): void {
  let seed = 7;
  model.setWeights(model.weights.map((w) => {
    const shape = w.shape as number[];
    const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647 - 0.5) * 0.8;
    });
    return tf.tensor(values, shape);
  }));
}

function charCnn(): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.embedding({ inputDim: 60, outputDim: 6, inputLength: 12 }),
    tf.layers.conv1d({ filters: 5, kernelSize: 3, activation: 'relu' }),
    tf.layers.maxPooling1d({ poolSize: 2 }),
    tf.layers.dropout({ rate: 0.3 }),
    tf.layers.globalMaxPooling1d(),
    tf.layers.dense({ units: 5, activation: 'softmax' }),
  ] });
}

function denseThresholded(): tf.LayersModel {
  return tf.sequential({ layers: [
    tf.layers.dense({ inputShape: [5], units: 8 }),
    tf.layers.thresholdedReLU({ theta: 0.1 }),
    tf.layers.dropout({ rate: 0.5 }),
    tf.layers.dense({ units: 4, activation: 'tanh' }),
    tf.layers.dense({ units: 1, activation: 'sigmoid' }),
  ] });
}

function functional(): tf.LayersModel {
  const input = tf.input({ shape: [5] });
  const a = tf.layers.dense({ units: 6, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
  const b = tf.layers.dense({ units: 6, activation: 'elu' }).apply(input) as tf.SymbolicTensor;
  const joined = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 2, activation: 'softmax' }).apply(joined) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

describe('Keras .h5 import', () => {
  let dir: string;
  before(async () => {
    await initTfjsBackend();
    dir = await mkdtemp(join(tmpdir(), 'warden-keras-'));
  });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  const chars = () => tf.tensor2d(Array.from({ length: 4 * 12 }, (_, i) => (i * 7) % 60), [4, 12]);
  const rows = () => tf.tensor2d(Array.from({ length: 6 * 5 }, (_, i) => Math.sin(i) * 3), [6, 5]);
  const cases: [string, () => tf.LayersModel, () => tf.Tensor, boolean][] = [
    ['a Keras 2 character CNN (Embedding, Conv1D, pooling, Dropout, softmax)', charCnn, chars, false],
    ['a Keras 2 Dense model with ThresholdedReLU', denseThresholded, rows, false],
    ['a Keras 2 functional model with two branches', functional, rows, false],
    ['a Keras 3 config of the character CNN', charCnn, chars, true],
    ['a Keras 3 functional config', functional, rows, true],
  ];
  for (const [what, build, input, keras3] of cases) {
    it(`converts ${what} into tfjs layers format that predicts the same numbers`, async () => {
      const original = build();
      fillWeights(original);
      const file = join(dir, `${original.name}.h5`), out = join(dir, `${original.name}-tfjs`);
      await writeKerasH5(file, original, { keras3 });
      const io = quiet();
      let printed = '';
      io.stdout.on('data', (d) => { printed += d; });
      expect(await importKeras([file, '--out', out], io)).to.equal(0);
      expect(printed).to.include(keras3 ? 'converted from Keras 3' : 'Keras 2.15.0');
      const imported = await readTfjsLayersModel(out);
      const x = input();
      const want = (original.predict(x) as tf.Tensor).dataSync();
      const got = (imported.predict(x) as tf.Tensor).dataSync();
      expect(got.length).to.equal(want.length);
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).to.be.below(1e-6);
    });
  }

  it('serves an older-style five-feature model.h5 directly as a session classifier (compat5 order)', async () => {
    const original = denseThresholded();
    fillWeights(original);
    const file = join(dir, 'model.h5');
    await writeKerasH5(file, original);
    const c = await createFeatureClassifier({ modelFile: file });
    expect(c.featureNames).to.deep.equal(['numOfLoginAttempts', 'numOfPostReqs', 'numOfReqs', 'sesCodes4xx', 'sesDuration']);
    const row = { numOfLoginAttempts: 2, numOfPostReqs: 3, numOfReqs: 9, sesCodes4xx: 1, sesDuration: 0.5 };
    const [verdict] = await c.classify([row]);
    const want = (original.predict(tf.tensor2d([[2, 3, 9, 1, 0.5]])) as tf.Tensor).dataSync()[0]!;
    expect(Math.abs(verdict!.score - want)).to.be.below(1e-6);
    expect(verdict!.label).to.equal(want >= 0.5 ? 'abnormal' : 'normal');
  });

  it('reads a config exactly as Keras 2.15 writes it (InputLayer extras, nested dense/kernel:0 weights) and computes the same numbers by hand', async () => {
    const config = JSON.parse(await readFile(join(__dirname, '..', '..', '..', 'test', 'keras', 'fixtures', 'keras2-compat-config.json'), 'utf8'));
    const k1 = Float32Array.from({ length: 20 }, (_, i) => ((i % 7) - 3) / 10), b1 = Float32Array.of(0.1, -0.2, 0.05, 0);
    const k2 = Float32Array.of(0.5, -1, 2, 0.25), b2 = Float32Array.of(-0.3);
    const file = join(dir, 'keras215.h5');
    await writeKerasH5Parts(file, config, '2.15.0', [
      { layer: 'dense', weights: [{ name: 'dense/kernel:0', shape: [5, 4], data: k1 }, { name: 'dense/bias:0', shape: [4], data: b1 }] },
      { layer: 'thresholded_re_lu', weights: [] },
      { layer: 'dropout', weights: [] },
      { layer: 'dense_1', weights: [{ name: 'dense_1/kernel:0', shape: [4, 1], data: k2 }, { name: 'dense_1/bias:0', shape: [1], data: b2 }] },
    ]);
    const x = [1, 2, 0.5, -1, 3];
    // Dense → ThresholdedReLU(θ = 0.1) → (Dropout: identity at inference) → Dense → sigmoid, in plain JS.
    const hidden = [0, 1, 2, 3].map((j) => x.reduce((sum, v, i) => sum + v * k1[i * 4 + j]!, b1[j]!)).map((h) => (h > 0.1 ? h : 0));
    const want = 1 / (1 + Math.exp(-hidden.reduce((sum, h, j) => sum + h * k2[j]!, b2[0]!)));
    const c = await createFeatureClassifier({ modelFile: file });
    const [verdict] = await c.classify([{ numOfLoginAttempts: 1, numOfPostReqs: 2, numOfReqs: 0.5, sesCodes4xx: -1, sesDuration: 3 }]);
    expect(Math.abs(verdict!.score - want)).to.be.below(1e-6);
  });

  it('refuses a layer it does not convert, naming the layer and listing what is supported', async () => {
    const model = tf.sequential({ layers: [tf.layers.lstm({ inputShape: [4, 3], units: 2 }), tf.layers.dense({ units: 1 })] });
    const file = join(dir, 'lstm.h5');
    await writeKerasH5(file, model);
    try {
      await importKeras([file, '--out', join(dir, 'lstm')], quiet());
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(WardenConfigError);
      expect((err as Error).message).to.match(/layer lstm\w* \(LSTM\)/);
      expect((err as Error).message).to.include('Supported layers: InputLayer, Dense, Conv1D');
    }
  });

  it('refuses a Keras 3 .keras archive and a weights-only .h5 with what to do instead', async () => {
    await writeFile(join(dir, 'm.keras'), 'PK');
    try {
      await importKeras([join(dir, 'm.keras'), '--out', join(dir, 'x')], quiet());
      expect.fail('should have thrown');
    } catch (err) {
      expect((err as Error).message).to.include('save the model as .h5');
    }
    const h5 = await loadH5wasm();
    const f = new h5.File(join(dir, 'weights.h5'), 'w');
    f.create_group('dense');
    f.close();
    try {
      await importKeras([join(dir, 'weights.h5'), '--out', join(dir, 'y')], quiet());
      expect.fail('should have thrown');
    } catch (err) {
      expect((err as Error).message).to.include('weights only');
    }
  });
});
