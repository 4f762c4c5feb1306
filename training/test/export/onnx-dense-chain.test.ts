import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { compileDenseChain, createTextClassifier, DEFAULT_TEXT_MODEL, readOnnxGraph, readOnnxMetadata } from '@session-warden/model-onnx';
import { encodeOnnxModel, OnnxDataType, type OnnxNode, type OnnxTensor } from '../../src/export/onnx-writer.js';

const WIDTH = 4;

/** Deterministic values in [-1, 1): the same tensors every run. */
function values(n: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 1073741824 - 1;
  });
}

function tensor(name: string, dims: number[], seed: number): OnnxTensor {
  return { name, dims, data: values(dims.reduce((a, b) => a * b, 1), seed) };
}

function model(nodes: OnnxNode[], initializers: OnnxTensor[], output: string, outWidth: number): Uint8Array {
  return encodeOnnxModel({
    opsets: [{ domain: '', version: 17 }],
    graph: {
      name: 'dense', nodes, initializers,
      inputs: [{ name: 'bag', elemType: OnnxDataType.FLOAT, shape: ['batch', WIDTH] }],
      outputs: [{ name: output, elemType: OnnxDataType.FLOAT, shape: ['batch', outWidth] }],
    },
  });
}

/** Every operator run in JavaScript: MatMul, Add, Relu, Gemm (transB, alpha, beta), Sigmoid, Gemm, Softmax (axis -1). */
const CHAIN = model([
  { opType: 'MatMul', inputs: ['bag', 'w0'], outputs: ['m0'] },
  { opType: 'Add', inputs: ['m0', 'b0'], outputs: ['a0'] },
  { opType: 'Relu', inputs: ['a0'], outputs: ['r0'] },
  { opType: 'Gemm', inputs: ['r0', 'w1', 'b1'], outputs: ['g1'], attributes: { transB: 1, alpha: { float: 0.5 }, beta: { float: 2 } } },
  { opType: 'Sigmoid', inputs: ['g1'], outputs: ['s1'] },
  { opType: 'Gemm', inputs: ['s1', 'w2', 'b2'], outputs: ['g2'] },
  { opType: 'Softmax', inputs: ['g2'], outputs: ['probs'], attributes: { axis: -1 } },
], [tensor('w0', [WIDTH, 6], 1), tensor('b0', [6], 2), tensor('w1', [5, 6], 3), tensor('b1', [1, 5], 4), tensor('w2', [5, 3], 5), tensor('b2', [3], 6)], 'probs', 3);

describe('model-onnx: dense layers run in JavaScript compute what onnxruntime does', () => {
  it('a chain of every supported operator and attribute, on 200 rows', async () => {
    const compiled = compileDenseChain(readOnnxGraph(CHAIN), 'bag', WIDTH, 'probs');
    expect(compiled, JSON.stringify(compiled)).to.have.property('chain');
    const rows = values(200 * WIDTH, 7).map((x) => 4 * x);
    const js = 'chain' in compiled ? compiled.chain.run(rows) : new Float32Array(0);
    const session = await ort.InferenceSession.create(CHAIN);
    const expected = (await session.run({ bag: new ort.Tensor('float32', rows, [200, WIDTH]) })).probs!.data as Float32Array;
    await session.release();
    expect(js.length).to.equal(expected.length);
    for (let i = 0; i < js.length; i++) expect(Math.abs(js[i]! - expected[i]!), `value ${i}`).to.be.at.most(1e-6);
    // Softmax rows that are not all alike: the layers before it matter to the comparison.
    expect(Math.max(...expected) - Math.min(...expected)).to.be.greaterThan(0.1);
  });

  it('leaves any other graph to onnxruntime, and says why', () => {
    const w = tensor('w', [WIDTH, 3], 1);
    const cases: [Uint8Array, RegExp][] = [
      [model([{ opType: 'Tanh', inputs: ['bag'], outputs: ['probs'] }], [], 'probs', WIDTH), /Tanh/],
      [model([{ opType: 'Softmax', inputs: ['bag'], outputs: ['probs'], attributes: { axis: 0 } }], [], 'probs', WIDTH), /last axis/],
      [model([{ opType: 'Gemm', inputs: ['bag', 'w'], outputs: ['probs'], attributes: { transA: 1 } }], [w], 'probs', 3), /transposes its input/],
      [model([{ opType: 'MatMul', inputs: ['bag', 'bag'], outputs: ['probs'] }], [], 'probs', WIDTH), /not a FLOAT initializer/],
      [model([{ opType: 'MatMul', inputs: ['bag', 'w'], outputs: ['m'] }, { opType: 'Relu', inputs: ['bag'], outputs: ['probs'] }], [w], 'probs', WIDTH), /continue the chain/],
      [model([{ opType: 'MatMul', inputs: ['bag', 'w'], outputs: ['probs'] }], [tensor('w', [3, 3], 1)], 'probs', 3), /takes 3 values, not 4/],
    ];
    for (const [bytes, why] of cases) {
      expect(compileDenseChain(readOnnxGraph(bytes), 'bag', WIDTH, 'probs')).to.have.property('unsupported').that.matches(why);
    }
  });

  it('refuses a text model whose layers give another number of scores than its labels', async () => {
    const { session_warden: info } = readOnnxMetadata(await readFile(DEFAULT_TEXT_MODEL));
    const bytes = encodeOnnxModel({
      opsets: [{ domain: '', version: 17 }],
      metadata: { session_warden: info! },
      graph: {
        name: 'three-labels', initializers: [tensor('w', [16, 3], 1), tensor('b', [3], 2), tensor('embedding', [4, 16], 3)],
        nodes: [{ opType: 'Gemm', inputs: ['bag', 'w', 'b'], outputs: ['g'] }, { opType: 'Softmax', inputs: ['g'], outputs: ['probs'], attributes: { axis: -1 } }],
        inputs: [{ name: 'bag', elemType: OnnxDataType.FLOAT, shape: ['batch', 16] }],
        outputs: [{ name: 'probs', elemType: OnnxDataType.FLOAT, shape: ['batch', 3] }, { name: 'embedding', elemType: OnnxDataType.FLOAT, shape: [4, 16] }],
      },
    });
    const dir = await mkdtemp(join(tmpdir(), 'warden-dense-'));
    try {
      await writeFile(join(dir, 'three.onnx'), bytes);
      const error = await createTextClassifier({ modelFile: join(dir, 'three.onnx') }).then(() => null, (e: Error) => e);
      expect(error?.message).to.match(/gives 3 scores an input, but its metadata names 5 labels/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
