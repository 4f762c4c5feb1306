import { modelPlugin, type ModelPluginOptions, type WardenPlugin } from '@session-warden/core';
import { createFeatureClassifier, type FeatureClassifierOptions } from './feature-classifier.js';
import { createTextClassifier } from './text-classifier.js';

export interface OnnxModelsOptions extends ModelPluginOptions {
  /** How the session model is scored (see FeatureClassifierOptions.engine); unset, a plain tree ensemble is walked in JavaScript. */
  sessionEngine?: FeatureClassifierOptions['engine'];
}

/** Registers the ONNX classifiers as the app's TextClassifier (and FeatureClassifier). */
export function onnxModels(pluginOptions: OnnxModelsOptions = {}): WardenPlugin {
  const engine = pluginOptions.sessionEngine;
  return modelPlugin('@session-warden/model-onnx', pluginOptions, {
    text: createTextClassifier,
    feature: (location) => createFeatureClassifier({ ...location, engine }),
  });
}
