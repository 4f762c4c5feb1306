import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelBackend } from '@session-warden/model-test-suite';
import defaultExport, {
  createFeatureClassifier, createTextClassifier, DEFAULT_TEXT_MODEL, onnxModels, registerFeatureClassifier,
  type OnnxFeatureClassifier, type OnnxTextClassifier,
} from '../src/index.js';

/** The ONNX package as the shared model suites see it. */
export const onnxBackend: ModelBackend<OnnxTextClassifier, OnnxFeatureClassifier> = {
  label: 'ONNX',
  plugin: onnxModels,
  defaultExport,
  textName: 'onnx-text',
  createTextClassifier,
  releaseText: (text) => text.dispose(),
  async copyShippedTextModel(dir) {
    await copyFile(DEFAULT_TEXT_MODEL, join(dir, 'mine.onnx'));
    return { modelFile: 'mine.onnx', file: join(dir, 'mine.onnx') };
  },
  async writeForeignModel(dir) {
    await writeFile(join(dir, 'plain.onnx'), new Uint8Array([8, 8]));
    return join(dir, 'plain.onnx');
  },
  missingTextModel: '/nonexistent/model.onnx',
  sessionNamePrefix: 'onnx:',
  createFeatureClassifier,
  registerFeatureClassifier,
  releaseSession: (classifier) => classifier.close(),
  missingSessionModel: 'nope.onnx',
};
