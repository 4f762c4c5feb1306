import { tfjsModels } from './plugin.js';

export { tfjsModels, type TfjsModelsOptions } from './plugin.js';
export {
  createTextClassifier, TfjsTextClassifier, DEFAULT_TEXT_MODEL, resolveTextModelPath, type TextClassifierOptions,
} from './text-classifier.js';
export { initTfjsBackend } from './tfjs-backend.js';
export { loadLayersModelFiles, type LayersModelFiles } from './layers-model-files.js';
export { createFeatureClassifier, registerFeatureClassifier, TfjsFeatureClassifier, type TfjsSessionClassifier, type FeatureClassifierOptions, type FeatureModelVariant } from './feature-classifier.js';
export { LayersFeatureClassifier } from './keras/layers-feature-classifier.js';
export { readKerasH5, loadH5wasm, type KerasArtifacts } from './keras/read-h5.js';
export { loadKerasH5 } from './keras/load-h5.js';

/** The core runtime loads installed plugins with `(await import(name)).default()`. */
export default tfjsModels;
