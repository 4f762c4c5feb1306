import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toPerfectTrees, type TreeEnsemble } from '../trees/tree-model.js';
import type { SessionModelMetadata } from './metadata.js';

/** `model.json` format name read by model-tfjs's feature classifier. */
export const TFJS_TREES_FORMAT = 'session-warden/perfect-trees';

/**
 * Writes the ensemble for TensorFlow.js: `model.json` (metadata + weights manifest in the tfjs
 * style) and `weights.bin` (feature indices int32, thresholds and leaf values float32). Tree
 * ensembles have no tfjs layer, so model-tfjs walks the perfect trees with gather/compare ops.
 */
export async function writeTfjsTrees(dir: string, ensemble: TreeEnsemble, meta: SessionModelMetadata): Promise<void> {
  const p = toPerfectTrees(ensemble);
  const inner = 2 ** p.depth - 1;
  const json = {
    format: TFJS_TREES_FORMAT,
    formatVersion: 1,
    depth: p.depth,
    trees: p.trees,
    weightsManifest: [{
      paths: ['weights.bin'],
      weights: [
        { name: 'feature', shape: [p.trees, inner], dtype: 'int32' },
        { name: 'threshold', shape: [p.trees, inner], dtype: 'float32' },
        { name: 'leaf', shape: [p.trees, inner + 1], dtype: 'float32' },
      ],
    }],
    userDefinedMetadata: meta,
  };
  const bytes = Buffer.concat([Buffer.from(p.feature.buffer), Buffer.from(p.threshold.buffer), Buffer.from(p.leaf.buffer)]);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  await writeFile(join(dir, 'weights.bin'), bytes);
}
