// Session-model speed on both backends: batch-1 latency and batch-256 throughput, in-process.
// Run after `npx tsc -b`: `node bench/session-model.js` (nothing here runs in npm test).
'use strict';
const os = require('node:os');
const onnx = require('@session-warden/model-onnx');
const tfjs = require('@session-warden/model-tfjs');
const { simulateSessions } = require('@session-warden/training');

async function measure(classifier, rows) {
  for (let i = 0; i < 200; i++) await classifier.scores([rows[i % rows.length]]);
  const times = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    await classifier.scores([rows[i % rows.length]]);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const batch = rows.slice(0, 256);
  for (let i = 0; i < 50; i++) await classifier.scores(batch);
  const rounds = 400;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await classifier.scores(batch);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { p50us: +times[1000].toFixed(1), p99us: +times[1980].toFixed(1), sessionsPerSec256: Math.round((rounds * 256) / seconds) };
}

(async () => {
  const rows = simulateSessions({ seed: 'bench', clients: 300 }).map((s) => s.features);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const variant of ['default', 'compat5']) {
    for (const [backend, mod] of [['onnx', onnx], ['tfjs', tfjs]]) {
      const c = await mod.createFeatureClassifier({ variant });
      const r = await measure(c, rows);
      console.log(`${variant.padEnd(8)} ${backend.padEnd(5)} batch 1 p50 ${r.p50us} µs p99 ${r.p99us} µs · batch 256 ${r.sessionsPerSec256} sessions/s`);
    }
  }
  console.log(`(tfjs backend: ${require('@tensorflow/tfjs').getBackend()})`);
})();
