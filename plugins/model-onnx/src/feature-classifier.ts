import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { registerFeatureModel, ValidationError, WardenConfigError, type FeatureClassifier, type FeatureVerdict, type Mode, type FeatureModelVariant, type ResolvedOptions, type WardenPlugin, resolveModelPath, shippedSessionModelName } from '@session-warden/core';
import { readOnnxGraphOrNull } from './onnx-graph.js';
import { OnnxRuntimeRows } from './onnxruntime-rows.js';
import { readOnnxMetadata } from './onnx-metadata.js';
import { compileTreeEnsemble, TreeEnsembleScorer } from './tree-ensemble.js';

export type { FeatureModelVariant };

export interface FeatureClassifierOptions {
  /** Which shipped model to load: `default` (rich features) or `compat5` (the older five, sesDuration in ms). */
  variant?: FeatureModelVariant;
  /** A `.onnx` session model; relative names are read from `dir_path` (else the working directory). */
  modelFile?: string;
  /** Folder a relative `modelFile` is read from (without `modelFile`, the shipped model is used). */
  dir_path?: string;
  /**
   * `onnxruntime` runs every model with onnxruntime-node. Unset, a plain tree ensemble is walked in
   * JavaScript instead: the same scores to within 1e-6, some 20 times faster per call.
   */
  engine?: 'auto' | 'onnxruntime';
}

/** What the JSON beside a session model says (written by the training pipeline). */
interface SessionModelMetadata {
  name: string;
  featureNames: string[];
  threshold: number;
  labels: [string, string];
}

/** The shipped models live in the package's `models/` folder (dist/src → package root). */
export const SHIPPED_MODELS_DIR = resolve(__dirname, '..', '..', 'models');

export function resolveModelFile(options: FeatureClassifierOptions): string {
  // As for the text model: no modelFile means the shipped model; dir_path only places a relative modelFile.
  return resolveModelPath(options, join(SHIPPED_MODELS_DIR, `${shippedSessionModelName(options.variant)}.onnx`));
}

/**
 * The model's metadata: the JSON beside it when present, else the copy inside the ONNX file's
 * metadata_props (so a lone `.onnx` written by `warden train session` is enough).
 */
function readMetadata(modelFile: string, bytes: Uint8Array): SessionModelMetadata {
  const jsonFile = modelFile.replace(/\.onnx$/i, '') + '.json';
  const text = existsSync(jsonFile) ? readFileSync(jsonFile, 'utf8') : readOnnxMetadata(bytes).metadata;
  const meta = (text ? JSON.parse(text) : {}) as SessionModelMetadata;
  if (!Array.isArray(meta.featureNames) || meta.featureNames.length === 0 || typeof meta.threshold !== 'number') {
    throw new WardenConfigError(`${modelFile} does not say which features it reads (no ${jsonFile} beside it and no session metadata inside); use a model written by "warden train session".`);
  }
  return meta;
}

/** Reads the rows into one float32 matrix in the model's feature order. */
export function rowsToMatrix(rows: readonly Readonly<Record<string, number>>[], names: readonly string[]): Float32Array {
  const f = names.length;
  const data = new Float32Array(rows.length * f);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let j = 0; j < f; j++) {
      const v = row[names[j]!];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ValidationError(`Session features are missing "${names[j]}" (or it is not a finite number); this model reads: ${names.join(', ')}.`);
      }
      data[i * f + j] = v;
    }
  }
  return data;
}

/** How a session model's rows are scored: its trees walked in JavaScript, or onnxruntime. */
export type FeatureModelEngine = 'js-trees' | 'onnxruntime';

/** The model's trees as a JS scorer when its graph is a plain tree ensemble (see tree-ensemble.ts); null otherwise. */
function treeScorer(bytes: Uint8Array, width: number): TreeEnsembleScorer | null {
  const graph = readOnnxGraphOrNull(bytes);
  const compiled = graph && compileTreeEnsemble(graph, width);
  return compiled && 'scorer' in compiled ? compiled.scorer : null;
}

/**
 * A session model from an ONNX file: rows of named features → normal/abnormal with P(abnormal).
 * A plain tree ensemble (the shipped models and any `warden train session` writes) is scored in
 * JavaScript, any other graph by onnxruntime-node; `engine` says which.
 */
export class OnnxFeatureClassifier implements FeatureClassifier {
  private constructor(
    readonly name: string, readonly featureNames: readonly string[], readonly threshold: number,
    private readonly scorer: TreeEnsembleScorer | OnnxRuntimeRows,
  ) {}

  get engine(): FeatureModelEngine {
    return this.scorer instanceof TreeEnsembleScorer ? 'js-trees' : 'onnxruntime';
  }

  static async load(options: FeatureClassifierOptions = {}): Promise<OnnxFeatureClassifier> {
    const file = resolveModelFile(options);
    if (!existsSync(file)) throw new WardenConfigError(`Session model ${file} does not exist; check modelFile / dir_path.`);
    const bytes = readFileSync(file);
    const meta = readMetadata(file, bytes);
    const width = meta.featureNames.length;
    const trees = options.engine === 'onnxruntime' ? null : treeScorer(bytes, width);
    const scorer = trees ?? new OnnxRuntimeRows(await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 }), width);
    return new OnnxFeatureClassifier(`onnx:${meta.name}`, meta.featureNames, meta.threshold, scorer);
  }

  /** Probabilities of `abnormal`, one per row. */
  async scores(rows: readonly Readonly<Record<string, number>>[]): Promise<Float32Array> {
    if (rows.length === 0) return new Float32Array(0);
    return this.scorer.run(rowsToMatrix(rows, this.featureNames));
  }

  async classify(rows: readonly Readonly<Record<string, number>>[]): Promise<FeatureVerdict[]> {
    const scores = await this.scores(rows);
    return Array.from(scores, (score) => ({ label: score >= this.threshold ? 'abnormal' : 'normal', score }));
  }

  async close(): Promise<void> {
    if (this.scorer instanceof OnnxRuntimeRows) await this.scorer.release();
  }
}

/** The session classifier of issue 4's contract: `createFeatureClassifier({ variant: 'compat5' })`. */
export function createFeatureClassifier(options: FeatureClassifierOptions = {}): Promise<OnnxFeatureClassifier> {
  return OnnxFeatureClassifier.load(options);
}

/**
 * Loads the session model named by the config (`modelFile`, `dir_path`; else the shipped default)
 * and binds it as the FeatureClassifier.
 */
export function registerFeatureClassifier(
  container: Parameters<WardenPlugin['register']>[0], options: Pick<ResolvedOptions, 'modelFile' | 'dir_path'>, overrides: FeatureClassifierOptions = {},
  mode?: Mode,
): Promise<OnnxFeatureClassifier> {
  return registerFeatureModel(container, createFeatureClassifier, options, overrides, mode);
}
