import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/**
 * Writes TensorFlow.js layers-format models (`model.json` + `weights.bin`) to a folder.
 * Generic: any tfjs LayersModel, built with the layers API and given trained weights.
 */

export interface TfjsArtifactsFiles {
  modelJson: string;
  weightsBin: string;
}

function joinWeightData(data: tf.io.WeightData | undefined): Uint8Array {
  if (!data) return new Uint8Array(0);
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out;
}

/** The bytes of `model.json` and `weights.bin` for a model, with optional user metadata (kept under `userDefinedMetadata`). */
export async function encodeTfjsLayersModel(
  model: tf.LayersModel, metadata?: Record<string, unknown>,
): Promise<{ modelJson: string; weights: Uint8Array }> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    captured = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  if (!captured) throw new Error('tfjs did not hand the model artifacts to the save handler.');
  const json = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: 'session-warden',
    modelTopology: captured.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: captured.weightSpecs ?? [] }],
    ...(metadata ? { userDefinedMetadata: metadata } : {}),
  };
  return { modelJson: JSON.stringify(json), weights: joinWeightData(captured.weightData) };
}

/** Saves a model as `<dir>/model.json` + `<dir>/weights.bin`; returns the two paths. */
export async function writeTfjsLayersModel(
  dir: string, model: tf.LayersModel, metadata?: Record<string, unknown>,
): Promise<TfjsArtifactsFiles> {
  const { modelJson, weights } = await encodeTfjsLayersModel(model, metadata);
  await mkdir(dir, { recursive: true });
  const files = { modelJson: join(dir, 'model.json'), weightsBin: join(dir, 'weights.bin') };
  await writeFile(files.modelJson, modelJson);
  await writeFile(files.weightsBin, weights);
  return files;
}

/** Reads a folder written by writeTfjsLayersModel back into a LayersModel (for tests and evaluation). */
export async function readTfjsLayersModel(dir: string): Promise<tf.LayersModel> {
  const { readFile } = await import('node:fs/promises');
  const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  const weights = await readFile(join(dir, 'weights.bin'));
  const manifest = json.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[];
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: manifest.flatMap((g) => g.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    userDefinedMetadata: json.userDefinedMetadata,
  }));
}
