'use strict';
// Closed sessions classified per second end to end on SQLite: load the session's requests, run
// every feature extractor, the text model and the session model, store the verdict. The two model
// backends (ONNX, tfjs) are the sides, plus ONNX without the pipeline's memory of recent text verdicts
// (repeated inputs are then always sent to the model); they alternate over ROUNDS rounds. Writes results/classify.json and .md.
//   npm run bench:classify        ROUNDS=5 SESSIONS=2000 CONCURRENCY=4
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { TOKENS, Warden } = require('@session-warden/core');
const { createTextClassifier, onnxModels, registerFeatureClassifier } = require('@session-warden/model-onnx');
const { tfjsModels } = require('@session-warden/model-tfjs');
const { summary, fmt } = require('./lib/stats.cjs');
const { writeResults } = require('./lib/results.cjs');
const { simulatedSessions } = require('./lib/sessions.cjs');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SESSIONS = Number(process.env.SESSIONS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4); // the runtime's classifyConcurrency default

async function classifyAll(warden, ids) {
  let next = 0;
  let abnormal = 0;
  const worker = async () => {
    while (next < ids.length) {
      const result = await warden.classifier.classify(ids[next++]);
      if (result?.session.behavior === 'Abnormal') abnormal++;
    }
  };
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { perSecond: ids.length / (Number(process.hrtime.bigint() - t) / 1e9), abnormal };
}

/**
 * The ONNX models with the text model not declared deterministic: the classifier then sends every
 * input to it, none answered from memory. Shows what the memory contributes to the numbers.
 */
const onnxWithoutMemory = {
  name: 'bench-onnx-without-memory', provides: ['TextClassifier', 'FeatureClassifier'],
  async register(container, options) {
    const text = await createTextClassifier();
    container.register(TOKENS.TextClassifier, { useValue: { name: text.name, classify: (inputs) => text.classify(inputs) } });
    await registerFeatureClassifier(container, options);
  },
};

(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-classify-'));
  const base = { blockIP: false, groupToSessions: false, handleSignals: false };
  const sides = {
    onnx: await Warden.start({ ...base, storage: { type: 'sqlite', database: join(dir, 'onnx.db') }, plugins: [onnxModels()] }),
    tfjs: await Warden.start({ ...base, storage: { type: 'sqlite', database: join(dir, 'tfjs.db') }, plugins: [tfjsModels()] }),
    onnxNoMemory: await Warden.start({ ...base, storage: { type: 'sqlite', database: join(dir, 'onnx-no-memory.db') }, plugins: [onnxWithoutMemory] }),
  };
  const names = Object.keys(sides);
  const rates = Object.fromEntries(names.map((name) => [name, []]));
  let requestsPerSession = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = names.map((_, k) => names[(k + round) % names.length]);
      for (const side of order) {
        const sessions = simulatedSessions(SESSIONS, `r${round}${side}`);
        const records = sessions.flatMap((s) => s.records);
        requestsPerSession = records.length / sessions.length;
        for (let i = 0; i < records.length; i += 5000) await sides[side].storage.requests.append(records.slice(i, i + 5000));
        const { perSecond, abnormal } = await classifyAll(sides[side], sessions.map((s) => s.sessionID));
        rates[side].push(perSecond);
        process.stderr.write(`round ${round + 1}/${ROUNDS} ${side}: ${Math.round(perSecond)} sessions/s (${abnormal} abnormal of ${sessions.length})\n`);
      }
    }
  } finally {
    for (const w of Object.values(sides)) await w.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const results = Object.fromEntries(names.map((name) => [name, summary(rates[name])]));
  writeResults('classify', { rounds: ROUNDS, sessionsPerRound: SESSIONS, requestsPerSession: +requestsPerSession.toFixed(1), concurrency: CONCURRENCY, sessionsPerSecond: results, target: 2000 },
    [`Closed sessions classified per second end to end on SQLite (load requests, features, text + session model, store verdict), ${SESSIONS} simulated sessions per round `
      + `(${requestsPerSession.toFixed(1)} requests each on average), ${CONCURRENCY} at a time, ${ROUNDS} rounds alternating the backends.`, '',
    '| models | sessions/s, median (min–max) | target |', '|---|---|---|',
    `| ONNX files (model-onnx: the shipped shapes run in JavaScript) | ${fmt(results.onnx)} | ≥ 2000 |`, `| TensorFlow.js | ${fmt(results.tfjs)} | – |`,
    `| ONNX, every input sent to the model (no memory of recent verdicts) | ${fmt(results.onnxNoMemory)} | – |`, '',
    'The classifier remembers the verdicts of up to 20k recent distinct inputs of a deterministic text model; simulated sessions repeat '
      + 'form values across sessions (as real traffic does), so most inputs are answered from that memory after the first rounds. '
      + 'The last row shows the rate without it.'].join('\n'));
})().catch((err) => { process.stderr.write(`bench classify failed: ${err.stack}\n`); process.exit(1); });
