import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseTextModelInfo, probsToVerdicts, TextInputEncoder, resolveModelPath, WardenConfigError,
  type TextClassifier, type TextModelInfo, type TextVerdict,
} from '@session-warden/core';
import * as ort from 'onnxruntime-node';
import { readOnnxMetadata } from './onnx-metadata.js';

/** The text model shipped with this package. */
export const DEFAULT_TEXT_MODEL = join(__dirname, '..', '..', 'models', 'text-default.onnx');

export interface TextClassifierOptions {
  /** A `.onnx` text model; relative paths are read from `dir_path` (or the working directory). */
  modelFile?: string;
  dir_path?: string;
  /** onnxruntime intra-op threads; 1 keeps per-call overhead lowest for a model this small. */
  threads?: number;
}

export function resolveTextModelPath(options: TextClassifierOptions = {}): string {
  return resolveModelPath(options, DEFAULT_TEXT_MODEL);
}

/** TextClassifier on onnxruntime-node: normalise + featurise in JS, one session.run per batch. */
export class OnnxTextClassifier implements TextClassifier {
  readonly name = 'onnx-text';
  /** A fixed network: an input's verdict depends on that input alone. */
  readonly deterministic = true;
  private readonly encoder: TextInputEncoder;

  private constructor(private readonly session: ort.InferenceSession, readonly info: TextModelInfo, readonly file: string) {
    this.encoder = new TextInputEncoder(info);
  }

  static async load(options: TextClassifierOptions = {}): Promise<OnnxTextClassifier> {
    const file = resolveTextModelPath(options);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new WardenConfigError(`Cannot read the text model ${file} (${(err as Error).message}). Check textModelFile/dir_path, or leave them unset to use the shipped model.`, 'WARDEN_MODEL');
    }
    const meta = readOnnxMetadata(bytes);
    const info = parseTextModelInfo(meta.session_warden ?? '{}', file);
    const session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
    });
    return new OnnxTextClassifier(session, info, file);
  }

  async classify(inputs: readonly string[]): Promise<TextVerdict[]> {
    if (inputs.length === 0) return [];
    const out = new Array<TextVerdict>(inputs.length);
    for (const { rows, batch } of this.encoder.encodeGrouped(inputs)) {
      const shape = [batch.batch, batch.width];
      const result = await this.session.run({
        ids: new ort.Tensor('int32', batch.ids, shape),
        weights: new ort.Tensor('float32', batch.weights, shape),
      });
      probsToVerdicts(result.probs!.data as Float32Array, this.info.labels, batch.batch, rows, out);
    }
    return out;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

/** `createTextClassifier()` loads the shipped model; `{ modelFile, dir_path }` load another. */
export function createTextClassifier(options: TextClassifierOptions = {}): Promise<OnnxTextClassifier> {
  return OnnxTextClassifier.load(options);
}
