import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseTextModelInfo, PooledTextEncoder, probsToVerdicts, resolveModelPath, WardenConfigError,
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

/**
 * TextClassifier on onnxruntime-node. Models exported by this version take the pooled embedding bag: JS
 * normalises, featurises and pools each input (PooledTextEncoder, on the table the model file holds as its
 * `embedding` output), and one session.run per batch does the dense layers.
 */
export class OnnxTextClassifier implements TextClassifier {
  readonly name = 'onnx-text';
  /** A fixed network: an input's verdict depends on that input alone. */
  readonly deterministic = true;
  private readonly encoder: PooledTextEncoder;

  private constructor(private readonly session: ort.InferenceSession, readonly info: TextModelInfo, readonly file: string, embedding: ort.Tensor) {
    this.encoder = new PooledTextEncoder(info, embedding.data as Float32Array, embedding.dims[1]!);
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
    // The table is a graph output backed by an initializer: fetched once here, never again (classify() asks for probs only).
    const input = session.inputMetadata.find((m) => m.name === 'bag');
    const width = input?.isTensor ? Number(input.shape[1]) : NaN;
    if (!session.outputNames.includes('embedding') || !(width > 0)) {
      await session.release();
      throw new WardenConfigError(`${file} is a text model in the older ONNX form (it takes ids/weights, not a pooled bag); write it again from its tfjs folder with reexportTextOnnx() from @session-warden/training (no retraining), or retrain with \`warden train text\`.`, 'WARDEN_MODEL');
    }
    const { embedding } = await session.run({ bag: new ort.Tensor('float32', new Float32Array(width), [1, width]) }, ['embedding']);
    return new OnnxTextClassifier(session, info, file, embedding);
  }

  async classify(inputs: readonly string[]): Promise<TextVerdict[]> {
    if (inputs.length === 0) return [];
    const bag = this.encoder.encode(inputs);
    const { probs } = await this.session.run({ bag: new ort.Tensor('float32', bag, [inputs.length, this.encoder.width]) }, ['probs']);
    return probsToVerdicts(probs!.data as Float32Array, this.info.labels, inputs.length);
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

/** `createTextClassifier()` loads the shipped model; `{ modelFile, dir_path }` load another. */
export function createTextClassifier(options: TextClassifierOptions = {}): Promise<OnnxTextClassifier> {
  return OnnxTextClassifier.load(options);
}
