import { DEFAULT_FEATURISER, NORMALISER_VERSION, TEXT_LABELS, TextFeaturiser, type FeaturiserConfig } from '@session-warden/core';
import { GENERATOR_VERSION, generateTextDataset, isHeldOut, type LabelledText } from './generators/dataset.js';
import { computeMetrics, type TextMetrics } from './metrics.js';
import { addBenignBias, createTextModel, forwardOne, type TextModel } from './text-model.js';
import { prepare, TextTrainer, type EpochStats, type PreparedExample, type TrainProgress, type TrainSettings } from './trainer.js';

/** Training a text model end to end: data (generated or the user's), split, train, measure. */
export interface TextTrainingConfig {
  kind: 'linear' | 'mlp';
  hidden: number[];
  featuriser: FeaturiserConfig;
  epochs: number;
  learningRate: number;
  benignWeight: number;
  inputDropout: number;
  /** Added to the benign logit after training (see addBenignBias). */
  benignBias: number;
  seed: number;
  /** Examples to generate (before de-duplication) when no data is given. */
  generatedSize: number;
  heldOutPercent: number;
}

export const BASELINE_CONFIG: TextTrainingConfig = {
  kind: 'linear', hidden: [], featuriser: { ...DEFAULT_FEATURISER, buckets: 1 << 16 }, epochs: 3, learningRate: 0.2, benignWeight: 2, inputDropout: 0, benignBias: 0,
  seed: 20261122, generatedSize: 600_000, heldOutPercent: 10,
};

export const DEFAULT_CONFIG: TextTrainingConfig = {
  kind: 'mlp', hidden: [16], featuriser: { ...DEFAULT_FEATURISER, buckets: 1 << 16 }, epochs: 1, learningRate: 0.1, benignWeight: 2, inputDropout: 0.1, benignBias: 3,
  seed: 20261122, generatedSize: 600_000, heldOutPercent: 10,
};

export interface TrainedText {
  model: TextModel;
  config: TextTrainingConfig;
  history: EpochStats[];
  curve: { epoch: number; loss: number; accuracy: number }[];
  heldOut: TextMetrics;
  trainCount: number;
  heldOutCount: number;
  dataSource: string;
  seconds: number;
}

export function predictJs(model: TextModel, examples: readonly PreparedExample[]): number[] {
  const featuriser = new TextFeaturiser(model.featuriser);
  const probs = new Float64Array(model.labels.length);
  let ids = new Int32Array(1024);
  let weights = new Float32Array(1024);
  return examples.map((e) => {
    const cap = featuriser.capacity(e.normalised.length);
    if (ids.length < cap) {
      ids = new Int32Array(cap);
      weights = new Float32Array(cap);
    }
    const n = featuriser.featuriseInto(e.normalised, ids, weights, 0);
    forwardOne(model, ids, weights, 0, n, probs);
    let best = 0;
    for (let j = 1; j < probs.length; j++) if (probs[j]! > probs[best]!) best = j;
    return best;
  });
}

export function measureJs(model: TextModel, data: readonly LabelledText[]): TextMetrics {
  const prepared = prepare(data, model.labels);
  return computeMetrics(model.labels, prepared.map((p) => p.label), predictJs(model, prepared));
}

export function trainText(config: TextTrainingConfig, userData?: { data: LabelledText[]; source: string }, onProgress?: TrainProgress): TrainedText {
  const started = Date.now();
  const data = userData?.data ?? generateTextDataset({ seed: config.seed, size: config.generatedSize });
  const dataSource = userData?.source ?? `generated (generator v${GENERATOR_VERSION}, seed ${config.seed}, ${config.generatedSize} drawn, ${data.length} distinct)`;
  const train = data.filter((d) => !isHeldOut(d.text, config.heldOutPercent));
  const held = data.filter((d) => isHeldOut(d.text, config.heldOutPercent));
  const model = createTextModel(config.kind, config.featuriser, NORMALISER_VERSION, config.hidden, config.seed);
  const settings: TrainSettings = { epochs: config.epochs, learningRate: config.learningRate, seed: config.seed, labelWeights: { benign: config.benignWeight }, inputDropout: config.inputDropout };
  const trainer = new TextTrainer(model, settings);
  const curve: TrainedText['curve'] = [];
  const history = trainer.train(prepare(train, TEXT_LABELS), [], (e) => {
    curve.push({ epoch: e.epoch - 1 + e.done / e.total, loss: e.loss, accuracy: e.accuracy });
    onProgress?.(e);
  });
  addBenignBias(model, config.benignBias);
  return {
    model, config, history, curve, heldOut: measureJs(model, held), trainCount: train.length, heldOutCount: held.length, dataSource,
    seconds: (Date.now() - started) / 1000,
  };
}
