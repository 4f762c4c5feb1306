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

/** The graph of an ONNX model: its nodes, and the names of its inputs, outputs and initializers. */
export interface OnnxGraph {
  nodes: OnnxNode[];
  inputs: string[];
  outputs: string[];
  initializers: number;
}

// Field numbers from onnx/onnx.proto.
const MODEL_GRAPH = 7;
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

/** Reads the graph of an ONNX file: nodes with their attributes, tensors left undecoded. */
export function readOnnxGraph(model: Uint8Array): OnnxGraph {
  const graph: OnnxGraph = { nodes: [], inputs: [], outputs: [], initializers: 0 };
  eachField(model, (m) => {
    if (m.field !== MODEL_GRAPH || m.wire !== 2) return;
    eachField(m.bytes, (f) => {
      if (f.field === GRAPH.node) graph.nodes.push(readNode(f.bytes));
      else if (f.field === GRAPH.input) graph.inputs.push(valueName(f.bytes));
      else if (f.field === GRAPH.output) graph.outputs.push(valueName(f.bytes));
      else if (f.field === GRAPH.initializer) graph.initializers++;
    });
  });
  return graph;
}
