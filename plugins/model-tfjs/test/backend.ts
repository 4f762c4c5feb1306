import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelBackend } from '@session-warden/model-test-suite';
import defaultExport, {
  createFeatureClassifier, createTextClassifier, DEFAULT_TEXT_MODEL, registerFeatureClassifier, tfjsModels,
  type TfjsSessionClassifier, type TfjsTextClassifier,
} from '../src/index.js';

/** A one-layer Keras model in TensorFlow.js files: valid, but not a Session Warden text model. */
const FOREIGN_MODEL = {
  modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 1, batch_input_shape: [null, 2] } }] } },
  weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32' }, { name: 'dense/bias', shape: [1], dtype: 'float32' }] }],
};

/** The TensorFlow.js package as the shared model suites see it. */
export const tfjsBackend: ModelBackend<TfjsTextClassifier, TfjsSessionClassifier> = {
  label: 'TensorFlow.js',
  plugin: tfjsModels,
  defaultExport,
  textName: 'tfjs-text',
  createTextClassifier,
  releaseText: (text) => text.dispose(),
  async copyShippedTextModel(dir) {
    await cp(DEFAULT_TEXT_MODEL, join(dir, 'mine'), { recursive: true });
    return { modelFile: 'mine', file: join(dir, 'mine', 'model.json') };
  },
  async writeForeignModel(dir) {
    await mkdir(join(dir, 'plain'));
    await writeFile(join(dir, 'plain', 'model.json'), JSON.stringify(FOREIGN_MODEL));
    await writeFile(join(dir, 'plain', 'w.bin'), new Uint8Array(12));
    return join(dir, 'plain');
  },
  missingTextModel: '/nonexistent/text-model',
  sessionNamePrefix: 'tfjs:',
  createFeatureClassifier,
  registerFeatureClassifier,
  releaseSession: (classifier) => classifier.dispose(),
  missingSessionModel: 'nope',
};
