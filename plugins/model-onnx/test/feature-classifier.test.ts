import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { COMPAT5, sessionModelSuite, withTempDir } from '@session-warden/model-test-suite';
import { createWardenContainer, resolveOptions, TOKENS, type FeatureClassifier } from '@session-warden/core';
import { createFeatureClassifier, onnxModels, readOnnxGraph, type OnnxFeatureClassifier, type OnnxTextClassifier } from '../src/index.js';
import { onnxBackend } from './backend.js';

sessionModelSuite(onnxBackend);

describe('ONNX feature classifier: a model file alone', () => {
  it('reads feature names and threshold from inside the .onnx when no JSON is beside it', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(__dirname, '..', '..', 'models', 'session-compat5.onnx'), join(dir, 'alone.onnx'));
      const c = await createFeatureClassifier({ modelFile: 'alone.onnx', dir_path: dir });
      expect(c.featureNames).to.deep.equal(COMPAT5);
      const shipped = await createFeatureClassifier({ variant: 'compat5' });
      expect(c.threshold).to.equal(shipped.threshold);
      await c.close();
      await shipped.close();
    });
  });
});

/** The next float32 up (+1) or down (-1) from `x`, for rows that sit just beside a threshold. */
function float32Beside(x: number, step: 1 | -1): number {
  const f = new Float32Array([x]);
  const bits = new Int32Array(f.buffer);
  if (x === 0) return step * 1.4e-45;
  bits[0]! += (x > 0 ? step : -step);
  return f[0]!;
}

describe('ONNX feature classifier: the shipped tree ensembles walked in JavaScript', () => {
  for (const variant of ['default', 'compat5'] as const) {
    it(`${variant}: scores as onnxruntime does, on and beside every threshold`, async () => {
      const js = await createFeatureClassifier({ variant });
      const runtime = await createFeatureClassifier({ variant, engine: 'onnxruntime' });
      expect([js.engine, runtime.engine]).to.deep.equal(['js-trees', 'onnxruntime']);
      const graph = readOnnxGraph(await readFile(join(__dirname, '..', '..', 'models', `session-${variant}.onnx`)));
      const attrs = graph.nodes[0]!.attributes;
      const modes = attrs.get('nodes_modes')!.strings;
      // Per feature, every threshold a branch compares it with, and the float32 values either side.
      const candidates: number[][] = js.featureNames.map(() => [0]);
      attrs.get('nodes_featureids')!.ints.forEach((feature, i) => {
        if (modes[i] === 'LEAF') return;
        const t = attrs.get('nodes_values')!.floats[i]!;
        candidates[feature]!.push(t, float32Beside(t, 1), float32Beside(t, -1));
      });
      let seed = 7;
      const pick = (values: number[]) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return values[seed % values.length]!;
      };
      const rows = Array.from({ length: 4000 }, () => Object.fromEntries(js.featureNames.map((name, f) => [name, pick(candidates[f]!)])));
      const [a, b] = [await js.scores(rows), await runtime.scores(rows)];
      let abnormal = 0;
      for (let i = 0; i < rows.length; i++) {
        expect(Math.abs(a[i]! - b[i]!), `row ${i}`).to.be.at.most(1e-6);
        if (b[i]! >= runtime.threshold) abnormal++;
      }
      // Rows on both sides of the decision, so the comparison covers both labels.
      expect(abnormal).to.be.within(100, rows.length - 100);
      await js.close();
      await runtime.close();
    });
  }
});

describe('onnxModels(): which engine scores the session model', () => {
  it('walks the shipped trees in JavaScript unless sessionEngine says onnxruntime', async () => {
    for (const [options, engine] of [[{}, 'js-trees'], [{ sessionEngine: 'onnxruntime' }, 'onnxruntime']] as const) {
      const container = createWardenContainer();
      await onnxModels(options).register(container, resolveOptions({}));
      const session = container.resolve<FeatureClassifier>(TOKENS.FeatureClassifier) as OnnxFeatureClassifier;
      expect(session.engine).to.equal(engine);
      const [verdict] = await session.classify([Object.fromEntries(session.featureNames.map((name) => [name, 1]))]);
      expect(verdict!.score).to.be.within(0, 1);
      await session.close();
      await (container.resolve(TOKENS.TextClassifier) as OnnxTextClassifier).dispose();
    }
  });
});
