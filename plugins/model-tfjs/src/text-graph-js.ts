import type * as tf from '@tensorflow/tfjs';
import type { FeatureBatch } from '@session-warden/core';

/**
 * The same text network evaluated in plain JS on the layers model's weights (read once): a sparse
 * weighted sum of embedding rows, then the dense layers. tfjs WASM spends tens of µs per op on this
 * machine, which alone exceeds a single input's budget; this engine is opt-in (`engine: 'js'`) and is
 * held to the same 1e-4 parity as the tfjs ops.
 */
export type TextGraphJs = (batch: FeatureBatch) => Float32Array;

export function compileTextGraphJs(model: tf.LayersModel): TextGraphJs | undefined {
  const names = model.layers.map((l) => l.name);
  if (!names.includes('embedding') || !names.includes('bag3')) return undefined;
  const emb = model.getLayer('embedding').getWeights()[0]!;
  const width = emb.shape[1]!;
  const table = emb.dataSync() as Float32Array;
  const dense = names.filter((n) => /^dense\d+$/.test(n)).map((n) => {
    const [w, b] = model.getLayer(n).getWeights();
    return { w: w!.dataSync() as Float32Array, b: b!.dataSync() as Float32Array, inputs: w!.shape[0]!, outputs: w!.shape[1]! };
  });
  const labels = dense.length ? dense[dense.length - 1]!.outputs : width;
  return (batch) => {
    const out = new Float32Array(batch.batch * labels);
    let x = new Float64Array(width);
    for (let r = 0; r < batch.batch; r++) {
      x = new Float64Array(width);
      for (let k = r * batch.width; k < (r + 1) * batch.width; k++) {
        const w = batch.weights[k]!;
        if (w === 0) continue;
        const row = batch.ids[k]! * width;
        for (let j = 0; j < width; j++) x[j]! += w * table[row + j]!;
      }
      for (const layer of dense) {
        const y = new Float64Array(layer.outputs);
        for (let o = 0; o < layer.outputs; o++) y[o] = layer.b[o]!;
        for (let i = 0; i < layer.inputs; i++) {
          const xi = x[i]! > 0 ? x[i]! : 0;
          if (xi === 0) continue;
          for (let o = 0; o < layer.outputs; o++) y[o]! += xi * layer.w[i * layer.outputs + o]!;
        }
        x = y;
      }
      let max = -Infinity;
      for (let j = 0; j < labels; j++) max = Math.max(max, x[j]!);
      let sum = 0;
      for (let j = 0; j < labels; j++) sum += Math.exp(x[j]! - max);
      for (let j = 0; j < labels; j++) out[r * labels + j] = Math.exp(x[j]! - max) / sum;
    }
    return out;
  };
}
