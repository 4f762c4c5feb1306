import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ValidationError, type TextClassifier } from '@session-warden/core';
import { readTextData } from './data-files.js';
import { evaluateClassifier, formatMetrics, type TextEvaluation } from './evaluate.js';
import { exportTextModel } from './export-text.js';
import { GENERATOR_VERSION } from './generators/dataset.js';
import { buildCard, cardMarkdown, summary } from './model-card.js';
import { BASELINE_CONFIG, DEFAULT_CONFIG, measureJs, trainText as runTraining, type TextTrainingConfig } from './pipeline.js';
import { progressBar } from './progress-bar.js';
import { confusionMatrixSvg, lineChartSvg } from './report-svg.js';

/** `warden train text` and `warden eval text`. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The hand-written check set shipped with this package. */
export const CHECK_SET = join(__dirname, '..', '..', '..', 'data', 'text-checkset.jsonl');

const TRAIN_HELP = `usage: warden train text [--data file.jsonl|file.csv] [--out dir] [--name text-default]
       [--model mlp|linear] [--hidden 32] [--buckets 32768] [--epochs N] [--lr X] [--seed N] [--size N]
       [--benign-weight X] [--dropout X] [--benign-bias X] [--check file | --no-check]
Trains a text classifier (on the project's generators unless --data is given), exports it to ONNX and tfjs,
and writes a JSON report, a model card and SVG plots (training curve, confusion matrix) to --out.`;

const EVAL_HELP = `usage: warden eval text [--model file.onnx | tfjs-dir | model.json] [--backend onnx|tfjs] [--data file] [--out dir] [--samples N]
Prints per-class precision, recall, F1, the benign false-positive rate and latency; writes a JSON report and a confusion-matrix SVG.`;

const withoutKind = (argv: string[]) => (argv[0] === 'text' ? argv.slice(1) : argv);

/** node:util parseArgs, with its errors (unknown option, missing value) turned into ValidationError plus the usage. */
type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parseOptions(argv: string[], options: OptionSpec, help: string): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: withoutKind(argv), strict: true, options }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new ValidationError(`${(err as Error).message}\n${help}`);
  }
}

function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ValidationError(`--${name} must be a positive number, got "${value}".`);
  return n;
}

export async function trainText(argv: string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    data: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, model: { type: 'string' }, hidden: { type: 'string' },
    buckets: { type: 'string' }, epochs: { type: 'string' }, lr: { type: 'string' }, seed: { type: 'string' }, size: { type: 'string' },
    check: { type: 'string' }, 'no-check': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    'benign-weight': { type: 'string' }, dropout: { type: 'string' }, 'benign-bias': { type: 'string' },
  }, TRAIN_HELP) as Partial<Record<'data' | 'out' | 'name' | 'model' | 'hidden' | 'buckets' | 'epochs' | 'lr' | 'seed' | 'size' | 'check' | 'benign-weight' | 'dropout' | 'benign-bias', string>> & { 'no-check'?: boolean; help?: boolean };
  if (values.help) {
    io.stdout.write(`${TRAIN_HELP}\n`);
    return 0;
  }
  const kind = values.model ?? 'mlp';
  if (kind !== 'mlp' && kind !== 'linear') throw new ValidationError(`--model must be mlp or linear, got "${kind}".`);
  const base: TextTrainingConfig = kind === 'linear' ? BASELINE_CONFIG : DEFAULT_CONFIG;
  const buckets = intOption(values.buckets, 'buckets', base.featuriser.buckets);
  if ((buckets & (buckets - 1)) !== 0) throw new ValidationError(`--buckets must be a power of two, got ${buckets}.`);
  const config: TextTrainingConfig = {
    ...base,
    hidden: kind === 'linear' ? [] : values.hidden ? values.hidden.split(',').map((h) => intOption(h, 'hidden', 32)) : base.hidden,
    featuriser: { ...base.featuriser, buckets },
    epochs: intOption(values.epochs, 'epochs', base.epochs),
    learningRate: intOption(values.lr, 'lr', base.learningRate),
    seed: intOption(values.seed, 'seed', base.seed),
    generatedSize: intOption(values.size, 'size', base.generatedSize),
    benignWeight: intOption(values['benign-weight'], 'benign-weight', base.benignWeight),
    inputDropout: values.dropout === undefined ? base.inputDropout : Number(values.dropout),
    benignBias: values['benign-bias'] === undefined ? base.benignBias : Number(values['benign-bias']),
  };
  if (!Number.isFinite(config.benignBias)) throw new ValidationError(`--benign-bias must be a number, got "${values['benign-bias']}".`);
  if (!(config.inputDropout >= 0 && config.inputDropout < 1)) throw new ValidationError(`--dropout must be in [0, 1), got "${values.dropout}".`);
  const userData = values.data ? { data: await readTextData(values.data), source: `user data ${resolve(values.data)}` } : undefined;
  const out = resolve(values.out ?? 'warden-models');
  const name = values.name ?? (userData ? 'text-custom' : kind === 'linear' ? 'text-baseline' : 'text-default');
  io.stderr.write(`training ${kind} text model "${name}" on ${userData ? userData.source : 'generated data'}\n`);
  const trained = runTraining(config, userData, progressBar(io.stderr));
  io.stdout.write(`${formatMetrics('held-out split', trained.heldOut)}\n`);

  const checkFile = values['no-check'] ? undefined : values.check ?? (existsSync(CHECK_SET) ? CHECK_SET : undefined);
  const check = checkFile ? { metrics: measureJs(trained.model, await readTextData(checkFile)), file: checkFile.endsWith('text-checkset.jsonl') ? 'training/data/text-checkset.jsonl' : checkFile } : undefined;
  if (check) io.stdout.write(`${formatMetrics('hand-written check set', check.metrics)}\n`);

  const card = buildCard(name, trained, GENERATOR_VERSION, check);
  const files = await exportTextModel(trained.model, out, name, card as unknown as Record<string, unknown>);
  await writeFile(join(out, `${name}.report.json`), JSON.stringify({ ...card, history: trained.history, curve: trained.curve }, null, 2));
  await writeFile(join(out, `${name}.card.md`), cardMarkdown(card));
  await writeFile(join(out, `${name}.curve.svg`), lineChartSvg(`${name}: training`, 'epoch', [
    { name: 'loss', colour: '#d62728', points: trained.curve.map((p) => ({ x: p.epoch, y: p.loss })) },
    { name: 'accuracy', colour: '#1f77b4', points: trained.curve.map((p) => ({ x: p.epoch, y: p.accuracy })) },
  ]));
  await writeFile(join(out, `${name}.confusion.svg`), confusionMatrixSvg(trained.heldOut.labels, trained.heldOut.confusion, `${name}: held-out split`));
  if (check) await writeFile(join(out, `${name}.check-confusion.svg`), confusionMatrixSvg(check.metrics.labels, check.metrics.confusion, `${name}: hand-written check set`));
  io.stdout.write(`wrote ${files.onnx}, ${files.tfjs}/, ${name}.card.md, ${name}.report.json and SVG plots in ${out} (${Math.round(trained.seconds)} s)\n`);
  return 0;
}

async function loadClassifier(model: string | undefined, backend: string | undefined): Promise<TextClassifier> {
  const chosen = backend ?? (model && !model.endsWith('.onnx') ? 'tfjs' : 'onnx');
  if (chosen === 'onnx') {
    const onnx = await import('@session-warden/model-onnx');
    return onnx.createTextClassifier(model ? { modelFile: resolve(model) } : {});
  }
  if (chosen === 'tfjs') {
    const tfjs = await import('@session-warden/model-tfjs');
    return tfjs.createTextClassifier(model ? { modelFile: resolve(model) } : {});
  }
  throw new ValidationError(`--backend must be onnx or tfjs, got "${chosen}".`);
}

export async function evalText(argv: string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    model: { type: 'string' }, backend: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, samples: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  }, EVAL_HELP) as Partial<Record<'model' | 'backend' | 'data' | 'out' | 'samples', string>> & { help?: boolean };
  if (values.help) {
    io.stdout.write(`${EVAL_HELP}\n`);
    return 0;
  }
  const dataFile = values.data ?? CHECK_SET;
  const data = await readTextData(dataFile);
  const classifier = await loadClassifier(values.model, values.backend);
  const result: TextEvaluation = await evaluateClassifier(classifier, data, intOption(values.samples, 'samples', 2000));
  io.stdout.write(`${formatMetrics(`${classifier.name} on ${dataFile}`, result.metrics, result.latency)}\n`);
  const out = resolve(values.out ?? 'warden-eval');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'text-eval.json'), JSON.stringify({
    model: values.model ?? 'shipped default', backend: classifier.name, data: resolve(dataFile), ...summary(result.metrics),
    confusion: result.metrics.confusion, latency: result.latency, errors: result.errors.slice(0, 500),
  }, null, 2));
  await writeFile(join(out, 'text-eval.confusion.svg'), confusionMatrixSvg(result.metrics.labels, result.metrics.confusion, `${classifier.name} on ${dataFile.split('/').pop()}`));
  io.stdout.write(`wrote ${join(out, 'text-eval.json')} and ${join(out, 'text-eval.confusion.svg')}\n`);
  await (classifier as { dispose?: () => unknown }).dispose?.();
  return 0;
}
