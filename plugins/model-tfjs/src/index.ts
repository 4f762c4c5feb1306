export { createFeatureClassifier, registerFeatureClassifier, ensureTfjsBackend, TfjsFeatureClassifier, type TfjsSessionClassifier, type FeatureClassifierOptions, type FeatureModelVariant } from './feature-classifier.js';
export { LayersFeatureClassifier } from './keras/layers-feature-classifier.js';
export { readKerasH5, loadH5wasm, type KerasArtifacts } from './keras/read-h5.js';
export { loadKerasH5 } from './keras/load-h5.js';
