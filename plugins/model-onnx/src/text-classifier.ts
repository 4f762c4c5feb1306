import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseTextModelInfo, PooledTextEncoder, probsToVerdicts, resolveModelPath, WardenConfigError,
  type TextClassifier, type TextModelInfo, type TextVerdict,
} from '@session-warden/core';
import * as ort from 'onnxruntime-node';
import { compileDenseChain, DenseChain } from './dense-chain.js';
import { readOnnxGraphOrNull } from './onnx-graph.js';
import { OnnxRuntimeRows } from './onnxruntime-rows.js';
import { readOnnxMetadata } from './onnx-metadata.js';

/** The text model shipped with this package. */
export const DEFAULT_TEXT_MODEL = join(__dirname, '..', '..', 'models', 'text-default.onnx');

export interface TextClassifierOptions {
  /** A `.onnx` text model; relative paths are read from `dir_path` (or the working directory). */
  modelFile?: string;
  dir_path?: string;
  /** onnxruntime intra-op threads; 1 keeps per-call overhead lowest for a model this small. */
  threads?: number;
  /**
   * `onnxruntime` runs the dense layers with onnxruntime-node. Unset, a model whose layers are a
   * plain chain (Relu, Gemm, MatMul, Add, Sigmoid, Softmax) runs them in JavaScript instead.
   */
  engine?: 'auto' | 'onnxruntime';
}

export function resolveTextModelPath(options: TextClassifierOptions = {}): string {
  return resolveModelPath(options, DEFAULT_TEXT_MODEL);
}

/** What runs a text model's dense layers: onnxruntime, or the same layers in JavaScript. */
export type TextModelEngine = 'js-dense' | 'onnxruntime';

/**
 * The model's embedding table and dense layers read from the file, when its graph is a plain chain
 * from `bag` to `probs` (see dense-chain.ts) and the table an initializer; null otherwise.
 */
function jsLayers(bytes: Uint8Array): { chain: DenseChain; table: Float32Array } | null {
  const graph = readOnnxGraphOrNull(bytes);
  const table = graph?.floatTensors.get('embedding');
  if (!graph || !table || table.dims.length !== 2 || !graph.inputs.includes('bag') || !graph.outputs.includes('embedding')) return null;
  const compiled = compileDenseChain(graph, 'bag', table.dims[1]!, 'probs');
  return 'chain' in compiled ? { chain: compiled.chain, table: table.data } : null;
}

/**
 * TextClassifier for `.onnx` text models. Models exported by this version take the pooled embedding
 * bag: JS normalises, featurises and pools each input (PooledTextEncoder, on the table the model file
 * holds as its `embedding` output), then the dense layers run once per batch: in JavaScript when they
 * are a plain chain (the shipped model and what `warden train text` writes), else on onnxruntime.
 */
export class OnnxTextClassifier implements TextClassifier {
  readonly name = 'onnx-text';
  /** A fixed network: an input's verdict depends on that input alone. */
  readonly deterministic = true;
  private readonly encoder: PooledTextEncoder;

  private constructor(private readonly layers: DenseChain | OnnxRuntimeRows, readonly info: TextModelInfo, readonly file: string, table: Float32Array, width: number) {
    this.encoder = new PooledTextEncoder(info, table, width);
  }

  get engine(): TextModelEngine {
    return this.layers instanceof DenseChain ? 'js-dense' : 'onnxruntime';
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
    const js = options.engine === 'onnxruntime' ? null : jsLayers(bytes);
    if (js && js.chain.outputWidth !== info.labels.length) {
      throw new WardenConfigError(`${file} gives ${js.chain.outputWidth} scores an input, but its metadata names ${info.labels.length} labels.`, 'WARDEN_MODEL');
    }
    if (js) return new OnnxTextClassifier(js.chain, info, file, js.table, js.chain.inputWidth);
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
    return new OnnxTextClassifier(new OnnxRuntimeRows(session, width, 'bag', 'probs'), info, file, embedding!.data as Float32Array, embedding!.dims[1]!);
  }

  async classify(inputs: readonly string[]): Promise<TextVerdict[]> {
    if (inputs.length === 0) return [];
    const probs = await this.layers.run(this.encoder.encode(inputs));
    return probsToVerdicts(probs, this.info.labels, inputs.length);
  }

  async dispose(): Promise<void> {
    if (this.layers instanceof OnnxRuntimeRows) await this.layers.release();
  }
}

/** `createTextClassifier()` loads the shipped model; `{ modelFile, dir_path }` load another. */
export function createTextClassifier(options: TextClassifierOptions = {}): Promise<OnnxTextClassifier> {
  return OnnxTextClassifier.load(options);
}
