export { createFeatureClassifier, registerFeatureClassifier, TfjsFeatureClassifier, type FeatureClassifierOptions, type FeatureModelVariant } from './feature-classifier.js';
