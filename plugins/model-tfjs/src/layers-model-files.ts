import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { WardenConfigError } from '@session-warden/core';

export interface LayersModelFiles {
  model: tf.LayersModel;
  /** model.json's userDefinedMetadata. */
  metadata: Record<string, unknown> | undefined;
  file: string;
}

/**
 * Loads a tfjs layers model from a folder (holding model.json) or a model.json path, reading weights from beside it.
 * `checkMetadata` runs before the weights are read, so a wrong kind of model is refused with its own message.
 */
export async function loadLayersModelFiles(path: string, checkMetadata?: (metadata: Record<string, unknown> | undefined, file: string) => void): Promise<LayersModelFiles> {
  let file = path;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, 'model.json');
  } catch (err) {
    throw new WardenConfigError(`Cannot read the model ${path} (${(err as Error).message}). Check textModelFile/modelFile and dir_path.`, 'WARDEN_MODEL');
  }
  let json: { modelTopology?: object; weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[]; userDefinedMetadata?: Record<string, unknown> };
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new WardenConfigError(`${file} is not a tfjs layers model.json (${(err as Error).message}).`, 'WARDEN_MODEL');
  }
  checkMetadata?.(json.userDefinedMetadata, file);
  const manifest = json.weightsManifest ?? [];
  const buffers = await Promise.all(manifest.flatMap((g) => g.paths).map((p) => readFile(join(dirname(file), p))));
  const weightData = Buffer.concat(buffers);
  const model = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: manifest.flatMap((g) => g.weights),
      weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
    }),
  });
  return { model, metadata: json.userDefinedMetadata, file };
}
