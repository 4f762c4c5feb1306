import type * as tf from '@tensorflow/tfjs';
import { PooledTextEncoder, type TextModelInfo } from '@session-warden/core';

/**
 * The same text network evaluated in plain JS on the layers model's weights (read once): core's
 * PooledTextEncoder does normalise → featurise → embedding bag, then ReLU → Dense layers and softmax run
 * here. tfjs WASM spends several µs per op on this machine, more than a single input's whole budget; this
 * engine is held to the same 1e-4 parity as the tfjs ops.
 */
export type TextGraphJs = (inputs: readonly string[]) => Float32Array;

interface DenseLayer {
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  outputs: number;
}

export function compileTextGraphJs(model: tf.LayersModel, info: TextModelInfo): TextGraphJs | undefined {
  const names = model.layers.map((l) => l.name);
  if (!names.includes('embedding') || !names.includes('bag3')) return undefined;
  const emb = model.getLayer('embedding').getWeights()[0]!;
  const width = emb.shape[1]!;
  const encoder = new PooledTextEncoder(info, Float32Array.from(emb.dataSync() as Float32Array), width);
  const dense: DenseLayer[] = names.filter((n) => /^dense\d+$/.test(n)).map((n) => {
    const [w, b] = model.getLayer(n).getWeights();
    return { w: Float64Array.from(w!.dataSync()), b: Float64Array.from(b!.dataSync()), inputs: w!.shape[0]!, outputs: w!.shape[1]! };
  });
  const labels = dense.length ? dense[dense.length - 1]!.outputs : width;
  // Activations, reused across rows and calls (the engine is synchronous).
  const acts = [new Float64Array(width), ...dense.map((l) => new Float64Array(l.outputs))];
  return (inputs) => {
    const bags = encoder.encode(inputs);
    const out = new Float32Array(inputs.length * labels);
    const bag = acts[0]!;
    for (let r = 0; r < inputs.length; r++) {
      for (let j = 0; j < width; j++) bag[j] = bags[r * width + j]!;
      let x = bag;
      for (let l = 0; l < dense.length; l++) {
        const layer = dense[l]!;
        const y = acts[l + 1]!;
        const { w, outputs } = layer;
        for (let o = 0; o < outputs; o++) y[o] = layer.b[o]!;
        for (let i = 0; i < layer.inputs; i++) {
          const xi = x[i]!;
          if (xi <= 0) continue; // ReLU
          const at = i * outputs;
          for (let o = 0; o < outputs; o++) y[o]! += xi * w[at + o]!;
        }
        x = y;
      }
      let max = -Infinity;
      for (let j = 0; j < labels; j++) if (x[j]! > max) max = x[j]!;
      let sum = 0;
      for (let j = 0; j < labels; j++) sum += Math.exp(x[j]! - max);
      for (let j = 0; j < labels; j++) out[r * labels + j] = Math.exp(x[j]! - max) / sum;
    }
    return out;
  };
}
