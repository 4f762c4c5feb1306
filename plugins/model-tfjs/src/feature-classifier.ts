import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ValidationError, WardenConfigError, type FeatureClassifier, type FeatureVerdict } from '@session-warden/core';

export type FeatureModelVariant = 'default' | 'compat5';

export interface FeatureClassifierOptions {
  /** Which shipped model to load: `default` (rich features) or `compat5` (the older five, sesDuration in ms). */
  variant?: FeatureModelVariant;
  /** A model folder (`model.json` + `weights.bin`) or its `model.json`; relative names are read from `dir_path`. */
  modelFile?: string;
  /** Folder holding the model files. */
  dir_path?: string;
}

interface SessionModelMetadata {
  name: string;
  featureNames: string[];
  threshold: number;
}

interface TreesModelJson {
  format: string;
  depth: number;
  trees: number;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: 'int32' | 'float32' }[] }[];
  userDefinedMetadata: SessionModelMetadata;
}

const TREES_FORMAT = 'session-warden/perfect-trees';
export const SHIPPED_MODELS_DIR = resolve(__dirname, '..', '..', 'models');

let backendReady: Promise<string> | undefined;

/** tfjs-node when the user installed it, else the WASM backend; chosen once per process. */
export function ensureTfjsBackend(): Promise<string> {
  backendReady ??= (async () => {
    try {
      require('@tensorflow/tfjs-node');
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // tfjs-node is optional; the WASM backend ships with this package.
    }
    await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
    await tf.ready();
    return tf.getBackend();
  })();
  return backendReady;
}

export function resolveModelDir(options: FeatureClassifierOptions): string {
  const variant = options.variant ?? 'default';
  if (variant !== 'default' && variant !== 'compat5') {
    throw new WardenConfigError(`Unknown session model variant "${String(variant)}"; use 'default' or 'compat5'.`);
  }
  let path: string;
  if (!options.modelFile) path = options.dir_path ? resolve(options.dir_path, `session-${variant}`) : join(SHIPPED_MODELS_DIR, `session-${variant}`);
  else path = isAbsolute(options.modelFile) ? options.modelFile : resolve(options.dir_path ?? '.', options.modelFile);
  return path.endsWith('.json') ? resolve(path, '..') : path;
}

/**
 * A boosted-tree session model on TensorFlow.js. The trees are stored as perfect trees of one
 * depth, so every tree of every row is walked at once, one level per step: gather the node's
 * feature and threshold, compare, move to child 2i+1 or 2i+2 — the same float32 `x <= threshold`
 * test onnxruntime's TreeEnsembleRegressor makes, hence the same scores on both backends.
 */
export class TfjsFeatureClassifier implements FeatureClassifier {
  private constructor(
    readonly name: string, readonly featureNames: readonly string[], readonly threshold: number,
    private readonly depth: number, private readonly trees: number,
    private readonly feature: tf.Tensor1D, private readonly thresholds: tf.Tensor1D, private readonly leaves: tf.Tensor1D,
  ) {}

  static async load(options: FeatureClassifierOptions = {}): Promise<TfjsFeatureClassifier> {
    await ensureTfjsBackend();
    const dir = resolveModelDir(options);
    const jsonFile = join(dir, 'model.json');
    if (!existsSync(jsonFile)) throw new WardenConfigError(`Session model ${jsonFile} does not exist; check modelFile / dir_path.`);
    const json = JSON.parse(await readFile(jsonFile, 'utf8')) as TreesModelJson;
    if (json.format !== TREES_FORMAT) {
      throw new WardenConfigError(`${jsonFile} is a "${json.format}" model, not a session model written by "warden train session".`);
    }
    const meta = json.userDefinedMetadata;
    const bytes = await readFile(join(dir, json.weightsManifest[0]!.paths[0]!));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    let offset = 0;
    const tensors: Record<string, tf.Tensor1D> = {};
    for (const spec of json.weightsManifest[0]!.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const data = spec.dtype === 'int32' ? new Int32Array(buffer, offset, count) : new Float32Array(buffer, offset, count);
      tensors[spec.name] = tf.tensor1d(data, spec.dtype);
      offset += count * 4;
    }
    return new TfjsFeatureClassifier(`tfjs:${meta.name}`, meta.featureNames, meta.threshold, json.depth, json.trees,
      tensors.feature!, tensors.threshold!, tensors.leaf!);
  }

  /** Probabilities of `abnormal`, one per row. */
  async scores(rows: readonly Readonly<Record<string, number>>[]): Promise<Float32Array> {
    const n = rows.length;
    if (n === 0) return new Float32Array(0);
    const f = this.featureNames.length;
    const x = new Float32Array(n * f);
    rows.forEach((row, i) => {
      for (let j = 0; j < f; j++) {
        const v = row[this.featureNames[j]!];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new ValidationError(`Session features are missing "${this.featureNames[j]}" (or it is not a finite number); this model reads: ${this.featureNames.join(', ')}.`);
        }
        x[i * f + j] = v;
      }
    });
    const K = this.trees, inner = 2 ** this.depth - 1;
    const out = tf.tidy(() => {
      const flatX = tf.tensor1d(x);
      const rowBase = tf.range(0, n * f, f, 'int32').reshape([n, 1]);
      const treeInner = tf.range(0, K * inner, inner, 'int32').reshape([1, K]);
      // Plain numbers would turn the int32 indices into float32, which gather refuses.
      const two = tf.scalar(2, 'int32'), one = tf.scalar(1, 'int32');
      let node = tf.zeros([n, K], 'int32') as tf.Tensor2D;
      for (let level = 0; level < this.depth; level++) {
        const at = node.add(treeInner);
        const value = tf.gather(flatX, tf.gather(this.feature, at).add(rowBase));
        const goRight = tf.lessEqual(value, tf.gather(this.thresholds, at)).logicalNot().cast('int32');
        node = node.mul(two).add(one).add(goRight) as tf.Tensor2D;
      }
      const leafIndex = node.sub(tf.scalar(inner, 'int32')).add(tf.range(0, K * (inner + 1), inner + 1, 'int32').reshape([1, K]));
      return tf.sigmoid(tf.gather(this.leaves, leafIndex).sum(1));
    });
    const scores = (await out.data()) as Float32Array;
    out.dispose();
    return scores;
  }

  async classify(rows: readonly Readonly<Record<string, number>>[]): Promise<FeatureVerdict[]> {
    const scores = await this.scores(rows);
    return Array.from(scores, (score) => ({ label: score >= this.threshold ? 'abnormal' : 'normal', score }));
  }

  dispose(): void {
    this.feature.dispose(); this.thresholds.dispose(); this.leaves.dispose();
  }
}

/** The session classifier of issue 4's contract: `createFeatureClassifier({ variant: 'compat5' })`. */
export function createFeatureClassifier(options: FeatureClassifierOptions = {}): Promise<TfjsFeatureClassifier> {
  return TfjsFeatureClassifier.load(options);
}
