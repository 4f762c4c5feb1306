import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BEHAVIOUR_FEATURES, COMPAT5_ORDER } from '@session-warden/features-default';
import { balancedWeights, toMatrix, type SessionRow } from './dataset.js';
import { encodeOnnxTrees } from './export/onnx-trees.js';
import type { SessionModelMetadata } from './export/metadata.js';
import { writeTfjsTrees } from './export/tfjs-trees.js';
import { trainBoostedTrees, DEFAULT_BOOST, type BoostProgress, type BoostSettings } from './trees/boost.js';
import { treeProbability, type TreeEnsemble } from './trees/tree-model.js';

/** The default model reads every numeric feature features-default produces, in its declared order. */
export const DEFAULT_FEATURE_NAMES: readonly string[] = [...COMPAT5_ORDER, ...BEHAVIOUR_FEATURES];
export const COMPAT5_FEATURE_NAMES: readonly string[] = [...COMPAT5_ORDER];

export interface TrainedSessionModel {
  ensemble: TreeEnsemble;
  metadata: SessionModelMetadata;
}

export interface TrainSessionOptions {
  name: string;
  featureNames: readonly string[];
  rows: readonly SessionRow[];
  boost?: Partial<BoostSettings>;
  /** Extra facts for the model card (simulator version, seed, …). */
  training?: Record<string, unknown>;
  onProgress?: (p: BoostProgress) => void;
}

export function trainSessionModel(opts: TrainSessionOptions): TrainedSessionModel {
  const m = toMatrix(opts.rows, opts.featureNames);
  const settings = { ...DEFAULT_BOOST, ...opts.boost };
  const ensemble = trainBoostedTrees(m.x, m.y, balancedWeights(m.y), m.features, settings, opts.onProgress);
  return {
    ensemble,
    metadata: {
      kind: 'session-warden/feature-classifier',
      formatVersion: 1,
      name: opts.name,
      featureNames: [...opts.featureNames],
      labels: ['normal', 'abnormal'],
      threshold: 0.5,
      scaling: { kind: 'none', reason: 'tree splits compare raw feature values; monotone scaling would not change them' },
      model: { type: 'gradient-boosted-trees', trees: ensemble.trees.length, depth: ensemble.depth },
      training: { ...opts.training, rows: m.rows, abnormalRows: m.y.reduce((a, b) => a + b, 0), boost: settings, classWeights: 'balanced' },
    },
  };
}

/** P(abnormal) for rows, computed in plain JS from the trees (what both backends must reproduce). */
export function scoreRows(model: TrainedSessionModel, rows: readonly SessionRow[]): Float64Array {
  const m = toMatrix(rows, model.metadata.featureNames);
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = treeProbability(model.ensemble, m.x.subarray(i * m.features, (i + 1) * m.features));
  return out;
}

export interface ExportTargets {
  /** `.onnx` file; its metadata JSON is written beside it (same name, `.json`). */
  onnxFile?: string;
  /** tfjs folder (`model.json` + `weights.bin`). */
  tfjsDir?: string;
}

export async function exportSessionModel(model: TrainedSessionModel, targets: ExportTargets): Promise<void> {
  if (targets.onnxFile) {
    await mkdir(dirname(targets.onnxFile), { recursive: true });
    await writeFile(targets.onnxFile, encodeOnnxTrees(model.ensemble, model.metadata));
    await writeFile(targets.onnxFile.replace(/\.onnx$/i, '') + '.json', JSON.stringify(model.metadata, null, 2) + '\n');
  }
  if (targets.tfjsDir) await writeTfjsTrees(targets.tfjsDir, model.ensemble, model.metadata);
}
