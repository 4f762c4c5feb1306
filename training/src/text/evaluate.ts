import { TEXT_LABELS, type TextClassifier } from '@session-warden/core';
import type { LabelledText } from './generators/dataset.js';
import { computeMetrics, type TextMetrics } from './metrics.js';

/** Quality and speed of a served TextClassifier (any backend) on labelled data. */
export interface TextLatency {
  batch1P50Micros: number;
  batch1P99Micros: number;
  batch256InputsPerSecond: number;
}

export interface TextEvaluation {
  metrics: TextMetrics;
  latency: TextLatency;
  errors: { text: string; actual: string; predicted: string; score: number }[];
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function measureLatency(classifier: TextClassifier, texts: readonly string[], samples = 2000): Promise<TextLatency> {
  const pool = texts.length ? texts : ['blue shoes'];
  for (let i = 0; i < 200; i++) await classifier.classify([pool[i % pool.length]!]);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = process.hrtime.bigint();
    await classifier.classify([pool[i % pool.length]!]);
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  const batches: string[][] = [];
  for (let i = 0; i < Math.max(8, Math.ceil(pool.length / 256)) && batches.length < 40; i++) {
    batches.push(Array.from({ length: 256 }, (_, k) => pool[(i * 256 + k) % pool.length]!));
  }
  await classifier.classify(batches[0]!);
  const t = process.hrtime.bigint();
  for (const b of batches) await classifier.classify(b);
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  return { batch1P50Micros: percentile(times, 50), batch1P99Micros: percentile(times, 99), batch256InputsPerSecond: (batches.length * 256) / seconds };
}

export async function evaluateClassifier(classifier: TextClassifier, data: readonly LabelledText[], latencySamples = 2000): Promise<TextEvaluation> {
  const actual: number[] = [];
  const predicted: number[] = [];
  const errors: TextEvaluation['errors'] = [];
  for (let i = 0; i < data.length; i += 256) {
    const chunk = data.slice(i, i + 256);
    const verdicts = await classifier.classify(chunk.map((d) => d.text));
    verdicts.forEach((v, k) => {
      const d = chunk[k]!;
      actual.push(TEXT_LABELS.indexOf(d.label));
      predicted.push(TEXT_LABELS.indexOf(v.label));
      if (v.label !== d.label) errors.push({ text: d.text, actual: d.label, predicted: v.label, score: v.scores[v.label] });
    });
  }
  const latency = await measureLatency(classifier, data.map((d) => d.text), latencySamples);
  return { metrics: computeMetrics(TEXT_LABELS, actual, predicted), latency, errors };
}

export function formatMetrics(title: string, m: TextMetrics, latency?: TextLatency): string {
  const lines = [`${title}  (${m.count} inputs)`, '  label            precision  recall     F1   support'];
  for (const c of m.perClass) {
    lines.push(`  ${c.label.padEnd(16)} ${c.precision.toFixed(4).padStart(9)} ${c.recall.toFixed(4).padStart(7)} ${c.f1.toFixed(4).padStart(7)} ${String(c.support).padStart(8)}`);
  }
  lines.push(`  macro-F1 ${m.macroF1.toFixed(4)}   accuracy ${m.accuracy.toFixed(4)}   benign false-positive rate ${(m.benignFalsePositiveRate * 100).toFixed(3)} %   attacks missed ${(m.attackMissRate * 100).toFixed(3)} %`);
  if (latency) {
    lines.push(`  latency: batch 1 p50 ${latency.batch1P50Micros.toFixed(1)} µs, p99 ${latency.batch1P99Micros.toFixed(1)} µs; batch 256 ${Math.round(latency.batch256InputsPerSecond).toLocaleString('en')} inputs/s`);
  }
  return lines.join('\n');
}
