import { TOKENS, type PortName, type ResolvedOptions, type WardenPlugin } from '@session-warden/core';
import { createTextClassifier } from './text-classifier.js';

export interface TfjsModelsOptions {
  /** Overrides the config's textModelFile for this plugin. */
  textModelFile?: string;
  dir_path?: string;
}

/** Registers the TensorFlow.js classifiers as the app's TextClassifier (and FeatureClassifier). */
export function tfjsModels(pluginOptions: TfjsModelsOptions = {}): WardenPlugin {
  const provides: PortName[] = ['TextClassifier'];
  return {
    name: '@session-warden/model-tfjs',
    provides,
    async register(container, options: ResolvedOptions) {
      const dir_path = pluginOptions.dir_path ?? options.dir_path;
      const text = await createTextClassifier({ modelFile: pluginOptions.textModelFile ?? options.textModelFile, dir_path });
      container.register(TOKENS.TextClassifier, { useValue: text });
    },
  };
}
