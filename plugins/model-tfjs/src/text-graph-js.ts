import type * as tf from '@tensorflow/tfjs';
import type { SparseFeatureBatch } from '@session-warden/core';

/**
 * The same text network evaluated in plain JS on the layers model's weights (read once): a sparse
 * weighted sum of embedding rows (an embedding bag), then ReLU → Dense layers and softmax. It reads the
 * unpadded batch directly, so its work is (features × embedding width) per input. tfjs WASM spends
 * several µs per op on this machine, more than a single input's whole budget; this engine is held to
 * the same 1e-4 parity as the tfjs ops.
 */
export type TextGraphJs = (batch: SparseFeatureBatch) => Float32Array;

interface DenseLayer {
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  outputs: number;
}

export function compileTextGraphJs(model: tf.LayersModel): TextGraphJs | undefined {
  const names = model.layers.map((l) => l.name);
  if (!names.includes('embedding') || !names.includes('bag3')) return undefined;
  const emb = model.getLayer('embedding').getWeights()[0]!;
  const width = emb.shape[1]!;
  const table = Float32Array.from(emb.dataSync() as Float32Array);
  const dense: DenseLayer[] = names.filter((n) => /^dense\d+$/.test(n)).map((n) => {
    const [w, b] = model.getLayer(n).getWeights();
    return { w: Float64Array.from(w!.dataSync()), b: Float64Array.from(b!.dataSync()), inputs: w!.shape[0]!, outputs: w!.shape[1]! };
  });
  const labels = dense.length ? dense[dense.length - 1]!.outputs : width;
  // Activations, reused across rows and calls (the engine is synchronous).
  const acts = [new Float64Array(width), ...dense.map((l) => new Float64Array(l.outputs))];
  return (batch) => {
    const { ids, weights, offsets } = batch;
    const out = new Float32Array(batch.batch * labels);
    const bag = acts[0]!;
    for (let r = 0; r < batch.batch; r++) {
      if (width === 16) bag16(table, ids, weights, offsets[r]!, offsets[r + 1]!, bag);
      else bagAny(table, width, ids, weights, offsets[r]!, offsets[r + 1]!, bag);
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

function bagAny(table: Float32Array, width: number, ids: Int32Array, weights: Float32Array, start: number, end: number, bag: Float64Array): void {
  bag.fill(0);
  for (let k = start; k < end; k++) {
    const w = weights[k]!;
    const row = ids[k]! * width;
    for (let j = 0; j < width; j++) bag[j]! += w * table[row + j]!;
  }
}

/**
 * The shipped width, unrolled into locals: each feature is one cache line of the (multi-MB) table, and with
 * few instructions per row the CPU keeps several of those loads in flight, which is what bounds this loop.
 */
function bag16(table: Float32Array, ids: Int32Array, weights: Float32Array, start: number, end: number, bag: Float64Array): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
  for (let k = start; k < end; k++) {
    const w = weights[k]!;
    const o = ids[k]! << 4;
    a0 += w * table[o]!; a1 += w * table[o + 1]!; a2 += w * table[o + 2]!; a3 += w * table[o + 3]!;
    a4 += w * table[o + 4]!; a5 += w * table[o + 5]!; a6 += w * table[o + 6]!; a7 += w * table[o + 7]!;
    a8 += w * table[o + 8]!; a9 += w * table[o + 9]!; a10 += w * table[o + 10]!; a11 += w * table[o + 11]!;
    a12 += w * table[o + 12]!; a13 += w * table[o + 13]!; a14 += w * table[o + 14]!; a15 += w * table[o + 15]!;
  }
  bag[0] = a0; bag[1] = a1; bag[2] = a2; bag[3] = a3; bag[4] = a4; bag[5] = a5; bag[6] = a6; bag[7] = a7;
  bag[8] = a8; bag[9] = a9; bag[10] = a10; bag[11] = a11; bag[12] = a12; bag[13] = a13; bag[14] = a14; bag[15] = a15;
}
