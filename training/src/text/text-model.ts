import { TEXT_LABELS, type FeaturiserConfig, type TextLabel } from '@session-warden/core';

/**
 * A hashed-n-gram text model: an embedding bag (weighted sum of one row per n-gram bucket; row 0 is the
 * bias) followed by zero or more dense layers. With no dense layers the bag width is the number of labels
 * and the model is linear (the baseline); with dense layers the bag output goes through ReLU first.
 */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  /** Row-major [inputs, outputs]. */
  w: Float32Array;
  b: Float32Array;
}

export interface TextModel {
  kind: 'linear' | 'mlp';
  labels: readonly TextLabel[];
  featuriser: FeaturiserConfig;
  normaliserVersion: number;
  embeddingWidth: number;
  /** Row-major [featuriser.buckets, embeddingWidth]. */
  embedding: Float32Array;
  dense: DenseLayer[];
}

/** Small random numbers from a seeded generator (mulberry32), so training is reproducible. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createTextModel(
  kind: 'linear' | 'mlp', featuriser: FeaturiserConfig, normaliserVersion: number, hidden: readonly number[], seed: number,
): TextModel {
  const rand = seededUniform(seed);
  const labels = TEXT_LABELS;
  const widths = kind === 'linear' ? [labels.length] : [...hidden, labels.length];
  const embeddingWidth = widths[0]!;
  const embedding = new Float32Array(featuriser.buckets * embeddingWidth);
  const scale = kind === 'linear' ? 0 : 0.1;
  for (let i = 0; i < embedding.length; i++) embedding[i] = (rand() * 2 - 1) * scale;
  const dense: DenseLayer[] = [];
  for (let l = 1; l < widths.length; l++) {
    const inputs = widths[l - 1]!;
    const outputs = widths[l]!;
    const limit = Math.sqrt(6 / (inputs + outputs));
    const w = new Float32Array(inputs * outputs);
    for (let i = 0; i < w.length; i++) w[i] = (rand() * 2 - 1) * limit;
    dense.push({ inputs, outputs, w, b: new Float32Array(outputs) });
  }
  return { kind, labels, featuriser: { ...featuriser }, normaliserVersion, embeddingWidth, embedding, dense };
}

/** Softmax in place, numerically stable. */
export function softmaxInPlace(v: Float32Array | Float64Array, from = 0, count = v.length): void {
  let max = -Infinity;
  for (let i = from; i < from + count; i++) if (v[i]! > max) max = v[i]!;
  let sum = 0;
  for (let i = from; i < from + count; i++) {
    const e = Math.exp(v[i]! - max);
    v[i] = e;
    sum += e;
  }
  for (let i = from; i < from + count; i++) v[i]! /= sum;
}

/**
 * Label probabilities for one featurised input (ids/weights from `offset`, `count` entries), written to `out`.
 * `activations` (optional) receives each layer's input, for back-propagation.
 */
export function forwardOne(
  model: TextModel, ids: Int32Array, weights: Float32Array, offset: number, count: number, out: Float64Array, activations?: Float64Array[],
): void {
  const h = model.embeddingWidth;
  const emb = model.embedding;
  let x: Float64Array = activations?.[0] ?? new Float64Array(h);
  x.fill(0);
  for (let k = offset; k < offset + count; k++) {
    const wgt = weights[k]!;
    if (wgt === 0) continue;
    const row = ids[k]! * h;
    for (let j = 0; j < h; j++) x[j]! += wgt * emb[row + j]!;
  }
  for (let l = 0; l < model.dense.length; l++) {
    for (let j = 0; j < x.length; j++) if (x[j]! < 0) x[j] = 0;
    const layer = model.dense[l]!;
    const y: Float64Array = activations?.[l + 1] ?? new Float64Array(layer.outputs);
    for (let o = 0; o < layer.outputs; o++) y[o] = layer.b[o]!;
    for (let i = 0; i < layer.inputs; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      const row = i * layer.outputs;
      for (let o = 0; o < layer.outputs; o++) y[o]! += xi * layer.w[row + o]!;
    }
    x = y;
  }
  for (let j = 0; j < out.length; j++) out[j] = x[j]!;
  softmaxInPlace(out);
}

/**
 * Adds `delta` to the benign logit (the last layer's bias; for the linear model, the bias row of the bag):
 * trades a little attack recall for fewer false positives, without changing the graph.
 */
export function addBenignBias(model: TextModel, delta: number): void {
  const benign = model.labels.indexOf('benign');
  if (benign < 0 || delta === 0) return;
  const last = model.dense[model.dense.length - 1];
  if (last) last.b[benign]! += delta;
  else model.embedding[benign]! += delta;
}
