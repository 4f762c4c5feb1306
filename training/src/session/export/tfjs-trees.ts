import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { foldBaseScore, type TreeEnsemble } from '../trees/tree-model.js';
import type { SessionModelMetadata } from './metadata.js';

/** `model.json` format name read by model-tfjs's feature classifier. */
export const TFJS_TREES_FORMAT = 'session-warden/oblivious-trees';

/**
 * Writes the ensemble for TensorFlow.js: `model.json` (metadata + weights manifest in the tfjs
 * style) and `weights.bin` (per tree and level: feature index int32 and threshold float32; then
 * leaf values float32). Tree ensembles have no tfjs layer; model-tfjs scores them with a matrix
 * product, a step and a gather (see its feature classifier).
 */
export async function writeTfjsTrees(dir: string, ensemble: TreeEnsemble, meta: SessionModelMetadata): Promise<void> {
  const model = foldBaseScore(ensemble);
  const K = model.trees.length, D = model.depth;
  const feature = Int32Array.from(model.trees.flatMap((t) => t.feature));
  const threshold = Float32Array.from(model.trees.flatMap((t) => t.threshold));
  const leaf = Float32Array.from(model.trees.flatMap((t) => t.leaf));
  const json = {
    format: TFJS_TREES_FORMAT,
    formatVersion: 1,
    depth: D,
    trees: K,
    weightsManifest: [{
      paths: ['weights.bin'],
      weights: [
        { name: 'feature', shape: [K, D], dtype: 'int32' },
        { name: 'threshold', shape: [K, D], dtype: 'float32' },
        { name: 'leaf', shape: [K, 2 ** D], dtype: 'float32' },
      ],
    }],
    userDefinedMetadata: meta,
  };
  const bytes = Buffer.concat([Buffer.from(feature.buffer), Buffer.from(threshold.buffer), Buffer.from(leaf.buffer)]);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  await writeFile(join(dir, 'weights.bin'), bytes);
}
