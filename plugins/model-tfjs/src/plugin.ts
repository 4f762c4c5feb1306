import { modelPlugin, type ModelPluginOptions, type WardenPlugin } from '@session-warden/core';
import { createFeatureClassifier } from './feature-classifier.js';
import { createTextClassifier } from './text-classifier.js';

export interface TfjsModelsOptions extends ModelPluginOptions {
  /** How the text network is evaluated: plain 'js' (default for the hashed n-gram network) or 'tfjs' ops (see createTextClassifier). */
  textEngine?: 'tfjs' | 'js';
}

/** Registers the TensorFlow.js classifiers as the app's TextClassifier (and FeatureClassifier). */
export function tfjsModels(pluginOptions: TfjsModelsOptions = {}): WardenPlugin {
  return modelPlugin('@session-warden/model-tfjs', pluginOptions, {
    text: (location) => createTextClassifier({ ...location, engine: pluginOptions.textEngine }),
    feature: createFeatureClassifier,
  });
}
