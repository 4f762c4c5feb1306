import * as tf from '@tensorflow/tfjs';
import { WardenConfigError } from '@session-warden/core';
import { readKerasH5, type KerasArtifacts } from './read-h5.js';

/** A Keras `.h5` as a TensorFlow.js LayersModel (the weights are matched to layers by name). */
export async function loadKerasH5(file: string): Promise<{ model: tf.LayersModel; artifacts: KerasArtifacts }> {
  const artifacts = await readKerasH5(file);
  try {
    const model = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weightData: artifacts.weightData,
    }));
    return { model, artifacts };
  } catch (err) {
    throw new WardenConfigError(`${file} could not be rebuilt in TensorFlow.js: ${(err as Error).message}`, 'WARDEN_KERAS_UNSUPPORTED');
  }
}
