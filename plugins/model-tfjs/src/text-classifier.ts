import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import {
  parseTextModelInfo, probsToVerdicts, TextInputEncoder, resolveModelPath, WardenConfigError,
  type TextClassifier, type TextModelInfo, type TextVerdict,
} from '@session-warden/core';
import { loadLayersModelFiles } from './layers-model-files.js';
import { compileTextGraph, type TextGraphRunner } from './text-graph.js';
import { compileTextGraphJs, type TextGraphJs } from './text-graph-js.js';
import { initTfjsBackend } from './tfjs-backend.js';

/** The text model shipped with this package (a folder with model.json + weights.bin). */
export const DEFAULT_TEXT_MODEL = join(__dirname, '..', '..', 'models', 'text-default');

export interface TextClassifierOptions {
  /** A tfjs layers text model: its folder or its model.json; relative paths are read from `dir_path` (or the working directory). */
  modelFile?: string;
  dir_path?: string;
  /**
   * 'js' (default for the hashed n-gram network) evaluates the model's weights in plain JS, which measures
   * several times faster than tfjs ops at these sizes (bench/text-models.cjs); 'tfjs' runs the network as
   * tfjs ops on the active backend (WASM, or tfjs-node when installed). Same results within 1e-4. Other
   * topologies always run on tfjs.
   */
  engine?: 'tfjs' | 'js';
}

export function resolveTextModelPath(options: TextClassifierOptions = {}): string {
  return resolveModelPath(options, DEFAULT_TEXT_MODEL);
}

/** TextClassifier on TensorFlow.js (WASM backend, or tfjs-node when installed). */
export class TfjsTextClassifier implements TextClassifier {
  readonly name = 'tfjs-text';
  /** A fixed network: an input's verdict depends on that input alone. */
  readonly deterministic = true;
  private readonly encoder: TextInputEncoder;
  private readonly run: TextGraphRunner | undefined;
  private readonly runJs: TextGraphJs | undefined;

  private constructor(private readonly model: tf.LayersModel, readonly info: TextModelInfo, readonly file: string, readonly backend: string, engine: 'tfjs' | 'js' | undefined) {
    this.encoder = new TextInputEncoder(info);
    this.runJs = engine === 'tfjs' ? undefined : compileTextGraphJs(model, info);
    if (engine === 'js' && !this.runJs) throw new WardenConfigError(`${file} is not the hashed n-gram text network, so engine 'js' cannot run it; use engine 'tfjs'.`, 'WARDEN_MODEL');
    this.run = this.runJs ? undefined : compileTextGraph(model);
  }

  /** Which engine evaluates the network: the tfjs backend's name, or 'js'. */
  get engine(): string {
    return this.runJs ? 'js' : this.backend;
  }

  static async load(options: TextClassifierOptions = {}): Promise<TfjsTextClassifier> {
    const backend = await initTfjsBackend();
    const path = resolveTextModelPath(options);
    let info: TextModelInfo | undefined;
    const { model, file } = await loadLayersModelFiles(path, (metadata, where) => { info = parseTextModelInfo(metadata ?? {}, where); });
    return new TfjsTextClassifier(model, info!, file, backend, options.engine);
  }

  async classify(inputs: readonly string[]): Promise<TextVerdict[]> {
    if (inputs.length === 0) return [];
    if (this.runJs) return probsToVerdicts(this.runJs(inputs), this.info.labels, inputs.length);
    if (this.run) {
      const batch = this.encoder.encodeSparse(inputs);
      const probs = this.run(batch);
      try {
        return probsToVerdicts(probs.dataSync(), this.info.labels, batch.batch);
      } finally {
        probs.dispose();
      }
    }
    const out = new Array<TextVerdict>(inputs.length);
    for (const { rows, batch } of this.encoder.encodeGrouped(inputs)) {
      const probs = tf.tidy(() => this.model.predictOnBatch([
        tf.tensor2d(batch.ids, [batch.batch, batch.width], 'int32'),
        tf.tensor2d(batch.weights, [batch.batch, batch.width], 'float32'),
      ]) as tf.Tensor2D);
      try {
        probsToVerdicts(probs.dataSync(), this.info.labels, batch.batch, rows, out);
      } finally {
        probs.dispose();
      }
    }
    return out;
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** `createTextClassifier()` loads the shipped model; `{ modelFile, dir_path }` load another. */
export function createTextClassifier(options: TextClassifierOptions = {}): Promise<TfjsTextClassifier> {
  return TfjsTextClassifier.load(options);
}
