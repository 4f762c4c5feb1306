// Text classifier speed, in-process, both backends: batch 1 p50/p99 and batch 256 throughput.
// Usage: node bench/text-models.cjs [onnxModel] [tfjsModelDir] [rounds]   (defaults: the shipped models, 3 rounds)
// Inputs are a held-out draw from the project's generators (realistic mix of benign values and attacks).
// The machine is shared: each engine is measured in several interleaved rounds and the best round is kept
// (the one least disturbed by other processes); batch 256 also reports CPU time, which load disturbs less.
const { generateTextDataset } = require('@session-warden/training');
const onnx = require('@session-warden/model-onnx');
const tfjs = require('@session-warden/model-tfjs');

function calibration() {
  const t = process.hrtime.bigint();
  let s = 0;
  for (let i = 0; i < 1e8; i++) s += i * 0.5;
  return { loopMs: Number(process.hrtime.bigint() - t) / 1e6, s };
}

async function measureRound(classifier, texts) {
  for (let i = 0; i < 300; i++) await classifier.classify([texts[i % texts.length]]);
  const times = [];
  for (let i = 0; i < 3000; i++) {
    const t = process.hrtime.bigint();
    await classifier.classify([texts[i % texts.length]]);
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  const batches = [];
  for (let i = 0; i < 40; i++) batches.push(Array.from({ length: 256 }, (_, k) => texts[(i * 256 + k) % texts.length]));
  await classifier.classify(batches[0]);
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  for (const b of batches) await classifier.classify(b);
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    batch1P50us: +times[Math.floor(times.length * 0.5)].toFixed(1),
    batch1P99us: +times[Math.floor(times.length * 0.99)].toFixed(1),
    batch256PerSecond: Math.round((batches.length * 256) / seconds),
    batch256PerCpuSecond: Math.round((batches.length * 256) / ((used.user + used.system) / 1e6)),
  };
}

function better(a, b) {
  if (!a) return b;
  return {
    batch1P50us: Math.min(a.batch1P50us, b.batch1P50us),
    batch1P99us: Math.min(a.batch1P99us, b.batch1P99us),
    batch256PerSecond: Math.max(a.batch256PerSecond, b.batch256PerSecond),
    batch256PerCpuSecond: Math.max(a.batch256PerCpuSecond, b.batch256PerCpuSecond),
  };
}

(async () => {
  const texts = generateTextDataset({ seed: 424242, size: 20000 }).map((d) => d.text);
  const tfjsFile = process.argv[3] ? { modelFile: process.argv[3] } : {};
  const rounds = Number(process.argv[4] ?? 3);
  const onnxModel = await onnx.createTextClassifier(process.argv[2] ? { modelFile: process.argv[2] } : {});
  const tfjsDefault = await tfjs.createTextClassifier(tfjsFile);
  const tfjsOps = await tfjs.createTextClassifier({ ...tfjsFile, engine: 'tfjs' });
  const engines = {
    onnx: onnxModel,
    [`tfjs (default engine: ${tfjsDefault.engine})`]: tfjsDefault,
    [`tfjs (engine 'tfjs': ${tfjsOps.engine} ops)`]: tfjsOps,
  };
  const before = calibration();
  const results = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, classifier] of Object.entries(engines)) results[name] = better(results[name], await measureRound(classifier, texts));
  }
  const after = calibration();
  console.log(JSON.stringify({ inputs: texts.length, meanChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length), rounds, results,
    machineLoad: { calibrationLoopMs: [Math.round(before.loopMs), Math.round(after.loopMs)], note: 'a 1e8-iteration JS loop; about 100 ms on an idle core here' } }, null, 2));
})();
