import { expect } from 'chai';
import { createWardenContainer, modelPlugin, resolveOptions, TOKENS, type FeatureClassifier, type TextClassifier } from '../src/index.js';
import type { ModelLoaders } from '../src/models/model-plugin.js';

/** Loaders that return stand-in models (no backend here) and note where they were asked to load from. */
function recordingLoaders(): { load: ModelLoaders; asked: { text: unknown[]; feature: unknown[] } } {
  const asked = { text: [] as unknown[], feature: [] as unknown[] };
  const load: ModelLoaders = {
    async text(location) {
      asked.text.push(location);
      return { name: 'stand-in text', classify: async (inputs) => inputs.map(() => ({ label: 'benign', scores: { benign: 1, sqli: 0, xss: 0, path_traversal: 0, cmd_injection: 0 } })) } satisfies TextClassifier;
    },
    async feature(location) {
      asked.feature.push(location);
      return { name: 'stand-in session', featureNames: ['numOfReqs'], classify: async (rows) => rows.map(() => ({ label: 'normal', score: 0 })) } satisfies FeatureClassifier;
    },
  };
  return { load, asked };
}

describe('modelPlugin (the model backends\' shared plugin factory, with stand-in models)', () => {
  it('loads both models from the config\'s model options when the plugin names none', async () => {
    const { load, asked } = recordingLoaders();
    const container = createWardenContainer();
    const plugin = modelPlugin('stand-in', {}, load);
    expect(plugin.provides).to.deep.equal(['TextClassifier', 'FeatureClassifier']);
    await plugin.register(container, resolveOptions({ textModelFile: 'text.onnx', modelFile: 'session.onnx', dir_path: '/models' }));
    expect(asked.text).to.deep.equal([{ modelFile: 'text.onnx', dir_path: '/models' }]);
    expect(asked.feature).to.deep.equal([{ modelFile: 'session.onnx', dir_path: '/models', variant: undefined }]);
    expect(container.resolve<TextClassifier>(TOKENS.TextClassifier).name).to.equal('stand-in text');
    expect(container.resolve<FeatureClassifier>(TOKENS.FeatureClassifier).mode).to.equal(undefined);
  });

  it('lets the plugin\'s own options win over the config, and puts both models in its mode', async () => {
    const { load, asked } = recordingLoaders();
    const container = createWardenContainer();
    await modelPlugin('stand-in', { textModelFile: 'mine.onnx', modelFile: 'my-session.onnx', dir_path: '/mine', variant: 'compat5', mode: 'monitor' }, load)
      .register(container, resolveOptions({ textModelFile: 'text.onnx', modelFile: 'session.onnx', dir_path: '/models' }));
    expect(asked.text).to.deep.equal([{ modelFile: 'mine.onnx', dir_path: '/mine' }]);
    expect(asked.feature).to.deep.equal([{ modelFile: 'my-session.onnx', dir_path: '/mine', variant: 'compat5' }]);
    expect(container.resolve<TextClassifier>(TOKENS.TextClassifier).mode).to.equal('monitor');
    expect(container.resolve<FeatureClassifier>(TOKENS.FeatureClassifier).mode).to.equal('monitor');
  });
});
