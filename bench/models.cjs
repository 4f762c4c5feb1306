'use strict';
// Model speed in-process, both backends alternating over ROUNDS rounds: the text model's latency
// per input at batch 1 (p50/p99) and inputs/s at batch 256, and the session model's sessions/s at
// batch 256 (and batch-1 p50). Writes results/models.json and .md.
//   npm run bench:models        ROUNDS=5 LATENCY_INPUTS=3000
const onnx = require('@session-warden/model-onnx');
const tfjs = require('@session-warden/model-tfjs');
const { generateTextDataset, simulateSessions } = require('@session-warden/training');
const { summary, percentile, fmt } = require('./lib/stats.cjs');
const { writeResults } = require('./lib/results.cjs');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const LATENCY_INPUTS = Number(process.env.LATENCY_INPUTS ?? 3000);
const BATCHES = Number(process.env.BATCHES ?? 40);

const micros = (t) => Number(process.hrtime.bigint() - t) / 1000;

async function batch1(call, items) {
  for (let i = 0; i < 200; i++) await call([items[i % items.length]]);
  const times = [];
  for (let i = 0; i < LATENCY_INPUTS; i++) {
    const t = process.hrtime.bigint();
    await call([items[i % items.length]]);
    times.push(micros(t));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

async function batch256(call, items) {
  const batches = Array.from({ length: BATCHES }, (_, i) => Array.from({ length: 256 }, (_, k) => items[(i * 256 + k) % items.length]));
  await call(batches[0]);
  const t = process.hrtime.bigint();
  for (const b of batches) await call(b);
  return (BATCHES * 256) / (micros(t) / 1e6);
}

(async () => {
  const texts = generateTextDataset({ seed: 424242, size: 20000 }).map((d) => d.text);
  const rows = simulateSessions({ seed: 'bench-models', clients: 400 }).map((s) => s.features);
  const backends = {
    onnx: { text: await onnx.createTextClassifier({}), session: await onnx.createFeatureClassifier({}) },
    tfjs: { text: await tfjs.createTextClassifier({}), session: await tfjs.createFeatureClassifier({}) },
  };
  const keys = ['textP50us', 'textP99us', 'textPerSec256', 'sessionP50us', 'sessionPerSec256'];
  const raw = Object.fromEntries(Object.keys(backends).map((b) => [b, Object.fromEntries(keys.map((k) => [k, []]))]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? ['tfjs', 'onnx'] : ['onnx', 'tfjs']) {
      const { text, session } = backends[name];
      const r = raw[name];
      const t1 = await batch1((b) => text.classify(b), texts);
      r.textP50us.push(t1.p50); r.textP99us.push(t1.p99);
      r.textPerSec256.push(await batch256((b) => text.classify(b), texts));
      r.sessionP50us.push((await batch1((b) => session.scores(b), rows)).p50);
      r.sessionPerSec256.push(await batch256((b) => session.scores(b), rows));
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
  const results = Object.fromEntries(Object.entries(raw).map(([b, r]) => [b, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, summary(v)]))]));
  const backendName = { onnx: "ONNX files (model-onnx: the shipped models' layers and trees run in JavaScript)", tfjs: `TensorFlow.js files (text: default js engine; session: tfjs ${require('@tensorflow/tfjs').getBackend()} backend)` };
  const md = ['Text model: the shipped `text-default` on inputs from the project\'s generators; session model: the shipped `session-default` on simulated sessions\' features. '
    + `Median over ${ROUNDS} rounds alternating the backends (min–max).`, '',
  '| backend | text p50 µs (batch 1) | text p99 µs (batch 1) | text inputs/s (batch 256) | session p50 µs (batch 1) | sessions/s (batch 256) |', '|---|---|---|---|---|---|',
  ...Object.entries(results).map(([b, r]) => `| ${backendName[b]} | ${fmt(r.textP50us)} | ${fmt(r.textP99us)} | ${fmt(r.textPerSec256)} | ${fmt(r.sessionP50us)} | ${fmt(r.sessionPerSec256)} |`)];
  writeResults('models', { rounds: ROUNDS, latencyInputs: LATENCY_INPUTS, batchesOf256: BATCHES, backends: backendName, results }, md.join('\n'));
})().catch((err) => { process.stderr.write(`bench models failed: ${err.stack}\n`); process.exit(1); });
