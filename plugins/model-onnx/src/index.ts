export { createFeatureClassifier, registerFeatureClassifier, OnnxFeatureClassifier, type FeatureClassifierOptions, type FeatureModelVariant } from './feature-classifier.js';
