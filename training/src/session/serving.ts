import { createFeatureClassifier as createOnnx } from '@session-warden/model-onnx';
import { createFeatureClassifier as createTfjs } from '@session-warden/model-tfjs';

/** What evaluation needs of a served session model, whichever backend serves it. */
export interface ScoringClassifier {
  name: string;
  featureNames: readonly string[];
  threshold: number;
  scores(rows: readonly Readonly<Record<string, number>>[]): Promise<Float32Array>;
  close(): Promise<void>;
}

/** `.onnx` files go to onnxruntime; folders (or model.json) to TensorFlow.js; none: the shipped ONNX model. */
export async function loadSessionClassifier(opts: { modelFile?: string; variant: 'default' | 'compat5' }): Promise<ScoringClassifier> {
  if (!opts.modelFile || opts.modelFile.toLowerCase().endsWith('.onnx')) {
    const c = await createOnnx({ modelFile: opts.modelFile, variant: opts.variant });
    return { name: c.name, featureNames: c.featureNames, threshold: c.threshold, scores: (r) => c.scores(r), close: () => c.close() };
  }
  const c = await createTfjs({ modelFile: opts.modelFile, variant: opts.variant });
  return { name: c.name, featureNames: c.featureNames, threshold: c.threshold, scores: (r) => c.scores(r), close: async () => c.dispose() };
}

export interface Latency { p50Micros: number; p99Micros: number; sessionsPerSecond256: number }

/** Per-call latency at batch 1 and throughput at batch 256, in-process. */
export async function measureLatency(c: ScoringClassifier, rows: readonly Readonly<Record<string, number>>[], calls = 1000): Promise<Latency> {
  if (rows.length === 0) return { p50Micros: 0, p99Micros: 0, sessionsPerSecond256: 0 };
  for (let i = 0; i < 20; i++) await c.scores([rows[i % rows.length]!]);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    await c.scores([rows[i % rows.length]!]);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const batch = Array.from({ length: 256 }, (_, i) => rows[i % rows.length]!);
  await c.scores(batch);
  const rounds = 200;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await c.scores(batch);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { p50Micros: times[Math.floor(calls * 0.5)]!, p99Micros: times[Math.floor(calls * 0.99)]!, sessionsPerSecond256: (rounds * 256) / seconds };
}
