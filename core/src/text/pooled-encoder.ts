import type { TextModelInfo } from './serving.js';
import { TextFeaturiser } from './featurise.js';
import { MAX_NORMALISED_CHARS, normaliseText } from './normalise.js';
import { createWasmPooling, type WasmPooling } from './wasm-pooling.js';

/**
 * Normalise → featurise → embedding bag, ahead of the backend: each input becomes its pooled vector (the weighted
 * sum of its n-grams' embedding rows, bias row included), so a serving backend only runs the small dense
 * layers on [batch, width]. Measured on this machine (bench/models.cjs), one onnxruntime call on a
 * pooled batch of 256 takes about 20 µs, where the gather + sum over ~40k sparse rows took milliseconds
 * in every backend. With a 16-wide table, featurising and summing run as one WebAssembly SIMD function
 * when the runtime has one (wasm-pooling.ts), otherwise in JS.
 */
export class PooledTextEncoder {
  private readonly featuriser: TextFeaturiser;
  private ids = new Int32Array(1024);
  private weights = new Float32Array(1024);
  private readonly wasm: WasmPooling | undefined;

  /** `table` is the embedding, row-major [info.featuriser.buckets, width]; `simd: false` keeps to JS. */
  constructor(readonly info: TextModelInfo, private readonly table: Float32Array, readonly width: number, options: { simd?: boolean } = {}) {
    if (!(width >= 1) || table.length !== info.featuriser.buckets * width) {
      throw new RangeError(`An embedding of ${table.length} numbers is not [${info.featuriser.buckets} buckets, ${width}].`);
    }
    this.featuriser = new TextFeaturiser(info.featuriser);
    // Normalised text is at most MAX_NORMALISED_CHARS long, so this holds any input's features.
    if (options.simd !== false) this.wasm = createWasmPooling(info.featuriser, table, width, MAX_NORMALISED_CHARS);
  }

  /** Which code featurises and sums. */
  get bagEngine(): 'wasm-simd' | 'js' {
    return this.wasm ? 'wasm-simd' : 'js';
  }

  /** Pooled vectors of a batch, row-major [inputs.length, width]; non-strings are read as text. */
  encode(inputs: readonly string[]): Float32Array {
    const width = this.width;
    const out = new Float32Array(inputs.length * width);
    for (let r = 0; r < inputs.length; r++) {
      const raw = inputs[r];
      const text = normaliseText(typeof raw === 'string' ? raw : String(raw ?? ''));
      if (this.wasm && text.length <= this.wasm.maxChars) {
        this.wasm.pool(text, out, r);
        continue;
      }
      const need = this.featuriser.capacity(text.length);
      if (this.ids.length < need) {
        this.ids = new Int32Array(Math.max(need, this.ids.length * 2));
        this.weights = new Float32Array(this.ids.length);
      }
      const count = this.featuriser.featuriseInto(text, this.ids, this.weights, 0);
      if (width === 16) bag16(this.table, this.ids, this.weights, count, out, r * 16);
      else bagAny(this.table, width, this.ids, this.weights, count, out, r * width);
    }
    return out;
  }
}

function bagAny(table: Float32Array, width: number, ids: Int32Array, weights: Float32Array, count: number, out: Float32Array, at: number): void {
  const acc = new Float64Array(width);
  for (let k = 0; k < count; k++) {
    const w = weights[k]!;
    const row = ids[k]! * width;
    for (let j = 0; j < width; j++) acc[j]! += w * table[row + j]!;
  }
  out.set(acc, at);
}

/**
 * The shipped width, unrolled into locals: each feature is one 64-byte row of the table, and with few
 * instructions per row the CPU keeps several of those loads in flight, which is what bounds this loop.
 */
function bag16(table: Float32Array, ids: Int32Array, weights: Float32Array, count: number, out: Float32Array, at: number): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
  for (let k = 0; k < count; k++) {
    const w = weights[k]!;
    const o = ids[k]! << 4;
    a0 += w * table[o]!; a1 += w * table[o + 1]!; a2 += w * table[o + 2]!; a3 += w * table[o + 3]!;
    a4 += w * table[o + 4]!; a5 += w * table[o + 5]!; a6 += w * table[o + 6]!; a7 += w * table[o + 7]!;
    a8 += w * table[o + 8]!; a9 += w * table[o + 9]!; a10 += w * table[o + 10]!; a11 += w * table[o + 11]!;
    a12 += w * table[o + 12]!; a13 += w * table[o + 13]!; a14 += w * table[o + 14]!; a15 += w * table[o + 15]!;
  }
  out[at] = a0; out[at + 1] = a1; out[at + 2] = a2; out[at + 3] = a3; out[at + 4] = a4; out[at + 5] = a5; out[at + 6] = a6; out[at + 7] = a7;
  out[at + 8] = a8; out[at + 9] = a9; out[at + 10] = a10; out[at + 11] = a11; out[at + 12] = a12; out[at + 13] = a13; out[at + 14] = a14; out[at + 15] = a15;
}
