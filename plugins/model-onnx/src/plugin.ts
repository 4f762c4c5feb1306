import { modelPlugin, type ModelPluginOptions, type WardenPlugin } from '@session-warden/core';
import { createFeatureClassifier } from './feature-classifier.js';
import { createTextClassifier } from './text-classifier.js';

export type OnnxModelsOptions = ModelPluginOptions;

/** Registers the ONNX classifiers as the app's TextClassifier (and FeatureClassifier). */
export function onnxModels(pluginOptions: OnnxModelsOptions = {}): WardenPlugin {
  return modelPlugin('@session-warden/model-onnx', pluginOptions, { text: createTextClassifier, feature: createFeatureClassifier });
}
