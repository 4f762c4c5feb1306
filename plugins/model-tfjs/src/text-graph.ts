import * as tf from '@tensorflow/tfjs';
import type { SparseFeatureBatch } from '@session-warden/core';

/**
 * Runs a Session Warden text network (Embedding + weighted bag → [ReLU → Dense]* → softmax) as a few tfjs
 * ops on the layers model's own weight tensors, over the unpadded batch: gather the active embedding rows,
 * scale them by their weights, sum them per input (scatterND adds rows that share an index), then the dense
 * layers. The gather is a sparseSegmentSum with one segment per feature: the WASM backend's Gather kernel
 * took about 35 ms for a 256-input batch (≈40k rows) where sparseSegmentSum takes about 1–2 ms. `model.predict` walks the layer graph and needs padded inputs, which costs far more than the
 * arithmetic at these sizes. Returns undefined for other topologies (the caller then uses predict).
 */
export type TextGraphRunner = (batch: SparseFeatureBatch) => tf.Tensor2D;

export function compileTextGraph(model: tf.LayersModel): TextGraphRunner | undefined {
  const names = new Set(model.layers.map((l) => l.name));
  const denseNames = model.layers.map((l) => l.name).filter((n) => /^dense\d+$/.test(n));
  const known = names.has('embedding') && names.has('bag3') && names.has('probs')
    && denseNames.every((n, i) => n === `dense${i}` && names.has(`relu${i}`));
  if (!known) return undefined;
  const embedding = model.getLayer('embedding').getWeights()[0] as tf.Tensor2D;
  const dense = denseNames.map((n) => {
    const [w, b] = model.getLayer(n).getWeights() as [tf.Tensor2D, tf.Tensor1D];
    return { w, b };
  });
  const width = embedding.shape[1];
  // The batch's arrays are the encoder's scratch views; tensors get copies (some backends read a view's whole buffer).
  return ({ ids, weights, offsets, batch }) => {
    const nnz = ids.length;
    const segments = new Int32Array(nnz);
    for (let r = 0; r < batch; r++) segments.fill(r, offsets[r]!, offsets[r + 1]!);
    const each = new Int32Array(nnz);
    for (let k = 0; k < nnz; k++) each[k] = k;
    return tf.tidy(() => {
      const rows = tf.sparse.sparseSegmentSum(embedding, tf.tensor1d(ids.slice(), 'int32'), tf.tensor1d(each, 'int32'));
      const weighted = tf.mul(rows, tf.tensor2d(weights.slice(), [nnz, 1], 'float32'));
      let x = tf.scatterND(tf.tensor2d(segments, [nnz, 1], 'int32'), weighted, [batch, width]) as tf.Tensor2D;
      for (const layer of dense) x = tf.fused.matMul({ a: tf.relu(x), b: layer.w, bias: layer.b }) as tf.Tensor2D;
      return tf.softmax(x);
    });
  };
}
