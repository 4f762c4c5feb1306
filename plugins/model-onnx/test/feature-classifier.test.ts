import { expect } from 'chai';
import { createWardenContainer, resolveOptions, TOKENS, ValidationError, WardenConfigError, type FeatureClassifier, type TextClassifier } from '@session-warden/core';
import { createFeatureClassifier, onnxModels, registerFeatureClassifier } from '../src/index.js';

const COMPAT5 = ['numOfLoginAttempts', 'numOfPostReqs', 'numOfReqs', 'sesCodes4xx', 'sesDuration'];

describe('ONNX feature classifier', () => {
  it('loads the shipped compat5 model, which reads exactly the older five features in order', async () => {
    const c = await createFeatureClassifier({ variant: 'compat5' });
    expect(c.featureNames).to.deep.equal(COMPAT5);
    expect(c.name).to.equal('onnx:session-compat5');
    // A DoS burst: a capped session of 180 requests within half a second.
    const [dos] = await c.classify([{ numOfLoginAttempts: 0, numOfPostReqs: 0, numOfReqs: 180, sesCodes4xx: 0, sesDuration: 450 }]);
    expect(dos!.label).to.equal('abnormal');
    expect(await c.classify([])).to.deep.equal([]);
    await c.close();
  });

  it('ignores extra features and refuses a row missing one the model reads, naming it', async () => {
    const c = await createFeatureClassifier({ variant: 'compat5' });
    const row = { numOfLoginAttempts: 0, numOfPostReqs: 1, numOfReqs: 8, sesCodes4xx: 0, sesDuration: 4000, distinctPaths: 5 };
    expect((await c.classify([row]))[0]!.label).to.equal('normal');
    const { sesDuration: _dropped, ...missing } = row;
    try {
      await c.classify([missing]);
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(ValidationError);
      expect((err as Error).message).to.include('"sesDuration"');
    }
    await c.close();
  });

  it('says what to change for an unknown variant or a model file that does not exist', async () => {
    try {
      await createFeatureClassifier({ variant: 'large' as never });
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(WardenConfigError);
      expect((err as Error).message).to.include("'default' or 'compat5'");
    }
    try {
      await createFeatureClassifier({ modelFile: 'nope.onnx', dir_path: '/tmp/definitely-not-here' });
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(WardenConfigError);
      expect((err as Error).message).to.include('/tmp/definitely-not-here/nope.onnx');
    }
  });

  it('registers both models in the mode its plugin option names, still classifying', async () => {
    const container = createWardenContainer();
    await onnxModels({ mode: 'monitor' }).register(container, resolveOptions({}));
    const text = container.resolve<TextClassifier>(TOKENS.TextClassifier);
    const session = container.resolve<FeatureClassifier>(TOKENS.FeatureClassifier);
    expect([text.mode, session.mode]).to.deep.equal(['monitor', 'monitor']);
    expect((await text.classify(["' OR 1=1--"]))[0]!.label).to.equal('sqli');
  });

  it('registers the model the config names as the FeatureClassifier (shipped default when none is named)', async () => {
    const container = createWardenContainer();
    await registerFeatureClassifier(container, { modelFile: undefined, dir_path: undefined });
    const [bound] = container.resolveAll(TOKENS.FeatureClassifier);
    expect(bound!.featureNames.length).to.be.greaterThan(5);
    expect(bound!.name).to.include('session-default');
  });

  it('reads feature names and threshold from inside the .onnx when no JSON is beside it', async () => {
    const { mkdtemp, copyFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
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
