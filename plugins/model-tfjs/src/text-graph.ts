import * as tf from '@tensorflow/tfjs';

/**
 * Runs a Session Warden text network (Embedding + weighted bag → [ReLU → Dense]* → softmax) with a few
 * fused tfjs ops on the layers model's own weight tensors. `model.predict` walks the layer graph and
 * splits batches, which costs far more than the arithmetic at these sizes. Falls back to predict for
 * other topologies.
 */
export type TextGraphRunner = (ids: tf.Tensor2D, weights: tf.Tensor2D) => tf.Tensor2D;

export function compileTextGraph(model: tf.LayersModel): TextGraphRunner {
  const names = new Set(model.layers.map((l) => l.name));
  const denseNames = model.layers.map((l) => l.name).filter((n) => /^dense\d+$/.test(n));
  const known = names.has('embedding') && names.has('bag3') && names.has('probs')
    && denseNames.every((n, i) => n === `dense${i}` && names.has(`relu${i}`));
  if (!known) {
    return (ids, weights) => model.predictOnBatch([ids, weights]) as tf.Tensor2D;
  }
  const embedding = model.getLayer('embedding').getWeights()[0] as tf.Tensor2D;
  const dense = denseNames.map((n) => {
    const [w, b] = model.getLayer(n).getWeights() as [tf.Tensor2D, tf.Tensor1D];
    return { w, b };
  });
  const width = embedding.shape[1];
  return (ids, weights) => tf.tidy(() => {
    const [batch, slots] = ids.shape;
    const rows = tf.gather(embedding, ids) as unknown as tf.Tensor3D;
    let x = tf.reshape(tf.matMul(tf.reshape(weights, [batch, 1, slots]), rows), [batch, width]) as tf.Tensor2D;
    for (const layer of dense) x = tf.fused.matMul({ a: tf.relu(x), b: layer.w, bias: layer.b }) as tf.Tensor2D;
    return tf.softmax(x);
  });
}
