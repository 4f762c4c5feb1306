import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { encodeOnnxModel, OnnxDataType, type OnnxNode, type OnnxTensor } from '../export/onnx-writer.js';
import { writeTfjsLayersModel } from '../export/tfjs-writer.js';
import type { TextModel } from './text-model.js';

/**
 * Exports a trained TextModel to ONNX and to tfjs layers format. The tfjs graph is the whole network: it takes
 * the featuriser's padded batch (`ids` int32 [batch, width], `weights` float32 [batch, width]) and returns
 * `probs` [batch, labels]. The ONNX graph takes the pooled embedding bag (`bag` float32 [batch, embedding width],
 * as @session-warden/core's PooledTextEncoder computes it) and returns `probs`; its embedding table is a
 * graph output, fetched once at load, because the sparse gather + sum ran far slower in onnxruntime than in
 * JS (milliseconds per batch of 256 against about 20 µs for the dense layers alone; bench/models.cjs).
 * The metadata carries what serving needs to featurise exactly as training did.
 */

export interface TextModelMetadata {
  format: 'session-warden-text';
  kind: TextModel['kind'];
  labels: readonly string[];
  featuriser: TextModel['featuriser'];
  normaliserVersion: number;
  card?: Record<string, unknown>;
}

export function textModelMetadata(model: TextModel, card?: Record<string, unknown>): TextModelMetadata {
  return {
    format: 'session-warden-text', kind: model.kind, labels: model.labels, featuriser: model.featuriser, normaliserVersion: model.normaliserVersion, ...(card ? { card } : {}),
  };
}

export function textModelToOnnx(model: TextModel, card?: Record<string, unknown>): Uint8Array {
  const H = model.embeddingWidth;
  const initializers: OnnxTensor[] = [{ name: 'embedding', dims: [model.featuriser.buckets, H], data: model.embedding }];
  const nodes: OnnxNode[] = [];
  let x = 'bag';
  model.dense.forEach((layer, l) => {
    initializers.push({ name: `dense${l}_w`, dims: [layer.inputs, layer.outputs], data: layer.w }, { name: `dense${l}_b`, dims: [layer.outputs], data: layer.b });
    nodes.push(
      { opType: 'Relu', inputs: [x], outputs: [`relu${l}`] },
      { opType: 'Gemm', inputs: [`relu${l}`, `dense${l}_w`, `dense${l}_b`], outputs: [`dense${l}`] },
    );
    x = `dense${l}`;
  });
  nodes.push({ opType: 'Softmax', inputs: [x], outputs: ['probs'], attributes: { axis: -1 } });
  const labels = model.labels.length;
  return encodeOnnxModel({
    graph: {
      name: `session-warden-text-${model.kind}`,
      inputs: [{ name: 'bag', elemType: OnnxDataType.FLOAT, shape: ['batch', H] }],
      outputs: [
        { name: 'probs', elemType: OnnxDataType.FLOAT, shape: ['batch', labels] },
        { name: 'embedding', elemType: OnnxDataType.FLOAT, shape: [model.featuriser.buckets, H] },
      ],
      initializers,
      nodes,
    },
    opsets: [{ domain: '', version: 17 }],
    docString: 'Session Warden text classifier over hashed character n-grams: pool the input with @session-warden/core PooledTextEncoder (its table is the `embedding` output), then run for `probs`.',
    metadata: { session_warden: JSON.stringify(textModelMetadata(model, card)) },
  });
}

/** The same network as a tfjs LayersModel (Embedding + Dot for the weighted bag, then Dense layers). */
export function textModelToTfjs(model: TextModel): tf.LayersModel {
  const H = model.embeddingWidth;
  const ids = tf.input({ shape: [null], dtype: 'int32', name: 'ids' });
  const weights = tf.input({ shape: [null], dtype: 'float32', name: 'weights' });
  const rows = tf.layers.embedding({
    inputDim: model.featuriser.buckets, outputDim: H, name: 'embedding',
    weights: [tf.tensor2d(model.embedding, [model.featuriser.buckets, H])],
  }).apply(ids) as tf.SymbolicTensor;
  const w3 = tf.layers.reshape({ targetShape: [-1, 1], name: 'weights3' }).apply(weights) as tf.SymbolicTensor;
  const bag3 = tf.layers.dot({ axes: 1, name: 'bag3' }).apply([w3, rows]) as tf.SymbolicTensor;
  let x = tf.layers.flatten({ name: 'bag' }).apply(bag3) as tf.SymbolicTensor;
  model.dense.forEach((layer, l) => {
    x = tf.layers.activation({ activation: 'relu', name: `relu${l}` }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dense({
      units: layer.outputs, name: `dense${l}`,
      weights: [tf.tensor2d(layer.w, [layer.inputs, layer.outputs]), tf.tensor1d(layer.b)],
    }).apply(x) as tf.SymbolicTensor;
  });
  const probs = tf.layers.activation({ activation: 'softmax', name: 'probs' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: [ids, weights], outputs: probs, name: `session_warden_text_${model.kind}` });
}

/** Writes `<dir>/<base>.onnx` and the tfjs folder `<dir>/<base>/` (model.json + weights.bin). */
export async function exportTextModel(model: TextModel, dir: string, base: string, card?: Record<string, unknown>): Promise<{ onnx: string; tfjs: string }> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  const onnx = join(dir, `${base}.onnx`);
  await writeFile(onnx, textModelToOnnx(model, card));
  const tfjsDir = join(dir, base);
  const layers = textModelToTfjs(model);
  await writeTfjsLayersModel(tfjsDir, layers, textModelMetadata(model, card) as unknown as Record<string, unknown>);
  layers.dispose();
  return { onnx, tfjs: tfjsDir };
}
