import { parseArgs } from 'node:util';
import { ValidationError } from '@session-warden/core';
import { loadKerasH5 } from '@session-warden/model-tfjs';
import { writeTfjsLayersModel } from '../export/tfjs-writer.js';

interface Io { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

/**
 * `warden import-keras model.h5 --out dir [--features a,b,c]`: converts a Keras 2.x `.h5` (or a
 * Keras 3 config saved as .h5) into TensorFlow.js layers format (`model.json` + `weights.bin`).
 * `--features` records the input feature names for a session model (the older five by default
 * when the model reads five numbers).
 */
export async function importKeras(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, features: { type: 'string' } } });
  const file = positionals[0];
  if (!file || !values.out) throw new ValidationError('Usage: warden import-keras model.h5 --out dir [--features a,b,c]');
  const { model, artifacts } = await loadKerasH5(file);
  const inputShape = (model.inputs[0]!.shape ?? []).slice(1);
  const featureNames = values.features?.split(',').map((s) => s.trim()).filter(Boolean);
  if (featureNames && !(inputShape.length === 1 && inputShape[0] === featureNames.length)) {
    throw new ValidationError(`--features names ${featureNames.length} features but the model's input shape is [${inputShape.join(', ')}].`);
  }
  await writeTfjsLayersModel(values.out, model, {
    source: file, kerasVersion: artifacts.kerasVersion, convertedFromKeras3: artifacts.convertedFromKeras3,
    ...(featureNames ? { featureNames } : {}),
  });
  const params = model.countParams();
  io.stdout.write(`imported ${file} (Keras ${artifacts.kerasVersion}${artifacts.convertedFromKeras3 ? ', converted from Keras 3' : ''}): `
    + `${model.layers.length} layers, ${params} parameters, input [${inputShape.join(', ')}] → ${values.out}/model.json + weights.bin\n`);
  return 0;
}
