import { sessionModelSuite } from '@session-warden/model-test-suite';
import { createFeatureClassifier, registerFeatureClassifier, tfjsModels } from '../src/index.js';

sessionModelSuite({
  label: 'TensorFlow.js',
  namePrefix: 'tfjs:',
  createFeatureClassifier,
  registerFeatureClassifier,
  plugin: tfjsModels,
  release: (classifier) => classifier.dispose(),
  missingFile: 'nope',
});
