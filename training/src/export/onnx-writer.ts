import { ProtobufWriter } from './protobuf-writer.js';

/**
 * Writes ONNX models (ModelProto) from plain objects. Field numbers follow onnx/onnx.proto (IR version 8).
 * Generic: any graph of standard (`ai.onnx`) or `ai.onnx.ml` operators, float/int tensors, string metadata.
 */

/** ONNX TensorProto.DataType values used by Session Warden models. */
export const OnnxDataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 } as const;
export type OnnxElemType = (typeof OnnxDataType)[keyof typeof OnnxDataType];

export interface OnnxTensor {
  name: string;
  dims: readonly number[];
  /** FLOAT tensors take a Float32Array, INT32 an Int32Array, INT64 a BigInt64Array (or Int32Array, widened). */
  data: Float32Array | Int32Array | BigInt64Array;
  dataType?: OnnxElemType;
}

/** A dimension is a fixed size, or a name for a size chosen at run time (e.g. 'batch'). */
export type OnnxDim = number | string;

export interface OnnxValueInfo {
  name: string;
  elemType: OnnxElemType;
  shape: readonly OnnxDim[];
}

export type OnnxAttributeValue = number | string | readonly number[] | readonly string[] | OnnxTensor | { float: number };

export interface OnnxNode {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  domain?: string;
  attributes?: Record<string, OnnxAttributeValue>;
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
  initializers: readonly OnnxTensor[];
}

export interface OnnxModel {
  graph: OnnxGraph;
  /** Operator sets, e.g. [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 3 }]. */
  opsets?: readonly { domain: string; version: number }[];
  producerName?: string;
  producerVersion?: string;
  docString?: string;
  /** Stored as metadata_props; readable from onnxruntime's session metadata. */
  metadata?: Record<string, string>;
  irVersion?: number;
}

const AttrType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

function writeTensor(w: ProtobufWriter, t: OnnxTensor): void {
  const dataType = t.dataType ?? (t.data instanceof Float32Array ? OnnxDataType.FLOAT
    : t.data instanceof BigInt64Array ? OnnxDataType.INT64 : OnnxDataType.INT32);
  const expected = t.dims.reduce((a, b) => a * b, 1);
  if (expected !== t.data.length) {
    throw new RangeError(`ONNX tensor "${t.name}" has ${t.data.length} values but dims ${JSON.stringify(t.dims)} need ${expected}.`);
  }
  w.packedInts(1, t.dims);
  w.int(2, dataType);
  w.string(8, t.name);
  let raw: Uint8Array;
  if (dataType === OnnxDataType.INT64 && !(t.data instanceof BigInt64Array)) {
    const wide = new BigInt64Array(t.data.length);
    for (let i = 0; i < t.data.length; i++) wide[i] = BigInt(t.data[i] as number);
    raw = new Uint8Array(wide.buffer);
  } else {
    raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  }
  // raw_data is little-endian, which is what typed arrays hold on every platform Node runs on.
  w.bytes(9, raw);
}

function writeValueInfo(w: ProtobufWriter, v: OnnxValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) => type.message(1, (tensor) => {
    tensor.int(1, v.elemType);
    tensor.message(2, (shape) => {
      for (const d of v.shape) {
        shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      }
    });
  }));
}

function writeAttribute(w: ProtobufWriter, name: string, value: OnnxAttributeValue): void {
  w.string(1, name);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`ONNX attribute "${name}": write a float as { float: ${value} }.`);
    w.int(3, value).int(20, AttrType.INT);
  } else if (typeof value === 'string') {
    w.string(4, value).int(20, AttrType.STRING);
  } else if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === 'string') {
      for (const s of value as readonly string[]) w.string(9, s);
      w.int(20, AttrType.STRINGS);
    } else if ((value as readonly number[]).every(Number.isInteger)) {
      w.packedInts(8, value as readonly number[]).int(20, AttrType.INTS);
    } else {
      w.packedFloats(7, value as readonly number[]).int(20, AttrType.FLOATS);
    }
  } else if ('float' in (value as object)) {
    w.float(2, (value as { float: number }).float).int(20, AttrType.FLOAT);
  } else {
    w.message(5, (t) => writeTensor(t, value as OnnxTensor)).int(20, AttrType.TENSOR);
  }
}

function writeNode(w: ProtobufWriter, n: OnnxNode, index: number): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.opType}_${index}`);
  w.string(4, n.opType);
  for (const [k, v] of Object.entries(n.attributes ?? {})) w.message(5, (a) => writeAttribute(a, k, v));
  if (n.domain) w.string(7, n.domain);
}

/** Serialises a model to the bytes of a `.onnx` file. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = new ProtobufWriter();
  w.int(1, model.irVersion ?? 8);
  w.string(2, model.producerName ?? 'session-warden');
  w.string(3, model.producerVersion ?? '0.1.0');
  if (model.docString) w.string(6, model.docString);
  w.message(7, (g) => {
    model.graph.nodes.forEach((n, i) => g.message(1, (nw) => writeNode(nw, n, i)));
    g.string(2, model.graph.name);
    for (const t of model.graph.initializers) g.message(5, (tw) => writeTensor(tw, t));
    for (const v of model.graph.inputs) g.message(11, (vw) => writeValueInfo(vw, v));
    for (const v of model.graph.outputs) g.message(12, (vw) => writeValueInfo(vw, v));
  });
  for (const op of model.opsets ?? [{ domain: '', version: 17 }]) {
    w.message(8, (o) => {
      if (op.domain) o.string(1, op.domain);
      o.int(2, op.version);
    });
  }
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.message(14, (m) => m.string(1, key).string(2, value));
  }
  return w.finish();
}

/** Writes a model to a `.onnx` file. */
export async function writeOnnxModel(file: string, model: OnnxModel): Promise<void> {
  const { writeFile, mkdir } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, encodeOnnxModel(model));
}
