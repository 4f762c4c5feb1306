import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { compileTreeEnsemble, createFeatureClassifier, readOnnxGraph } from '@session-warden/model-onnx';
import { encodeOnnxModel, OnnxDataType, type OnnxAttributeValue, type OnnxNode } from '../../src/export/onnx-writer.js';

/** One node of a hand-made ensemble; a leaf has a weight, a branch a test and two children. */
interface TestNode {
  tree: number;
  id: number;
  mode: string;
  feature?: number;
  value?: number;
  yes?: number;
  no?: number;
  missingTrue?: boolean;
  weight?: number;
}

const WIDTH = 3;

/**
 * Trees that are not oblivious, with every branch mode, node IDs out of order, a root that is not
 * node 0, trees listed out of order, and missing values sent one way or the other.
 */
const NODES: TestNode[] = [
  { tree: 2, id: 5, mode: 'BRANCH_LT', feature: 0, value: -1.5, yes: 7, no: 6, missingTrue: true },
  { tree: 2, id: 6, mode: 'LEAF', weight: 0.125 },
  { tree: 2, id: 7, mode: 'LEAF', weight: -0.375 },
  { tree: 0, id: 0, mode: 'BRANCH_LEQ', feature: 0, value: 1.5, yes: 1, no: 2 },
  { tree: 0, id: 2, mode: 'LEAF', weight: 0.75 },
  { tree: 0, id: 1, mode: 'BRANCH_EQ', feature: 1, value: 2.5, yes: 3, no: 4 },
  { tree: 0, id: 3, mode: 'LEAF', weight: -1.25 },
  { tree: 0, id: 4, mode: 'BRANCH_NEQ', feature: 2, value: 0.5, yes: 5, no: 6 },
  { tree: 0, id: 5, mode: 'LEAF', weight: 0.3 },
  { tree: 0, id: 6, mode: 'LEAF', weight: -0.2 },
  { tree: 1, id: 0, mode: 'BRANCH_GTE', feature: 1, value: 0.75, yes: 2, no: 1 },
  { tree: 1, id: 1, mode: 'LEAF', weight: 0.6 },
  { tree: 1, id: 2, mode: 'BRANCH_GT', feature: 2, value: 3.25, yes: 3, no: 4, missingTrue: true },
  { tree: 1, id: 3, mode: 'LEAF', weight: -0.9 },
  { tree: 1, id: 4, mode: 'LEAF', weight: 1.1 },
];

function regressor(nodes: TestNode[], extra: Record<string, OnnxAttributeValue> = {}): OnnxNode {
  const leaves = nodes.filter((n) => n.mode === 'LEAF');
  return {
    opType: 'TreeEnsembleRegressor', domain: 'ai.onnx.ml', inputs: ['x'], outputs: ['logit'],
    attributes: {
      n_targets: 1, aggregate_function: 'SUM', post_transform: 'NONE',
      nodes_treeids: nodes.map((n) => n.tree), nodes_nodeids: nodes.map((n) => n.id),
      nodes_featureids: nodes.map((n) => n.feature ?? 0), nodes_values: nodes.map((n) => n.value ?? 0.5),
      nodes_modes: nodes.map((n) => n.mode), nodes_truenodeids: nodes.map((n) => n.yes ?? 0), nodes_falsenodeids: nodes.map((n) => n.no ?? 0),
      nodes_missing_value_tracks_true: nodes.map((n) => (n.missingTrue ? 1 : 0)),
      target_treeids: leaves.map((n) => n.tree), target_nodeids: leaves.map((n) => n.id), target_ids: leaves.map(() => 0),
      target_weights: leaves.map((n) => n.weight!),
      ...extra,
    },
  };
}

function model(nodes: OnnxNode[], output = 'p'): Uint8Array {
  return encodeOnnxModel({
    opsets: [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }],
    metadata: { metadata: JSON.stringify({ name: 'hand-made', featureNames: ['a', 'b', 'c'], threshold: 0.5, labels: ['normal', 'abnormal'] }) },
    graph: {
      name: 'trees', initializers: [], nodes,
      inputs: [{ name: 'x', elemType: OnnxDataType.FLOAT, shape: ['batch', WIDTH] }],
      outputs: [{ name: output, elemType: OnnxDataType.FLOAT, shape: ['batch', 1] }],
    },
  });
}

const sigmoid: OnnxNode = { opType: 'Sigmoid', inputs: ['logit'], outputs: ['p'] };

/** Every combination of values on, beside and far from the thresholds, NaN included. */
function rows(): Float32Array {
  const values = [-1.5, -1.4999, -2, 0, 0.5, 0.75, 0.7501, 1.5, 1.5001, 2.5, 2.4999, 3.25, 3.2501, 100, Number.NaN];
  const out: number[] = [];
  for (const a of values) for (const b of values) for (const c of values) out.push(a, b, c);
  return Float32Array.from(out);
}

async function onnxruntimeScores(bytes: Uint8Array, matrix: Float32Array): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  try {
    const out = await session.run({ x: new ort.Tensor('float32', matrix, [matrix.length / WIDTH, WIDTH]) });
    return out[session.outputNames[0]!]!.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe('model-onnx: tree ensembles walked in JavaScript score as onnxruntime does', () => {
  const cases: [string, Uint8Array][] = [
    ['regressor → Sigmoid', model([regressor(NODES), sigmoid])],
    ['regressor alone, with a base value', model([regressor(NODES, { base_values: [0.25] })], 'logit')],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: every branch mode, on, beside and off each threshold, NaN included`, async () => {
      const compiled = compileTreeEnsemble(readOnnxGraph(bytes), WIDTH);
      expect(compiled, JSON.stringify(compiled)).to.have.property('scorer');
      const matrix = rows();
      const js = 'scorer' in compiled ? compiled.scorer.run(matrix) : new Float32Array(0);
      const expected = await onnxruntimeScores(bytes, matrix);
      expect(js.length).to.equal(expected.length);
      const distinct = new Set<number>();
      for (let i = 0; i < js.length; i++) {
        expect(Math.abs(js[i]! - expected[i]!), `row ${i}: ${Array.from(matrix.subarray(i * WIDTH, i * WIDTH + WIDTH))}`).to.be.at.most(1e-6);
        distinct.add(Math.round(expected[i]! * 1e4));
      }
      // The rows reach many leaf combinations, not one path.
      expect(distinct.size).to.be.greaterThan(12);
    });
  }

  it('leaves any other graph to onnxruntime, and says why', async () => {
    const unsupported: [Uint8Array, RegExp][] = [
      [model([regressor(NODES, { aggregate_function: 'AVERAGE' }), sigmoid]), /aggregate_function/],
      [model([regressor(NODES, { post_transform: 'LOGISTIC' })], 'logit'), /post_transform/],
      [model([regressor(NODES), { opType: 'Relu', inputs: ['logit'], outputs: ['p'] }]), /Relu/],
      [model([regressor(NODES.map((n) => (n.tree === 1 && n.id === 2 ? { ...n, yes: 9 } : n))), sigmoid]), /missing node 9/],
      [model([regressor(NODES.map((n) => (n.tree === 0 && n.id === 0 ? { ...n, feature: 3 } : n))), sigmoid]), /feature 3 of 3/],
    ];
    for (const [bytes, why] of unsupported) {
      const compiled = compileTreeEnsemble(readOnnxGraph(bytes), WIDTH);
      expect(compiled).to.have.property('unsupported').that.matches(why);
    }
    const dir = await mkdtemp(join(tmpdir(), 'warden-trees-'));
    try {
      await writeFile(join(dir, 'average.onnx'), unsupported[0]![0]);
      await writeFile(join(dir, 'sum.onnx'), cases[0]![1]);
      const average = await createFeatureClassifier({ modelFile: join(dir, 'average.onnx') });
      const sum = await createFeatureClassifier({ modelFile: join(dir, 'sum.onnx') });
      const forced = await createFeatureClassifier({ modelFile: join(dir, 'sum.onnx'), engine: 'onnxruntime' });
      expect([average.engine, sum.engine, forced.engine]).to.deep.equal(['onnxruntime', 'js-trees', 'onnxruntime']);
      const row = [{ a: 2, b: 0.75, c: 4 }];
      const [viaOrt] = await forced.classify(row);
      const [viaJs] = await sum.classify(row);
      expect(Math.abs(viaJs!.score - viaOrt!.score)).to.be.at.most(1e-6);
      // The average of the three trees' leaves, through onnxruntime: 0.75, -0.9 and 0.125.
      const [averaged] = await average.classify(row);
      expect(averaged!.score).to.be.closeTo(1 / (1 + Math.exp(-(0.75 - 0.9 + 0.125) / 3)), 1e-6);
      await Promise.all([average.close(), sum.close(), forced.close()]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
