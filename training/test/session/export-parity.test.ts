import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFeatureClassifier as onnxClassifier } from '@session-warden/model-onnx';
import { createFeatureClassifier as tfjsClassifier } from '@session-warden/model-tfjs';
import { simulateSessions } from '../../src/session/simulator/simulate.js';
import { DEFAULT_FEATURE_NAMES, exportSessionModel, scoreRows, trainSessionModel } from '../../src/session/train.js';

describe('session model export: the same trained model on ONNX and TensorFlow.js', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'warden-session-export-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('gives the same labels and probabilities within 1e-4 on both backends, equal to the trees scored in JS', async () => {
    const rows = simulateSessions({ seed: 'parity', clients: 300 });
    const model = trainSessionModel({ name: 'tiny', featureNames: DEFAULT_FEATURE_NAMES, rows, boost: { trees: 25, depth: 4 } });
    await exportSessionModel(model, { onnxFile: join(dir, 'tiny.onnx'), tfjsDir: join(dir, 'tiny') });
    const onnx = await onnxClassifier({ modelFile: join(dir, 'tiny.onnx') });
    const tfjs = await tfjsClassifier({ modelFile: join(dir, 'tiny') });
    expect(onnx.featureNames).to.deep.equal(DEFAULT_FEATURE_NAMES);
    expect(tfjs.featureNames).to.deep.equal(DEFAULT_FEATURE_NAMES);
    const fresh = simulateSessions({ seed: 'parity-fresh', clients: 200 });
    const features = fresh.map((s) => s.features);
    const [a, b] = [await onnx.classify(features), await tfjs.classify(features)];
    const js = scoreRows(model, fresh);
    let abnormal = 0;
    for (let i = 0; i < features.length; i++) {
      expect(b[i]!.label, `row ${i}`).to.equal(a[i]!.label);
      expect(Math.abs(a[i]!.score - b[i]!.score), `row ${i}`).to.be.below(1e-4);
      expect(Math.abs(a[i]!.score - js[i]!), `row ${i}`).to.be.below(1e-4);
      if (a[i]!.label === 'abnormal') abnormal++;
    }
    expect(abnormal).to.be.greaterThan(0);
    expect(abnormal).to.be.lessThan(features.length);
    await onnx.close();
    tfjs.dispose();
  });
});
