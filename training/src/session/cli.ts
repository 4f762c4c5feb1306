import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ValidationError } from '@session-warden/core';
import { readSessionCsv } from './csv-data.js';
import type { SessionRow } from './dataset.js';
import { chooseThreshold, sessionMetrics } from './metrics.js';
import { sessionModelCard } from './model-card.js';
import { sessionReportSvg, trainingCurveSvg } from './report-svg.js';
import { Rng } from './simulator/rng.js';
import { simulateSessions, SIMULATOR_VERSION } from './simulator/simulate.js';
import { COMPAT5_FEATURE_NAMES, DEFAULT_FEATURE_NAMES, exportSessionModel, scoreRows, trainSessionModel } from './train.js';
import { measureLatency, loadSessionClassifier } from './serving.js';

interface Io { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }

/** Personas the five older features cannot tell from people (a scraper is a busy reader there); compat5 is not trained on them. */
const COMPAT5_LEFT_OUT = ['scraper'];

function variantOf(v: string | undefined): 'default' | 'compat5' {
  if (v === undefined || v === 'default' || v === 'compat5') return v ?? 'default';
  throw new ValidationError(`--variant must be default or compat5, not "${v}".`);
}

/** Sites per simulation: site behaviour varies more than visitors do, so many sites make a steadier model and estimate. */
const SITES = 150;

function simulated(seed: string, clients: number, variant: 'default' | 'compat5'): SessionRow[] {
  const rows = simulateSessions({ seed, clients, sites: SITES });
  return variant === 'compat5' ? rows.filter((r) => !COMPAT5_LEFT_OUT.includes(r.persona)) : rows;
}

/**
 * Attack sessions of fewer than five requests (a quiet tool's requests spaced beyond the session gap,
 * the tail of a capped flood) carry no behaviour to learn and look exactly like a visitor's stray
 * request in the older five features; training compat5 on them only teaches it to distrust every
 * short session. They stay in the held-out split, so the reported recall still counts them as misses.
 */
const MIN_ATTACK_REQUESTS_TO_LEARN = 5;

/** Features a CSV-trained model reads: the variant's list when the file has it, else every numeric column. */
function featuresFor(variant: 'default' | 'compat5', columns: readonly string[]): readonly string[] {
  const wanted = variant === 'compat5' ? COMPAT5_FEATURE_NAMES : DEFAULT_FEATURE_NAMES;
  if (wanted.every((f) => columns.includes(f))) return wanted;
  if (variant === 'compat5') throw new ValidationError(`compat5 needs the columns ${wanted.join(', ')}; the file has ${columns.join(', ')}.`);
  return columns;
}

function splitRows(rows: readonly SessionRow[], seed: string): { train: SessionRow[]; validation: SessionRow[]; test: SessionRow[] } {
  const rng = new Rng(`split-${seed}`);
  const train: SessionRow[] = [], validation: SessionRow[] = [], test: SessionRow[] = [];
  for (const r of rows) {
    const u = rng.next();
    (u < 0.7 ? train : u < 0.8 ? validation : test).push(r);
  }
  return { train, validation, test };
}

/** `warden train session [--variant default|compat5] [--data file.csv] [--out dir] [--seed s] [--clients n] [--trees n] [--depth n]` */
export async function trainSession(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      variant: { type: 'string' }, data: { type: 'string' }, out: { type: 'string', default: 'models' },
      seed: { type: 'string', default: '1' }, clients: { type: 'string', default: '12000' },
      trees: { type: 'string', default: '150' }, depth: { type: 'string', default: '5' }, name: { type: 'string' },
      'max-fpr': { type: 'string', default: '0.005' },
    },
  });
  const variant = variantOf(values.variant);
  const seed = values.seed!;
  const clients = Number(values.clients);
  const name = values.name ?? `session-${variant}`;
  const maxFpr = Number(values['max-fpr']);
  if (!(maxFpr >= 0 && maxFpr < 1)) throw new ValidationError(`--max-fpr must be a share between 0 and 1, not "${values['max-fpr']}".`);
  let train: SessionRow[], validation: SessionRow[], test: SessionRow[], featureNames: readonly string[], source: string, heldOutSource: string;
  const facts: Record<string, unknown> = {};
  if (values.data) {
    const csv = await readSessionCsv(values.data);
    featureNames = featuresFor(variant, csv.columns);
    ({ train, validation, test } = splitRows(csv.rows, seed));
    source = `${values.data} (70 % of ${csv.rows.length} rows; 10 % chose the threshold)`;
    heldOutSource = `the other 20 % of ${values.data}`;
  } else {
    io.stderr.write(`simulating ${clients} clients (simulator ${SIMULATOR_VERSION}, seed ${seed}) …\n`);
    train = simulated(seed, clients, variant);
    // The default model still learns from them: one request for /.env is telling in its features.
    if (variant === 'compat5') train = train.filter((r) => r.label === 0 || (r.features.numOfReqs ?? 0) >= MIN_ATTACK_REQUESTS_TO_LEARN);
    validation = simulated(`${seed}-validation`, Math.max(200, Math.round(clients / 3)), variant);
    test = simulated(`${seed}-holdout`, Math.max(200, Math.round(clients / 3)), variant);
    featureNames = variant === 'compat5' ? COMPAT5_FEATURE_NAMES : DEFAULT_FEATURE_NAMES;
    source = 'sessions simulated by the project\'s traffic simulator, cut by the real time sessionizer and measured by the real features-default extractors';
    heldOutSource = `${test.length} sessions from ${Math.max(200, Math.round(clients / 3))} other clients on other sites, seed "${seed}-holdout"`;
    Object.assign(facts, { simulatorVersion: SIMULATOR_VERSION, seed, clients, sites: SITES });
    if (variant === 'compat5') Object.assign(facts, { personasLeftOut: COMPAT5_LEFT_OUT.join(', '), personasLeftOutWhy: 'indistinguishable from busy readers in these five features' });
  }
  const started = Date.now();
  const curve: { tree: number; loss: number; accuracy: number }[] = [];
  const model = trainSessionModel({
    name, featureNames, rows: train,
    boost: { trees: Number(values.trees), depth: Number(values.depth), seed },
    training: { source, ...facts },
    onProgress: (p) => {
      curve.push(p);
      const width = 30, done = Math.round((p.tree / p.trees) * width);
      io.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] tree ${p.tree}/${p.trees} loss ${p.loss.toFixed(4)} accuracy ${p.accuracy.toFixed(4)}`);
      if (p.tree === p.trees) io.stderr.write('\n');
    },
  });
  const validationScores = scoreRows(model, validation);
  model.metadata.threshold = chooseThreshold(validation.map((r) => r.label), validationScores, maxFpr);
  model.metadata.training.threshold = { maxNormalFalsePositiveRate: maxFpr, chosenOn: values.data ? 'validation split' : `simulated validation sessions, seed "${seed}-validation"` };
  const scores = scoreRows(model, test);
  const metrics = sessionMetrics(test.map((r) => r.label), scores, model.metadata.threshold, test.map((r) => r.persona));
  const substantial = test.map((r, i) => ({ r, s: scores[i]! })).filter((x) => (x.r.features.numOfReqs ?? 0) >= MIN_ATTACK_REQUESTS_TO_LEARN);
  const metricsSubstantial = sessionMetrics(substantial.map((x) => x.r.label), substantial.map((x) => x.s), model.metadata.threshold);
  model.metadata.training.heldOut = { source: heldOutSource, ...metrics };
  const trainingSeconds = Math.round((Date.now() - started) / 100) / 10;
  const out = values.out!;
  await exportSessionModel(model, { onnxFile: join(out, `${name}.onnx`), tfjsDir: join(out, name) });
  await writeFile(join(out, `${name}.card.md`), sessionModelCard(model.metadata, metrics, heldOutSource, trainingSeconds, metricsSubstantial));
  await writeFile(join(out, `${name}.training.svg`), trainingCurveSvg(`${name}: training curves`, curve));
  await writeFile(join(out, `${name}.heldout.svg`), sessionReportSvg(`${name} on the held-out split`, test.map((r) => r.label), scores, model.metadata.threshold, metrics));
  io.stdout.write(`${name}: held-out precision ${metrics.precision.toFixed(4)} recall ${metrics.recall.toFixed(4)} F1 ${metrics.f1.toFixed(4)} normal FPR ${(metrics.normalFalsePositiveRate * 100).toFixed(2)} %\n`);
  io.stdout.write(`wrote ${join(out, `${name}.onnx`)} (+ .json, .card.md, .training.svg, .heldout.svg) and ${join(out, name)}/ (tfjs)\n`);
  return 0;
}

/** `warden eval session [--model file.onnx|tfjs-dir] [--variant v] [--data file.csv] [--report file.json] [--plot file.svg]` */
export async function evalSession(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' }, variant: { type: 'string' }, data: { type: 'string' },
      report: { type: 'string', default: 'session-eval.json' }, plot: { type: 'string', default: 'session-eval.svg' },
      seed: { type: 'string', default: 'eval' }, clients: { type: 'string', default: '3000' },
    },
  });
  const variant = variantOf(values.variant);
  const classifier = await loadSessionClassifier({ modelFile: values.model, variant });
  const rows = values.data ? (await readSessionCsv(values.data)).rows : simulated(values.seed!, Number(values.clients), variant);
  const source = values.data ?? `simulated (simulator ${SIMULATOR_VERSION}, seed "${values.seed}")`;
  io.stderr.write(`classifying ${rows.length} sessions from ${source} with ${classifier.name} …\n`);
  const scores = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i += 256) {
    const part = await classifier.scores(rows.slice(i, i + 256).map((r) => r.features));
    scores.set(part, i);
  }
  const labels = rows.map((r) => r.label);
  const metrics = sessionMetrics(labels, scores, classifier.threshold, rows.map((r) => r.persona));
  const latency = await measureLatency(classifier, rows.map((r) => r.features));
  const lines = [
    `model                       ${classifier.name} (${classifier.featureNames.length} features)`,
    `sessions                    ${metrics.sessions} (${metrics.abnormal} abnormal)`,
    `precision                   ${metrics.precision.toFixed(4)}`,
    `recall (abnormal)           ${metrics.recall.toFixed(4)}`,
    `F1                          ${metrics.f1.toFixed(4)}`,
    `normal false-positive rate  ${(metrics.normalFalsePositiveRate * 100).toFixed(2)} %`,
    `latency batch 1             p50 ${latency.p50Micros.toFixed(0)} µs, p99 ${latency.p99Micros.toFixed(0)} µs`,
    `throughput batch 256        ${Math.round(latency.sessionsPerSecond256)} sessions/s`,
  ];
  for (const [persona, e] of Object.entries(metrics.byPersona ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${persona.padEnd(26)}${String(e.sessions).padStart(6)} sessions, ${(e.share * 100).toFixed(2).padStart(6)} % flagged`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  const report = { model: classifier.name, featureNames: classifier.featureNames, data: source, threshold: classifier.threshold, metrics, latency };
  await mkdir(join(values.report!, '..'), { recursive: true });
  await writeFile(values.report!, JSON.stringify(report, null, 2) + '\n');
  await writeFile(values.plot!, sessionReportSvg(`${classifier.name} on ${source}`, labels, scores, classifier.threshold, metrics));
  io.stderr.write(`wrote ${values.report} and ${values.plot}\n`);
  await classifier.close();
  return 0;
}
