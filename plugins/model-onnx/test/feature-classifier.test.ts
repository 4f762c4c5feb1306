import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { COMPAT5, sessionModelSuite } from '@session-warden/model-test-suite';
import { createFeatureClassifier, onnxModels, registerFeatureClassifier } from '../src/index.js';

sessionModelSuite({
  label: 'ONNX',
  namePrefix: 'onnx:',
  createFeatureClassifier,
  registerFeatureClassifier,
  plugin: onnxModels,
  release: (classifier) => classifier.close(),
  missingFile: 'nope.onnx',
});

describe('ONNX feature classifier: a model file alone', () => {
  it('reads feature names and threshold from inside the .onnx when no JSON is beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'warden-onnx-alone-'));
    try {
      await copyFile(join(__dirname, '..', '..', 'models', 'session-compat5.onnx'), join(dir, 'alone.onnx'));
      const c = await createFeatureClassifier({ modelFile: 'alone.onnx', dir_path: dir });
      expect(c.featureNames).to.deep.equal(COMPAT5);
      const shipped = await createFeatureClassifier({ variant: 'compat5' });
      expect(c.threshold).to.equal(shipped.threshold);
      await c.close();
      await shipped.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
