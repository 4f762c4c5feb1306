import { eachField, text } from './protobuf-reader.js';

/**
 * Reads the metadata_props (key → value) of an ONNX file without loading the graph: a short walk over
 * the top-level protobuf fields of ModelProto (field 14 holds StringStringEntryProto { key = 1, value = 2 }).
 */
export function readOnnxMetadata(model: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  eachField(model, ({ field, bytes }) => {
    if (field !== 14) return;
    let key = '';
    let value = '';
    eachField(bytes, (f) => {
      if (f.field === 1) key = text(f.bytes);
      else if (f.field === 2) value = text(f.bytes);
    });
    out[key] = value;
  });
  return out;
}
