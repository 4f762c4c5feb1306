import { onnxModels } from './plugin.js';

export { onnxModels, type OnnxModelsOptions } from './plugin.js';
export {
  createTextClassifier, OnnxTextClassifier, DEFAULT_TEXT_MODEL, resolveTextModelPath, type TextClassifierOptions, type TextModelEngine,
} from './text-classifier.js';
export { compileDenseChain, DenseChain } from './dense-chain.js';
export { readOnnxMetadata } from './onnx-metadata.js';
export {
  createFeatureClassifier, registerFeatureClassifier, OnnxFeatureClassifier, type FeatureClassifierOptions, type FeatureModelEngine, type FeatureModelVariant,
} from './feature-classifier.js';
export { compileTreeEnsemble, TreeEnsembleScorer } from './tree-ensemble.js';
export { readOnnxGraph, type OnnxGraph, type OnnxNode, type OnnxAttribute, type OnnxFloatTensor } from './onnx-graph.js';

/** The core runtime loads installed plugins with `(await import(name)).default()`. */
export default onnxModels;
