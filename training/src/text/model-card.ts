import type { TextMetrics } from './metrics.js';
import type { TrainedText } from './pipeline.js';
import type { TextLatency } from './evaluate.js';

/** A model card: what data, which settings, how good, how fast. Stored in the model's metadata and as Markdown beside it. */
export interface TextModelCard {
  name: string;
  createdAt: string;
  data: string;
  generatorVersion: string;
  seed: number;
  settings: Record<string, unknown>;
  trainingSeconds: number;
  trainCount: number;
  heldOutCount: number;
  heldOut: ReturnType<typeof summary>;
  checkSet?: ReturnType<typeof summary> & { file: string };
  latency?: Record<string, TextLatency>;
}

export function summary(m: TextMetrics) {
  return {
    count: m.count, macroF1: round(m.macroF1), accuracy: round(m.accuracy), benignFalsePositiveRate: round(m.benignFalsePositiveRate),
    attackMissRate: round(m.attackMissRate), perClass: m.perClass.map((c) => ({ ...c, precision: round(c.precision), recall: round(c.recall), f1: round(c.f1) })),
  };
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export function buildCard(name: string, trained: TrainedText, generatorVersion: string, check?: { metrics: TextMetrics; file: string }): TextModelCard {
  const { config } = trained;
  return {
    name, createdAt: new Date().toISOString(), data: trained.dataSource, generatorVersion, seed: config.seed,
    settings: { kind: config.kind, hidden: config.hidden, featuriser: config.featuriser, epochs: config.epochs, learningRate: config.learningRate, optimiser: 'per-example AdaGrad', benignLossWeight: config.benignWeight, inputDropout: config.inputDropout, benignLogitBias: config.benignBias, heldOutPercent: config.heldOutPercent },
    trainingSeconds: Math.round(trained.seconds), trainCount: trained.trainCount, heldOutCount: trained.heldOutCount, heldOut: summary(trained.heldOut),
    ...(check ? { checkSet: { ...summary(check.metrics), file: check.file } } : {}),
  };
}

function table(s: ReturnType<typeof summary>): string {
  const rows = s.perClass.map((c) => `| ${c.label} | ${c.precision} | ${c.recall} | ${c.f1} | ${c.support} |`);
  return ['| label | precision | recall | F1 | support |', '|---|---|---|---|---|', ...rows, '',
    `macro-F1 **${s.macroF1}**, benign false-positive rate **${(s.benignFalsePositiveRate * 100).toFixed(3)} %**, attacks missed ${(s.attackMissRate * 100).toFixed(3)} %`].join('\n');
}

export function cardMarkdown(card: TextModelCard): string {
  const lat = Object.entries(card.latency ?? {}).map(([backend, l]) => `| ${backend} | ${l.batch1P50Micros.toFixed(1)} | ${l.batch1P99Micros.toFixed(1)} | ${Math.round(l.batch256InputsPerSecond).toLocaleString('en')} |`);
  return [
    `# Text model card: ${card.name}`, '',
    `Labels: benign, sqli, xss, path_traversal, cmd_injection. Created ${card.createdAt}.`, '',
    '## Data', '', `- Training data: ${card.data}`, `- Generator version ${card.generatorVersion}, seed ${card.seed}`,
    `- ${card.trainCount} training examples, ${card.heldOutCount} held out (split by content hash)`,
    '- No public payload list or dataset was used for training.', '',
    '## Settings', '', '```json', JSON.stringify(card.settings, null, 2), '```', `Training took ${card.trainingSeconds} s.`, '',
    '## Held-out generated split', '', table(card.heldOut), '',
    ...(card.checkSet ? ['## Hand-written check set', '', `\`${card.checkSet.file}\` — written by hand, kept apart from the generators.`, '', table(card.checkSet), ''] : []),
    ...(lat.length ? ['## Speed (this machine, in-process)', '', '| backend | batch 1 p50 µs | batch 1 p99 µs | batch 256 inputs/s |', '|---|---|---|---|', ...lat, ''] : []),
  ].join('\n');
}
