import { expect } from 'chai';
import { createWardenContainer, resolveOptions, TOKENS, ValidationError, WardenConfigError, type FeatureClassifier, type TextClassifier } from '@session-warden/core';
import type { FileTextClassifier, ModelBackend } from './backend.js';
import { rejection } from './helpers.js';

/** The older middleware's five features, in the order its model read them. */
export const COMPAT5 = ['numOfLoginAttempts', 'numOfPostReqs', 'numOfReqs', 'sesCodes4xx', 'sesDuration'];

/** The session classifier's and the plugin's behaviour, the same on every backend. */
export function sessionModelSuite<T extends FileTextClassifier, S extends FeatureClassifier>(backend: ModelBackend<T, S>): void {
  describe(`${backend.label} feature classifier`, () => {
    it('loads the shipped compat5 model, which reads exactly the older five features in order', async () => {
      const c = await backend.createFeatureClassifier({ variant: 'compat5' });
      expect(c.featureNames).to.deep.equal(COMPAT5);
      expect(c.name).to.equal(`${backend.sessionNamePrefix}session-compat5`);
      // A DoS burst: a capped session of 180 requests within half a second.
      const [dos] = await c.classify([{ numOfLoginAttempts: 0, numOfPostReqs: 0, numOfReqs: 180, sesCodes4xx: 0, sesDuration: 450 }]);
      expect(dos!.label).to.equal('abnormal');
      expect(await c.classify([])).to.deep.equal([]);
      await backend.releaseSession(c);
    });

    it('ignores extra features and refuses a row missing one the model reads, naming it', async () => {
      const c = await backend.createFeatureClassifier({ variant: 'compat5' });
      const row = { numOfLoginAttempts: 0, numOfPostReqs: 1, numOfReqs: 8, sesCodes4xx: 0, sesDuration: 4000, distinctPaths: 5 };
      expect((await c.classify([row]))[0]!.label).to.equal('normal');
      const { sesDuration: _dropped, ...missing } = row;
      const error = await rejection(c.classify([missing]));
      expect(error).to.be.instanceOf(ValidationError);
      expect(error.message).to.include('"sesDuration"');
      await backend.releaseSession(c);
    });

    it('says what to change for an unknown variant or a model file that does not exist', async () => {
      const unknownVariant = await rejection(backend.createFeatureClassifier({ variant: 'large' as never }));
      expect(unknownVariant).to.be.instanceOf(WardenConfigError);
      expect(unknownVariant.message).to.include("'default' or 'compat5'");
      const missingFile = await rejection(backend.createFeatureClassifier({ modelFile: backend.missingSessionModel, dir_path: '/tmp/definitely-not-here' }));
      expect(missingFile).to.be.instanceOf(WardenConfigError);
      expect(missingFile.message).to.include(`/tmp/definitely-not-here/${backend.missingSessionModel}`);
    });

    it('registers both models in the mode its plugin option names, still classifying', async () => {
      const container = createWardenContainer();
      await backend.plugin({ mode: 'monitor' }).register(container, resolveOptions({}));
      const text = container.resolve<TextClassifier>(TOKENS.TextClassifier);
      const session = container.resolve<FeatureClassifier>(TOKENS.FeatureClassifier);
      expect([text.mode, session.mode]).to.deep.equal(['monitor', 'monitor']);
      expect((await text.classify(["' OR 1=1--"]))[0]!.label).to.equal('sqli');
    });

    it('registers the model the config names as the FeatureClassifier (shipped default when none is named)', async () => {
      const container = createWardenContainer();
      await backend.registerFeatureClassifier(container, { modelFile: undefined, dir_path: undefined });
      const [bound] = container.resolveAll<FeatureClassifier>(TOKENS.FeatureClassifier);
      expect(bound!.featureNames.length).to.be.greaterThan(5);
      expect(bound!.name).to.include('session-default');
    });
  });
}
