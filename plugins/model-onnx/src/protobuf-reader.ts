/**
 * The little of protobuf's wire format that reading an ONNX file's metadata and graph needs:
 * a walk over one message's fields, nested messages being read by walking their bytes again.
 */

/**
 * Reads a varint at `at`. Up to 8 bytes it is read as a number (exact to 2^53, past any count or ID
 * in a model); a longer one is an int64 read as signed, so the -1 of `axis: -1` is -1.
 */
export function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = buf[i++];
    if (b === undefined) throw new RangeError('Truncated ONNX file (varint runs past the end).');
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [i - at > 8 ? signed64(buf, at, i) : value, i];
    shift += 7;
  }
}

function signed64(buf: Uint8Array, from: number, to: number): number {
  let big = 0n;
  for (let i = to - 1; i >= from; i--) big = (big << 7n) | BigInt(buf[i]! & 0x7f);
  return Number(BigInt.asIntN(64, big));
}

/** One field as found: a varint (wire 0), a float (wire 5), a double (wire 1), or bytes (wire 2). */
export interface Field {
  field: number;
  wire: 0 | 1 | 2 | 5;
  /** The number of a wire 0, 1 or 5 field. */
  value: number;
  /** The bytes of a wire 2 field (a string, a nested message or a packed list). */
  bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** Calls `visit` for each field of the message in `buf`, in order. */
export function eachField(buf: Uint8Array, visit: (f: Field) => void): void {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 0;
  while (at < buf.length) {
    const [tag, afterTag] = readVarint(buf, at);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      const [value, next] = readVarint(buf, afterTag);
      visit({ field, wire, value, bytes: EMPTY });
      at = next;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (afterTag + size > buf.length) throw new RangeError('Truncated ONNX file (a number runs past the end).');
      visit({ field, wire, value: wire === 1 ? view.getFloat64(afterTag, true) : view.getFloat32(afterTag, true), bytes: EMPTY });
      at = afterTag + size;
    } else if (wire === 2) {
      const [len, start] = readVarint(buf, afterTag);
      if (start + len > buf.length) throw new RangeError('Truncated ONNX file (a field runs past the end).');
      visit({ field, wire, value: len, bytes: buf.subarray(start, start + len) });
      at = start + len;
    } else {
      throw new RangeError(`Not an ONNX file (unexpected protobuf wire type ${wire}).`);
    }
  }
}

/** Appends the varints of a packed list to `out`. */
export function packedVarints(bytes: Uint8Array, out: number[]): void {
  for (let at = 0; at < bytes.length;) {
    const [value, next] = readVarint(bytes, at);
    out.push(value);
    at = next;
  }
}

/** Appends the floats of a packed list to `out`. */
export function packedFloats(bytes: Uint8Array, out: number[]): void {
  if (bytes.length % 4 !== 0) throw new RangeError('Not an ONNX file (a packed float list of odd length).');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length; at += 4) out.push(view.getFloat32(at, true));
}

const utf8 = new TextDecoder();

export function text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
