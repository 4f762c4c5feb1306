import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { COMPAT5, sessionModelSuite, withTempDir } from '@session-warden/model-test-suite';
import { createFeatureClassifier } from '../src/index.js';
import { onnxBackend } from './backend.js';

sessionModelSuite(onnxBackend);

describe('ONNX feature classifier: a model file alone', () => {
  it('reads feature names and threshold from inside the .onnx when no JSON is beside it', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(__dirname, '..', '..', 'models', 'session-compat5.onnx'), join(dir, 'alone.onnx'));
      const c = await createFeatureClassifier({ modelFile: 'alone.onnx', dir_path: dir });
      expect(c.featureNames).to.deep.equal(COMPAT5);
      const shipped = await createFeatureClassifier({ variant: 'compat5' });
      expect(c.threshold).to.equal(shipped.threshold);
      await c.close();
      await shipped.close();
    });
  });
});
