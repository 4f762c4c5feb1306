import { onnxModels } from './plugin.js';

export { onnxModels, type OnnxModelsOptions } from './plugin.js';
export {
  createTextClassifier, OnnxTextClassifier, DEFAULT_TEXT_MODEL, resolveTextModelPath, type TextClassifierOptions,
} from './text-classifier.js';
export { readOnnxMetadata } from './onnx-metadata.js';
export { createFeatureClassifier, registerFeatureClassifier, OnnxFeatureClassifier, type FeatureClassifierOptions, type FeatureModelVariant } from './feature-classifier.js';

/** The core runtime loads installed plugins with `(await import(name)).default()`. */
export default onnxModels;
