import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadKerasH5 } from './keras/load-h5.js';
import { loadLayersModelFiles } from './layers-model-files.js';
import { initTfjsBackend } from './tfjs-backend.js';
import { LayersFeatureClassifier } from './keras/layers-feature-classifier.js';
import { registerFeatureModel, ValidationError, WardenConfigError, type FeatureClassifier, type FeatureVerdict, type Mode, type FeatureModelVariant, type ResolvedOptions, type WardenPlugin, resolveModelPath, shippedSessionModelName } from '@session-warden/core';

export type { FeatureModelVariant };

export interface FeatureClassifierOptions {
  /** Which shipped model to load: `default` (rich features) or `compat5` (the older five, sesDuration in ms). */
  variant?: FeatureModelVariant;
  /**
   * A model folder (`model.json` + `weights.bin`, a session model or a tfjs layers model) or its
   * `model.json`, or a Keras `.h5` (e.g. the older tool's model.h5); relative names are read from `dir_path`.
   */
  modelFile?: string;
  /** Folder a relative `modelFile` is read from (without `modelFile`, the shipped model is used). */
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

const TREES_FORMAT = 'session-warden/oblivious-trees';
export const SHIPPED_MODELS_DIR = resolve(__dirname, '..', '..', 'models');

export function resolveModelDir(options: FeatureClassifierOptions): string {
  const path = resolveModelPath(options, join(SHIPPED_MODELS_DIR, shippedSessionModelName(options.variant)));
  return path.endsWith('.json') ? resolve(path, '..') : path;
}

/**
 * A boosted oblivious-tree session model on TensorFlow.js, scored with operations the WASM backend
 * runs fast (float32 matrix products, element-wise maths, gatherND; its int32 broadcasting, compare
 * and gather kernels are several times slower). Trees share most of their questions (the same
 * feature and threshold), so each distinct question is asked once:
 *   left = step([X 1] · [−onehot(feature); threshold])   1 when x < threshold, per distinct question;
 *                                                       the sign of one float32 difference is exact
 *   leaf = (2^D − 1) − left · W                          W[q, tree] = Σ 2^(D−1−level) over the levels asking q
 *   P(abnormal) = sigmoid(Σ_trees leafValue[tree, leaf])
 * The same `x < threshold` test in float32 as onnxruntime's BRANCH_LT, hence the same scores.
 */
export class TfjsFeatureClassifier implements FeatureClassifier {
  private constructor(
    readonly name: string, readonly featureNames: readonly string[], readonly threshold: number,
    private readonly trees: number,
    private readonly questions: tf.Tensor2D, private readonly levelWeights: tf.Tensor2D,
    private readonly leafBase: tf.Tensor2D, private readonly leaves: tf.Tensor1D,
  ) {}

  static async load(options: FeatureClassifierOptions = {}): Promise<TfjsFeatureClassifier> {
    await initTfjsBackend();
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
    const arrays: Record<string, Int32Array | Float32Array> = {};
    for (const spec of json.weightsManifest[0]!.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      arrays[spec.name] = spec.dtype === 'int32' ? new Int32Array(buffer, offset, count) : new Float32Array(buffer, offset, count);
      offset += count * 4;
    }
    const K = json.trees, D = json.depth, F = meta.featureNames.length, leaves = 2 ** D;
    const feature = arrays.feature as Int32Array, thresholds = arrays.threshold as Float32Array;
    const ids = new Map<string, number>();
    const asked: number[] = []; // distinct question of each (tree, level)
    for (let j = 0; j < K * D; j++) {
      const key = `${feature[j]}:${thresholds[j]}`;
      if (!ids.has(key)) ids.set(key, ids.size);
      asked.push(ids.get(key)!);
    }
    const U = ids.size;
    // F rows of −1 at each question's feature, then one row of thresholds (met by the 1 appended to every input row).
    const questions = new Float32Array((F + 1) * U);
    for (let j = 0; j < K * D; j++) {
      questions[feature[j]! * U + asked[j]!] = -1;
      questions[F * U + asked[j]!] = thresholds[j]!;
    }
    const weights = new Float32Array(U * K);
    for (let j = 0; j < K * D; j++) weights[asked[j]! * K + Math.floor(j / D)] += 2 ** (D - 1 - (j % D));
    const base = Float32Array.from({ length: K }, (_, k) => k * leaves + leaves - 1);
    return new TfjsFeatureClassifier(`tfjs:${meta.name}`, meta.featureNames, meta.threshold, K,
      tf.tensor2d(questions, [F + 1, U]), tf.tensor2d(weights, [U, K]),
      tf.tensor2d(base, [1, K]), tf.tensor1d(arrays.leaf as Float32Array));
  }

  /** Probabilities of `abnormal`, one per row. */
  async scores(rows: readonly Readonly<Record<string, number>>[]): Promise<Float32Array> {
    const n = rows.length;
    if (n === 0) return new Float32Array(0);
    const f = this.featureNames.length;
    const x = new Float32Array(n * (f + 1));
    rows.forEach((row, i) => {
      x[i * (f + 1) + f] = 1;
      for (let j = 0; j < f; j++) {
        const v = row[this.featureNames[j]!];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new ValidationError(`Session features are missing "${this.featureNames[j]}" (or it is not a finite number); this model reads: ${this.featureNames.join(', ')}.`);
        }
        x[i * (f + 1) + j] = v;
      }
    });
    // tf.tidy cannot span the await on data(), so the intermediates are disposed here.
    const made: tf.Tensor[] = [];
    const keep = <T extends tf.Tensor>(t: T): T => { made.push(t); return t; };
    try {
      const xs = keep(tf.tensor2d(x, [n, f + 1]));
      const left = keep(tf.step(keep(tf.matMul(xs, this.questions))));
      const index = keep(keep(tf.sub(this.leafBase, keep(tf.matMul(left, this.levelWeights)))).cast('int32'));
      const logits = keep(keep(tf.gatherND(this.leaves, keep(index.reshape([n, this.trees, 1])))).sum(1));
      return (await keep(tf.sigmoid(logits)).data()) as Float32Array;
    } finally {
      for (const t of made) t.dispose();
    }
  }

  async classify(rows: readonly Readonly<Record<string, number>>[]): Promise<FeatureVerdict[]> {
    const scores = await this.scores(rows);
    return Array.from(scores, (score) => ({ label: score >= this.threshold ? 'abnormal' : 'normal', score }));
  }

  dispose(): void {
    for (const t of [this.questions, this.levelWeights, this.leafBase, this.leaves]) t.dispose();
  }
}

/** What every session classifier of this package offers beyond the port. */
export type TfjsSessionClassifier = FeatureClassifier & {
  readonly threshold: number;
  scores(rows: readonly Readonly<Record<string, number>>[]): Promise<Float32Array>;
  dispose(): void;
};

/**
 * The session classifier of issue 4's contract: `createFeatureClassifier({ variant: 'compat5' })`.
 * Tree models written by `warden train session` load as such; Keras `.h5` files and tfjs layers
 * models load as layers models.
 */
export async function createFeatureClassifier(options: FeatureClassifierOptions = {}): Promise<TfjsSessionClassifier> {
  await initTfjsBackend();
  const file = options.modelFile && resolveModelPath(options, '');
  if (file && /\.h5$/i.test(file)) {
    const { model } = await loadKerasH5(file);
    return new LayersFeatureClassifier(`tfjs-keras:${file}`, model);
  }
  const dir = resolveModelDir(options);
  const jsonFile = join(dir, 'model.json');
  if (existsSync(jsonFile)) {
    const json = JSON.parse(await readFile(jsonFile, 'utf8')) as { format?: string; modelTopology?: unknown };
    if (json.format !== TREES_FORMAT && json.modelTopology) {
      const { model, metadata } = await loadLayersModelFiles(dir);
      return new LayersFeatureClassifier(`tfjs-layers:${dir}`, model, metadata?.featureNames as string[] | undefined);
    }
  }
  return TfjsFeatureClassifier.load(options);
}

/**
 * Loads the session model named by the config (`modelFile`, `dir_path`; else the shipped default)
 * and binds it as the FeatureClassifier.
 */
export function registerFeatureClassifier(
  container: Parameters<WardenPlugin['register']>[0], options: Pick<ResolvedOptions, 'modelFile' | 'dir_path'>, overrides: FeatureClassifierOptions = {},
  mode?: Mode,
): Promise<TfjsSessionClassifier> {
  return registerFeatureModel(container, createFeatureClassifier, options, overrides, mode);
}
