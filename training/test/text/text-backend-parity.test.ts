import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { NORMALISER_VERSION, TEXT_LABELS } from '@session-warden/core';
import { createTextClassifier as createOnnx } from '@session-warden/model-onnx';
import { createTextClassifier as createTfjs } from '@session-warden/model-tfjs';
import { CHECK_SET } from '../../src/text/cli.js';
import { exportTextModel } from '../../src/text/export-text.js';
import { generateTextDataset, isHeldOut } from '../../src/text/generators/dataset.js';
import { createTextModel, forwardOne } from '../../src/text/text-model.js';
import { prepare, TextTrainer } from '../../src/text/trainer.js';
import { normaliseText, TextFeaturiser } from '@session-warden/core';

describe('one trained text model, exported to ONNX and tfjs', () => {
  let dir: string;
  let files: { onnx: string; tfjs: string };
  let texts: string[];
  const model = createTextModel('mlp', { buckets: 4096, minN: 1, maxN: 5, seed: 3 }, NORMALISER_VERSION, [12], 5);

  before(async () => {
    const data = generateTextDataset({ seed: 31, size: 3000 });
    new TextTrainer(model, { epochs: 1, learningRate: 0.1, seed: 1 }).train(prepare(data.filter((d) => !isHeldOut(d.text)), TEXT_LABELS), []);
    dir = await mkdtemp(join(tmpdir(), 'warden-parity-'));
    files = await exportTextModel(model, dir, 'tiny');
    const check = (await readFile(CHECK_SET, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).text as string);
    texts = [...check, ...data.filter((d) => isHeldOut(d.text)).map((d) => d.text), '', ' ', 'x'.repeat(9000)];
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives the same labels and probabilities within 1e-4 on onnxruntime, on tfjs (WASM) and on the tfjs model\'s JS engine, batched and one by one', async () => {
    const onnx = await createOnnx({ modelFile: files.onnx });
    const tfjs = await createTfjs({ modelFile: files.tfjs });
    const tfjsJs = await createTfjs({ modelFile: files.tfjs, engine: 'js' });
    expect(tfjsJs.engine).to.equal('js');
    const a = await onnx.classify(texts);
    const b = await tfjs.classify(texts);
    const c = await tfjsJs.classify(texts);
    const single = await Promise.all(texts.slice(0, 50).map(async (t) => (await tfjs.classify([t]))[0]!));
    expect(a).to.have.length(texts.length);
    let maxDiff = 0;
    a.forEach((v, i) => {
      expect(b[i]!.label, texts[i]).to.equal(v.label);
      expect(c[i]!.label, texts[i]).to.equal(v.label);
      for (const l of TEXT_LABELS) maxDiff = Math.max(maxDiff, Math.abs(v.scores[l] - b[i]!.scores[l]), Math.abs(v.scores[l] - c[i]!.scores[l]));
    });
    single.forEach((v, i) => {
      for (const l of TEXT_LABELS) maxDiff = Math.max(maxDiff, Math.abs(v.scores[l] - a[i]!.scores[l]));
    });
    expect(maxDiff).to.be.below(1e-4);
    await onnx.dispose();
    tfjs.dispose();
  });

  it('matches the trainer\'s own forward pass', async () => {
    const onnx = await createOnnx({ modelFile: files.onnx });
    const verdicts = await onnx.classify(texts.slice(0, 100));
    const featuriser = new TextFeaturiser(model.featuriser);
    const probs = new Float64Array(TEXT_LABELS.length);
    verdicts.forEach((v, i) => {
      const batch = featuriser.featuriseBatch([normaliseText(texts[i]!)]);
      forwardOne(model, batch.ids, batch.weights, 0, batch.width, probs);
      TEXT_LABELS.forEach((l, j) => expect(v.scores[l]).to.be.closeTo(probs[j]!, 1e-4));
    });
    await onnx.dispose();
  });
});

describe('the shipped default text model', () => {
  it('gives the same labels and probabilities within 1e-4 from its ONNX file and its tfjs folder', async () => {
    const texts = (await readFile(CHECK_SET, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).text as string);
    const onnx = await createOnnx();
    const tfjs = await createTfjs();
    const a = await onnx.classify(texts);
    const b = await tfjs.classify(texts);
    a.forEach((v, i) => {
      expect(b[i]!.label, texts[i]).to.equal(v.label);
      for (const l of TEXT_LABELS) expect(Math.abs(v.scores[l] - b[i]!.scores[l]), `${texts[i]} ${l}`).to.be.below(1e-4);
    });
    await onnx.dispose();
    tfjs.dispose();
  });
});
