import { inMode, TOKENS, type Mode, type PortName, type ResolvedOptions, type WardenPlugin } from '@session-warden/core';
import { registerFeatureClassifier, type FeatureModelVariant } from './feature-classifier.js';
import { createTextClassifier } from './text-classifier.js';

export interface TfjsModelsOptions {
  /** Overrides the config's textModelFile for this plugin. */
  textModelFile?: string;
  dir_path?: string;
  /** How the text network is evaluated: plain 'js' (default for the hashed n-gram network) or 'tfjs' ops (see createTextClassifier). */
  textEngine?: 'tfjs' | 'js';
  /** Overrides the config's modelFile (the session model) for this plugin. */
  modelFile?: string;
  /** Which shipped session model when no modelFile is given: 'default' or 'compat5'. */
  variant?: FeatureModelVariant;
  /** 'monitor': both models run and their verdicts are recorded, marked monitored, but never make a session abnormal. */
  mode?: Mode;
}

/** Registers the TensorFlow.js classifiers as the app's TextClassifier (and FeatureClassifier). */
export function tfjsModels(pluginOptions: TfjsModelsOptions = {}): WardenPlugin {
  const provides: PortName[] = ['TextClassifier', 'FeatureClassifier'];
  return {
    name: '@session-warden/model-tfjs',
    provides,
    async register(container, options: ResolvedOptions) {
      const dir_path = pluginOptions.dir_path ?? options.dir_path;
      const text = await createTextClassifier({ modelFile: pluginOptions.textModelFile ?? options.textModelFile, dir_path, engine: pluginOptions.textEngine });
      container.register(TOKENS.TextClassifier, { useValue: inMode(text, pluginOptions.mode) });
      await registerFeatureClassifier(container, { modelFile: pluginOptions.modelFile ?? options.modelFile, dir_path }, { variant: pluginOptions.variant }, pluginOptions.mode);
    },
  };
}
