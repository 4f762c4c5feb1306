import { eachField, packedFloats, packedVarints, text, type Field } from './protobuf-reader.js';

/** One attribute of a node, its list values gathered whether they were written packed or not. */
export interface OnnxAttribute {
  name: string;
  /** Field `i` (INT) or `f` (FLOAT), when set. */
  number?: number;
  /** Field `s` (STRING), when set. */
  string?: string;
  ints: number[];
  floats: number[];
  strings: string[];
  /** Set when the value is a tensor or a graph, which this reader does not decode. */
  opaque: boolean;
}

export interface OnnxNode {
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, OnnxAttribute>;
}

/** A FLOAT initializer: its dimensions and values. */
export interface OnnxFloatTensor {
  dims: number[];
  data: Float32Array;
}

/** The graph of an ONNX model: its nodes, the names of its inputs and outputs, and its initializers. */
export interface OnnxGraph {
  nodes: OnnxNode[];
  inputs: string[];
  outputs: string[];
  initializers: number;
  /** The initializers of type FLOAT, by name (others are counted, not decoded). */
  floatTensors: Map<string, OnnxFloatTensor>;
}

// Field numbers from onnx/onnx.proto.
const MODEL_GRAPH = 7;
const TENSOR = { dims: 1, dataType: 2, floatData: 4, name: 8, rawData: 9, dataLocation: 14 } as const;
const FLOAT = 1;
const GRAPH = { node: 1, initializer: 5, input: 11, output: 12 } as const;
const NODE = { input: 1, output: 2, opType: 4, attribute: 5, domain: 7 } as const;
const ATTR = { name: 1, f: 2, i: 3, s: 4, t: 5, g: 6, floats: 7, ints: 8, strings: 9, tensors: 10, graphs: 11 } as const;

function readAttribute(bytes: Uint8Array): OnnxAttribute {
  const a: OnnxAttribute = { name: '', ints: [], floats: [], strings: [], opaque: false };
  eachField(bytes, (f: Field) => {
    switch (f.field) {
      case ATTR.name: a.name = text(f.bytes); break;
      case ATTR.f: a.number = f.value; break;
      case ATTR.i: a.number = f.value; break;
      case ATTR.s: a.string = text(f.bytes); break;
      case ATTR.floats: if (f.wire === 2) packedFloats(f.bytes, a.floats); else a.floats.push(f.value); break;
      case ATTR.ints: if (f.wire === 2) packedVarints(f.bytes, a.ints); else a.ints.push(f.value); break;
      case ATTR.strings: a.strings.push(text(f.bytes)); break;
      case ATTR.t: case ATTR.g: case ATTR.tensors: case ATTR.graphs: a.opaque = true; break;
      default: break;
    }
  });
  return a;
}

function readNode(bytes: Uint8Array): OnnxNode {
  const node: OnnxNode = { opType: '', domain: '', inputs: [], outputs: [], attributes: new Map() };
  eachField(bytes, (f) => {
    if (f.field === NODE.input) node.inputs.push(text(f.bytes));
    else if (f.field === NODE.output) node.outputs.push(text(f.bytes));
    else if (f.field === NODE.opType) node.opType = text(f.bytes);
    else if (f.field === NODE.domain) node.domain = text(f.bytes);
    else if (f.field === NODE.attribute) {
      const attribute = readAttribute(f.bytes);
      node.attributes.set(attribute.name, attribute);
    }
  });
  return node;
}

/** A ValueInfoProto's name (field 1). */
function valueName(bytes: Uint8Array): string {
  let name = '';
  eachField(bytes, (f) => { if (f.field === 1) name = text(f.bytes); });
  return name;
}

/** A FLOAT TensorProto held in the file (raw little-endian bytes or float_data); null for any other. */
function readFloatTensor(bytes: Uint8Array): { name: string; tensor: OnnxFloatTensor } | null {
  let name = '';
  let dataType = 0;
  let external = false;
  const dims: number[] = [];
  const floats: number[] = [];
  let raw: Uint8Array | null = null;
  eachField(bytes, (f) => {
    if (f.field === TENSOR.name) name = text(f.bytes);
    else if (f.field === TENSOR.dataType) dataType = f.value;
    else if (f.field === TENSOR.dims) { if (f.wire === 2) packedVarints(f.bytes, dims); else dims.push(f.value); }
    else if (f.field === TENSOR.floatData) { if (f.wire === 2) packedFloats(f.bytes, floats); else floats.push(f.value); }
    else if (f.field === TENSOR.rawData) raw = f.bytes;
    else if (f.field === TENSOR.dataLocation) external = f.value === 1;
  });
  if (dataType !== FLOAT || external || (raw !== null && (raw as Uint8Array).length % 4 !== 0)) return null;
  const size = dims.reduce((a, b) => a * b, 1);
  // Copied out of the file's bytes (new Uint8Array copies, where a Buffer's slice would not): a
  // typed array over them would need 4-byte alignment.
  const data = raw === null ? Float32Array.from(floats) : new Float32Array(new Uint8Array(raw as Uint8Array).buffer);
  return data.length === size ? { name, tensor: { dims, data } } : null;
}

/** Reads the graph of an ONNX file: nodes with their attributes, FLOAT initializers decoded. */
export function readOnnxGraph(model: Uint8Array): OnnxGraph {
  const graph: OnnxGraph = { nodes: [], inputs: [], outputs: [], initializers: 0, floatTensors: new Map() };
  eachField(model, (m) => {
    if (m.field !== MODEL_GRAPH || m.wire !== 2) return;
    eachField(m.bytes, (f) => {
      if (f.field === GRAPH.node) graph.nodes.push(readNode(f.bytes));
      else if (f.field === GRAPH.input) graph.inputs.push(valueName(f.bytes));
      else if (f.field === GRAPH.output) graph.outputs.push(valueName(f.bytes));
      else if (f.field === GRAPH.initializer) {
        graph.initializers++;
        const float = readFloatTensor(f.bytes);
        if (float) graph.floatTensors.set(float.name, float.tensor);
      }
    });
  });
  return graph;
}

/** The graph, or null when this reader cannot read the file: onnxruntime then reads it, or says what is wrong with it. */
export function readOnnxGraphOrNull(model: Uint8Array): OnnxGraph | null {
  try {
    return readOnnxGraph(model);
  } catch {
    return null;
  }
}
