/**
 * Reads the metadata_props (key → value) of an ONNX file without loading the graph: a short walk over
 * the top-level protobuf fields of ModelProto (field 14 holds StringStringEntryProto { key = 1, value = 2 }).
 */
function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = buf[i++];
    if (b === undefined) throw new RangeError('Truncated ONNX file (varint runs past the end).');
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, i];
    shift += 7;
  }
}

function fields(buf: Uint8Array, visit: (field: number, bytes: Uint8Array) => void): void {
  let at = 0;
  while (at < buf.length) {
    const [tag, afterTag] = readVarint(buf, at);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) at = readVarint(buf, afterTag)[1];
    else if (wire === 1) at = afterTag + 8;
    else if (wire === 5) at = afterTag + 4;
    else if (wire === 2) {
      const [len, start] = readVarint(buf, afterTag);
      visit(field, buf.subarray(start, start + len));
      at = start + len;
    } else throw new RangeError(`Not an ONNX file (unexpected protobuf wire type ${wire}).`);
  }
}

export function readOnnxMetadata(model: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const text = new TextDecoder();
  fields(model, (field, bytes) => {
    if (field !== 14) return;
    let key = '';
    let value = '';
    fields(bytes, (f, b) => {
      if (f === 1) key = text.decode(b);
      else if (f === 2) value = text.decode(b);
    });
    out[key] = value;
  });
  return out;
}
