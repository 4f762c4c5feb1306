import { normaliseText, TextFeaturiser, type TextLabel } from '@session-warden/core';
import { forwardOne, seededUniform, type TextModel } from './text-model.js';

/**
 * Trains a TextModel with per-example AdaGrad (sparse: only the embedding rows an input touches are
 * updated), in plain JS. Deterministic for a given seed and data order.
 */
export interface TrainSettings {
  epochs: number;
  learningRate: number;
  /** Loss weight per label; > 1 on benign trades attack recall for fewer false positives. */
  labelWeights?: Partial<Record<TextLabel, number>>;
  l2?: number;
  /** Share of an input's n-grams dropped at random in each step: the model must not hang on any single n-gram. */
  inputDropout?: number;
  seed: number;
}

export interface EpochStats {
  epoch: number;
  loss: number;
  accuracy: number;
  seconds: number;
  validationLoss?: number;
  validationAccuracy?: number;
}

export interface TrainProgress {
  (event: { epoch: number; epochs: number; done: number; total: number; loss: number; accuracy: number }): void;
}

export interface PreparedExample {
  normalised: string;
  label: number;
}

export function prepare(data: readonly { text: string; label: TextLabel }[], labels: readonly TextLabel[]): PreparedExample[] {
  return data.map((d) => ({ normalised: normaliseText(d.text), label: labels.indexOf(d.label) }));
}

export class TextTrainer {
  private readonly featuriser: TextFeaturiser;
  private readonly embAcc: Float32Array;
  private readonly denseAcc: { w: Float32Array; b: Float32Array }[];
  private ids = new Int32Array(1024);
  private weights = new Float32Array(1024);
  private readonly acts: Float64Array[];
  private readonly grads: Float64Array[];
  private readonly probs: Float64Array;
  private readonly dropRandom: () => number;

  constructor(readonly model: TextModel, private readonly settings: TrainSettings) {
    this.featuriser = new TextFeaturiser(model.featuriser);
    this.embAcc = new Float32Array(model.embedding.length).fill(1e-8);
    this.denseAcc = model.dense.map((l) => ({ w: new Float32Array(l.w.length).fill(1e-8), b: new Float32Array(l.b.length).fill(1e-8) }));
    const widths = [model.embeddingWidth, ...model.dense.map((l) => l.outputs)];
    this.acts = widths.map((w) => new Float64Array(w));
    this.grads = widths.map((w) => new Float64Array(w));
    this.probs = new Float64Array(model.labels.length);
    this.dropRandom = seededUniform(settings.seed ^ 0x5bd1e995);
  }

  private featurise(text: string): number {
    const cap = this.featuriser.capacity(text.length);
    if (this.ids.length < cap) {
      this.ids = new Int32Array(cap * 2);
      this.weights = new Float32Array(cap * 2);
    }
    return this.featuriser.featuriseInto(text, this.ids, this.weights, 0);
  }

  /** One SGD step on one example; returns its loss and whether it was classified right before the step. */
  step(example: PreparedExample): { loss: number; correct: boolean } {
    const { model, settings } = this;
    const count = this.featurise(example.normalised);
    const dropout = settings.inputDropout ?? 0;
    if (dropout > 0) {
      // Slot 0 is the bias; it always stays.
      for (let k = 1; k < count; k++) if (this.dropRandom() < dropout) this.weights[k] = 0;
    }
    forwardOne(model, this.ids, this.weights, 0, count, this.probs, this.acts);
    const probs = this.probs;
    let best = 0;
    for (let j = 1; j < probs.length; j++) if (probs[j]! > probs[best]!) best = j;
    const lw = settings.labelWeights?.[model.labels[example.label]!] ?? 1;
    const loss = -Math.log(Math.max(probs[example.label]!, 1e-12)) * lw;
    const lr = settings.learningRate;
    const l2 = settings.l2 ?? 0;
    const L = model.dense.length;
    // Gradient of the loss with respect to the logits.
    let g = this.grads[L]!;
    for (let j = 0; j < g.length; j++) g[j] = (probs[j]! - (j === example.label ? 1 : 0)) * lw;
    for (let l = L - 1; l >= 0; l--) {
      const layer = model.dense[l]!;
      const acc = this.denseAcc[l]!;
      const x = this.acts[l]!; // pre-ReLU for l = 0 (bag), post-ReLU after forwardOne's in-place clamp
      const gx = this.grads[l]!;
      gx.fill(0);
      for (let i = 0; i < layer.inputs; i++) {
        const xi = x[i]! > 0 ? x[i]! : 0;
        const row = i * layer.outputs;
        let s = 0;
        for (let o = 0; o < layer.outputs; o++) {
          s += g[o]! * layer.w[row + o]!;
          if (xi !== 0) {
            const gw = g[o]! * xi + l2 * layer.w[row + o]!;
            acc.w[row + o]! += gw * gw;
            layer.w[row + o]! -= (lr * gw) / Math.sqrt(acc.w[row + o]!);
          }
        }
        gx[i] = x[i]! > 0 ? s : 0;
      }
      for (let o = 0; o < layer.outputs; o++) {
        acc.b[o]! += g[o]! * g[o]!;
        layer.b[o]! -= (lr * g[o]!) / Math.sqrt(acc.b[o]!);
      }
      g = gx;
    }
    const h = model.embeddingWidth;
    const emb = model.embedding;
    const embAcc = this.embAcc;
    for (let k = 0; k < count; k++) {
      const wgt = this.weights[k]!;
      if (wgt === 0) continue;
      const row = this.ids[k]! * h;
      for (let j = 0; j < h; j++) {
        const gj = g[j]! * wgt + l2 * emb[row + j]!;
        if (gj === 0) continue;
        embAcc[row + j]! += gj * gj;
        emb[row + j]! -= (lr * gj) / Math.sqrt(embAcc[row + j]!);
      }
    }
    return { loss, correct: best === example.label };
  }

  /** Mean loss and accuracy without training (for a validation split). */
  evaluate(examples: readonly PreparedExample[]): { loss: number; accuracy: number } {
    let loss = 0;
    let correct = 0;
    for (const e of examples) {
      const count = this.featurise(e.normalised);
      forwardOne(this.model, this.ids, this.weights, 0, count, this.probs);
      loss -= Math.log(Math.max(this.probs[e.label]!, 1e-12));
      let best = 0;
      for (let j = 1; j < this.probs.length; j++) if (this.probs[j]! > this.probs[best]!) best = j;
      if (best === e.label) correct++;
    }
    return { loss: loss / Math.max(1, examples.length), accuracy: correct / Math.max(1, examples.length) };
  }

  train(examples: readonly PreparedExample[], validation: readonly PreparedExample[], onProgress?: TrainProgress): EpochStats[] {
    const rand = seededUniform(this.settings.seed);
    const order = Array.from(examples.keys());
    const history: EpochStats[] = [];
    for (let epoch = 1; epoch <= this.settings.epochs; epoch++) {
      const started = Date.now();
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let loss = 0;
      let correct = 0;
      for (let i = 0; i < order.length; i++) {
        const r = this.step(examples[order[i]!]!);
        loss += r.loss;
        if (r.correct) correct++;
        if (onProgress && (i % 2000 === 1999 || i === order.length - 1)) {
          onProgress({ epoch, epochs: this.settings.epochs, done: i + 1, total: order.length, loss: loss / (i + 1), accuracy: correct / (i + 1) });
        }
      }
      const stats: EpochStats = { epoch, loss: loss / order.length, accuracy: correct / order.length, seconds: (Date.now() - started) / 1000 };
      if (validation.length) {
        const v = this.evaluate(validation);
        stats.validationLoss = v.loss;
        stats.validationAccuracy = v.accuracy;
      }
      history.push(stats);
    }
    return history;
  }
}
