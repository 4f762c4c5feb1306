// Text classifier speed, in-process, both backends: batch 1 p50/p99 and batch 256 throughput.
// Usage: node bench/text-models.cjs [onnxModel] [tfjsModelDir]   (defaults: the shipped models)
// Inputs are a held-out draw from the project's generators (realistic mix of benign values and attacks).
const { generateTextDataset } = require('@session-warden/training');
const onnx = require('@session-warden/model-onnx');
const tfjs = require('@session-warden/model-tfjs');

function calibration() {
  const t = process.hrtime.bigint();
  let s = 0;
  for (let i = 0; i < 1e8; i++) s += i * 0.5;
  return { loopMs: Number(process.hrtime.bigint() - t) / 1e6, s };
}

async function measure(classifier, texts) {
  for (let i = 0; i < 500; i++) await classifier.classify([texts[i % texts.length]]);
  const times = [];
  for (let i = 0; i < 5000; i++) {
    const t = process.hrtime.bigint();
    await classifier.classify([texts[i % texts.length]]);
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  const batches = [];
  for (let i = 0; i < 60; i++) batches.push(Array.from({ length: 256 }, (_, k) => texts[(i * 256 + k) % texts.length]));
  await classifier.classify(batches[0]);
  const t = process.hrtime.bigint();
  for (const b of batches) await classifier.classify(b);
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  return {
    batch1P50us: +times[Math.floor(times.length * 0.5)].toFixed(1),
    batch1P99us: +times[Math.floor(times.length * 0.99)].toFixed(1),
    batch256PerSecond: Math.round((batches.length * 256) / seconds),
  };
}

(async () => {
  const texts = generateTextDataset({ seed: 424242, size: 20000 }).map((d) => d.text);
  const onnxModel = await onnx.createTextClassifier(process.argv[2] ? { modelFile: process.argv[2] } : {});
  const tfjsModel = await tfjs.createTextClassifier(process.argv[3] ? { modelFile: process.argv[3] } : {});
  const tfjsJsModel = await tfjs.createTextClassifier({ ...(process.argv[3] ? { modelFile: process.argv[3] } : {}), engine: 'js' });
  const before = calibration();
  const results = { onnx: await measure(onnxModel, texts), [`tfjs-${tfjsModel.backend}`]: await measure(tfjsModel, texts), 'tfjs-model-js-engine': await measure(tfjsJsModel, texts) };
  const after = calibration();
  console.log(JSON.stringify({ inputs: texts.length, meanChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length), results,
    machineLoad: { calibrationLoopMs: [Math.round(before.loopMs), Math.round(after.loopMs)], note: 'a 1e8-iteration JS loop; about 100 ms on an idle core here' } }, null, 2));
})();
