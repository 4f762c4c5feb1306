import { expect } from 'chai';
import * as ort from 'onnxruntime-node';
import { encodeOnnxModel, OnnxDataType } from '../../src/export/onnx-writer.js';

describe('ONNX writer', () => {
  it('writes a dense softmax graph that onnxruntime runs with the same numbers as plain JS', async () => {
    const w = Float32Array.from([0.5, -1, 2, 0.25, -0.5, 1.5]); // [3, 2]
    const b = Float32Array.from([0.1, -0.2]);
    const bytes = encodeOnnxModel({
      graph: {
        name: 'tiny',
        inputs: [{ name: 'x', elemType: OnnxDataType.FLOAT, shape: ['batch', 3] }],
        outputs: [{ name: 'probs', elemType: OnnxDataType.FLOAT, shape: ['batch', 2] }],
        initializers: [{ name: 'W', dims: [3, 2], data: w }, { name: 'B', dims: [2], data: b }],
        nodes: [
          { opType: 'MatMul', inputs: ['x', 'W'], outputs: ['xw'] },
          { opType: 'Add', inputs: ['xw', 'B'], outputs: ['logits'] },
          { opType: 'Softmax', inputs: ['logits'], outputs: ['probs'], attributes: { axis: -1 } },
        ],
      },
      metadata: { labels: 'a,b' },
    });
    const session = await ort.InferenceSession.create(bytes);
    const x = Float32Array.from([1, 2, 3, -1, 0, 4]);
    const out = await session.run({ x: new ort.Tensor('float32', x, [2, 3]) });
    const probs = out.probs!.data as Float32Array;
    for (let r = 0; r < 2; r++) {
      const logits = [0, 1].map((j) => b[j]! + [0, 1, 2].reduce((s, k) => s + x[r * 3 + k]! * w[k * 2 + j]!, 0));
      const z = Math.exp(logits[0]!) + Math.exp(logits[1]!);
      expect(probs[r * 2]).to.be.closeTo(Math.exp(logits[0]!) / z, 1e-6);
      expect(probs[r * 2 + 1]).to.be.closeTo(Math.exp(logits[1]!) / z, 1e-6);
    }
  });

  it('writes int64 initializers and integer-list attributes (Gather + ReduceSum)', async () => {
    const table = Float32Array.from([0, 0, 1, 2, 3, 4, 5, 6]); // [4, 2]
    const bytes = encodeOnnxModel({
      graph: {
        name: 'bag',
        inputs: [{ name: 'ids', elemType: OnnxDataType.INT32, shape: ['batch', 'len'] }],
        outputs: [{ name: 'sum', elemType: OnnxDataType.FLOAT, shape: ['batch', 2] }],
        initializers: [
          { name: 'E', dims: [4, 2], data: table },
          { name: 'axes', dims: [1], data: Int32Array.from([1]), dataType: OnnxDataType.INT64 },
        ],
        nodes: [
          { opType: 'Gather', inputs: ['E', 'ids'], outputs: ['rows'], attributes: { axis: 0 } },
          { opType: 'ReduceSum', inputs: ['rows', 'axes'], outputs: ['sum'], attributes: { keepdims: 0 } },
        ],
      },
    });
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ ids: new ort.Tensor('int32', Int32Array.from([1, 3, 2, 0]), [2, 2]) });
    expect(Array.from(out.sum!.data as Float32Array)).to.deep.equal([6, 8, 3, 4]);
  });

  it('refuses a tensor whose data does not fill its dims', () => {
    expect(() => encodeOnnxModel({
      graph: { name: 'bad', inputs: [], outputs: [], nodes: [], initializers: [{ name: 'W', dims: [2, 2], data: new Float32Array(3) }] },
    })).to.throw(RangeError, /W/);
  });
});
