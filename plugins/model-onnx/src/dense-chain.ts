import type { OnnxAttribute, OnnxFloatTensor, OnnxGraph, OnnxNode } from './onnx-graph.js';
import { compiledOrWhy, need } from './unsupported.js';

/**
 * The dense layers of a text model (the pooled bag → probs), run in JavaScript when the graph is
 * a plain chain of Relu, Gemm, MatMul, Add, Sigmoid and Softmax over FLOAT initializers. Why:
 * onnxruntime took 125 µs warm and 266 µs cold per call for the shipped model's 16 × 5 layer on a
 * batch of four inputs, where the arithmetic is a few hundred multiplications. Results agree with
 * onnxruntime to within float32 rounding (sums are taken in float64 here). Any other graph is left
 * to onnxruntime: `compileDenseChain` says why.
 */
export class DenseChain {
  constructor(private readonly steps: readonly Step[], readonly inputWidth: number, readonly outputWidth: number) {}

  /** Rows of `inputWidth` values in, rows of `outputWidth` out. */
  run(input: Float32Array): Float32Array {
    let rows = input;
    for (const step of this.steps) rows = step(rows);
    return rows;
  }
}

type Step = (rows: Float32Array) => Float32Array;

function relu(rows: Float32Array): Float32Array {
  return rows.map((x) => (x > 0 ? x : 0));
}

function sigmoid(rows: Float32Array): Float32Array {
  return rows.map((x) => 1 / (1 + Math.exp(-x)));
}

function softmax(width: number): Step {
  return (rows) => {
    const out = new Float32Array(rows.length);
    for (let r = 0; r < rows.length; r += width) {
      let max = -Infinity;
      for (let j = 0; j < width; j++) max = Math.max(max, rows[r + j]!);
      let sum = 0;
      for (let j = 0; j < width; j++) sum += Math.exp(rows[r + j]! - max);
      for (let j = 0; j < width; j++) out[r + j] = Math.exp(rows[r + j]! - max) / sum;
    }
    return out;
  };
}

/** rows [n, k] × weights [k, m] (or [m, k] when `transposed`), times alpha, plus beta × bias [m]. */
function affine(k: number, m: number, weights: Float32Array, transposed: boolean, alpha: number, bias: Float32Array | null, beta: number): Step {
  return (rows) => {
    const n = rows.length / k;
    const out = new Float32Array(n * m);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < m; j++) {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += rows[r * k + i]! * weights[transposed ? j * k + i : i * m + j]!;
        out[r * m + j] = alpha * sum + (bias ? beta * bias[j]! : 0);
      }
    }
    return out;
  };
}

/** A bias of m values: [m] or [1, m]. */
function biasOf(tensor: OnnxFloatTensor | undefined, m: number, name: string): Float32Array {
  need(tensor !== undefined, `${name} is not a FLOAT initializer`);
  need(tensor.data.length === m && tensor.dims[tensor.dims.length - 1] === m, `${name} is not a bias of ${m} values`);
  return tensor.data;
}

function number(attrs: Map<string, OnnxAttribute>, name: string, fallback: number): number {
  return attrs.get(name)?.number ?? fallback;
}

/** The operators run here, with the attributes each may have. */
const ATTRIBUTES: Record<string, readonly string[] | undefined> = {
  Relu: [], Sigmoid: [], Softmax: ['axis'], Gemm: ['alpha', 'beta', 'transA', 'transB'], MatMul: [], Add: [],
};

/** One node as a step from rows of `width` values; returns the step and the width of its rows out. */
function stepOf(node: OnnxNode, width: number, tensors: OnnxGraph['floatTensors']): { step: Step; width: number } {
  const { opType, attributes: attrs } = node;
  need(node.domain === '' || node.domain === 'ai.onnx', `${opType} is from the domain ${node.domain}`);
  const known = ATTRIBUTES[opType];
  need(known !== undefined, `the graph has a ${opType} node`);
  for (const name of attrs.keys()) need(known.includes(name), `${opType} has the attribute ${name}`);
  if (opType === 'Relu') return { step: relu, width };
  if (opType === 'Sigmoid') return { step: sigmoid, width };
  if (opType === 'Softmax') {
    need([1, -1].includes(number(attrs, 'axis', -1)), 'Softmax is not over the last axis');
    return { step: softmax(width), width };
  }
  if (opType === 'Add') {
    const bias = biasOf(tensors.get(node.inputs[1]!), width, `Add's ${node.inputs[1]}`);
    return { step: (rows) => rows.map((x, i) => x + bias[i % width]!), width };
  }
  const weights = tensors.get(node.inputs[1]!);
  need(weights !== undefined && weights.dims.length === 2, `${opType}'s ${node.inputs[1]} is not a FLOAT matrix initializer`);
  const transposed = opType === 'Gemm' && number(attrs, 'transB', 0) === 1;
  need(number(attrs, 'transA', 0) === 0, 'Gemm transposes its input');
  const [k, m] = transposed ? [weights.dims[1]!, weights.dims[0]!] : [weights.dims[0]!, weights.dims[1]!];
  need(k === width, `${opType}'s ${node.inputs[1]} takes ${k} values, not ${width}`);
  const bias = opType === 'Gemm' && node.inputs[2] ? biasOf(tensors.get(node.inputs[2]), m, `Gemm's ${node.inputs[2]}`) : null;
  return { step: affine(k, m, weights.data, transposed, number(attrs, 'alpha', 1), bias, number(attrs, 'beta', 1)), width: m };
}

/** The chain from `input` (rows of `width` values) to `output`, or why onnxruntime must run the graph. */
export function compileDenseChain(graph: OnnxGraph, input: string, width: number, output: string): { chain: DenseChain } | { unsupported: string } {
  return compiledOrWhy(() => {
    const steps: Step[] = [];
    let value = input;
    let rowWidth = width;
    for (const node of graph.nodes) {
      // A plain chain: each node takes the previous value (and initializers) and makes the next.
      need(node.inputs[0] === value && node.outputs.length === 1, `${node.opType} does not continue the chain from ${value}`);
      need(node.inputs.slice(1).every((name) => graph.floatTensors.has(name)), `${node.opType} reads a value that is not a FLOAT initializer`);
      const { step, width: next } = stepOf(node, rowWidth, graph.floatTensors);
      steps.push(step);
      rowWidth = next;
      value = node.outputs[0]!;
    }
    need(value === output && steps.length > 0, `the chain ends in ${value}, not ${output}`);
    return { chain: new DenseChain(steps, width, rowWidth) };
  });
}
