import type { FeaturiserConfig } from './featurise.js';

/**
 * TextFeaturiser + embedding bag for 16-wide tables, as one hand-assembled WebAssembly function (SIMD for the
 * sums). It computes exactly what featurise.ts does — the same hashes, the same first-seen order of distinct
 * n-grams, the same float32 weights — and sums the rows in that order, so it matches the JS path to float32
 * rounding of the sums (the JS bag sums in float64). Plain JS spends ~10 ns per n-gram on bounds checks and
 * conversions, and ~80 instructions per 16-wide row; here the batch-256 encode took about half the time
 * (bench/models.cjs). Memory: [table | seen | codes | ids | counts | log table | out].
 *
 *   pool(n, tag, out): featurises codes[0, n) (START … END included) with seen-table tag `tag` and writes the
 *   pooled row to byte address `out`.
 */

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
const START = 2;
const END = 3;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (n |= 0; ;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
}

const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const c32 = (v: number): number[] => [0x41, ...sleb(v)];
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
/** memarg: log2 alignment, constant byte offset (the region's base address). */
const at = (align: number, offset: number): number[] => [align, ...uleb(offset)];
const op = {
  add: 0x6a, sub: 0x6b, mul: 0x6c, and: 0x71, or: 0x72, xor: 0x73, shl: 0x74, shrU: 0x76, eqz: 0x45, ltU: 0x49, geU: 0x4f,
  select: 0x1b, load: 0x28, store: 0x36, f64load: 0x2b, f64add: 0xa0, f64mul: 0xa2, f64div: 0xa3, f64sqrt: 0x9f,
  demote: 0xb6, promote: 0xbb, br: 0x0c, brIf: 0x0d, end: 0x0b,
};
const loopOpen = [0x02, 0x40, 0x03, 0x40]; // block { loop {
const loopClose = [op.br, 0, op.end, op.end];

interface Layout { seen: number; codes: number; ids: number; counts: number; log: number; out: number; pages: number }

function assemble(config: FeaturiserConfig, l: Layout): Uint8Array {
  const slotBits = Math.log2(config.buckets);
  // params 0 n, 1 tag, 2 out; i32 locals 3 i, 4 j, 5 last, 6 h, 7 id, 8 s, 9 slot, 10 unique, 11 hit, 12 k, 20 row;
  // f64 locals 13 norm, 14 scale; v128 locals 15 weight splat, 16..19 accumulators.
  const c: number[] = [];
  c.push(...c32(0), ...set(10), ...c32(0), ...set(3));
  c.push(...loopOpen, ...get(3), ...get(0), op.geU, op.brIf, 1); // for i < n
  c.push(...c32(config.seed), ...set(6));
  c.push(...get(3), ...c32(config.maxN), op.add, ...get(0), ...get(3), ...c32(config.maxN), op.add, ...get(0), op.ltU, op.select, ...set(5)); // last = min(i + maxN, n)
  c.push(...get(3), ...set(4));
  c.push(...loopOpen, ...get(4), ...get(5), op.geU, op.brIf, 1); // for j < last
  c.push(...get(6), ...get(4), ...c32(2), op.shl, op.load, ...at(2, l.codes), op.xor, ...c32(0x01000193), op.mul, ...set(6)); // h = (h ^ codes[j]) * FNV prime
  const gram: number[] = [];
  gram.push(...get(6), ...get(6), ...c32(15), op.shrU, op.xor, ...c32(0x9e3779b1), op.mul, ...c32(32 - slotBits), op.shrU, ...set(7)); // id = mix(h) >>> shift
  gram.push(...get(7), ...c32(1), ...get(7), op.select, ...set(7)); // id || 1 (0 is the bias)
  gram.push(...get(7), ...c32(2), op.shl, op.load, ...at(2, l.seen), ...set(8)); // s = seen[id]
  gram.push(...get(8), ...get(1), op.xor, ...c32(slotBits), op.shrU, op.eqz, ...set(11)); // hit = s belongs to this input
  gram.push(...get(8), ...c32((1 << slotBits) - 1), op.and, ...get(10), ...get(11), op.select, ...set(9)); // slot = hit ? s & mask : unique
  gram.push(...get(10), ...c32(2), op.shl, ...get(7), op.store, ...at(2, l.ids)); // ids[unique] = id
  gram.push(...get(9), ...c32(2), op.shl, ...get(9), ...c32(2), op.shl, op.load, ...at(2, l.counts), ...c32(1), op.add, op.store, ...at(2, l.counts)); // counts[slot]++
  gram.push(...get(7), ...c32(2), op.shl, ...get(1), ...get(9), op.or, op.store, ...at(2, l.seen)); // seen[id] = tag | slot
  gram.push(...get(10), ...get(11), op.eqz, op.add, ...set(10)); // unique += !hit
  // n-grams shorter than minN are hashed but not counted
  if (config.minN > 1) c.push(...get(4), ...get(3), op.sub, ...c32(config.minN - 1), op.geU, 0x04, 0x40, ...gram, op.end);
  else c.push(...gram);
  c.push(...get(4), ...c32(1), op.add, ...set(4), ...loopClose);
  c.push(...get(3), ...c32(1), op.add, ...set(3), ...loopClose);
  // norm = Σ (1 + ln count)², scale = 1 / sqrt(norm)
  c.push(...c32(0), ...set(12));
  c.push(...loopOpen, ...get(12), ...get(10), op.geU, op.brIf, 1);
  c.push(...get(13), ...get(12), ...c32(2), op.shl, op.load, ...at(2, l.counts), ...c32(3), op.shl, op.f64load, ...at(3, l.log), 0x22, 14, ...get(14), op.f64mul, op.f64add, ...set(13));
  c.push(...get(12), ...c32(1), op.add, ...set(12), ...loopClose);
  c.push(0x44, ...new Uint8Array(Float64Array.of(1).buffer), ...get(13), op.f64sqrt, op.f64div, ...set(14));
  // the bias row (weight 1), then each distinct n-gram's row × float32(float32(1 + ln count) × scale)
  for (let q = 0; q < 4; q++) c.push(...c32(0), ...simd(0x00), ...at(4, 16 * q), ...set(16 + q));
  c.push(...c32(0), ...set(12));
  c.push(...loopOpen, ...get(12), ...get(10), op.geU, op.brIf, 1);
  c.push(...get(12), ...c32(2), op.shl, op.load, ...at(2, l.counts), ...c32(3), op.shl, op.f64load, ...at(3, l.log), op.demote, op.promote, ...get(14), op.f64mul, op.demote, ...simd(0x13), ...set(15));
  c.push(...get(12), ...c32(2), op.shl, op.load, ...at(2, l.ids), ...c32(6), op.shl, ...set(20));
  for (let q = 0; q < 4; q++) c.push(...get(16 + q), ...get(15), ...get(20), ...simd(0x00), ...at(4, 16 * q), ...simd(0xe6), ...simd(0xe4), ...set(16 + q));
  c.push(...get(12), ...c32(1), op.add, ...set(12), ...loopClose);
  for (let q = 0; q < 4; q++) c.push(...get(2), ...get(16 + q), ...simd(0x0b), ...at(4, 16 * q));
  c.push(op.end);
  const body = [4, 10, I32, 2, F64, 5, V128, 1, I32, ...c];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 3, I32, I32, I32, 0]), // type: (i32, i32, i32) → ()
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(l.pages)]), // import memory, min pages
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('pool'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

/** The part of the WebAssembly global used here (core compiles without the DOM typings that declare it). */
interface WasmApi {
  validate(binary: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Module: new (binary: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** Pools one normalised text at a time into rows of an output batch; holds its own copy of the table. */
export interface WasmPooling {
  /** Longest text it takes; longer ones go to the JS path. */
  readonly maxChars: number;
  /** Writes text's pooled row to out[row * 16, row * 16 + 16). */
  pool(text: string, out: Float32Array, row: number): void;
}

/** undefined when the table is not 16 wide or the runtime lacks WebAssembly SIMD (callers keep the JS path). */
export function createWasmPooling(config: FeaturiserConfig, table: Float32Array, width: number, maxChars: number): WasmPooling | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!wasm || width !== 16) return undefined;
  const slotBits = Math.log2(config.buckets);
  const maxN = maxChars + 2;
  const cap = Math.min(maxN * (config.maxN - config.minN + 1), config.buckets) + 1;
  const align = (x: number) => Math.ceil(x / 64) * 64;
  const seen = table.byteLength;
  const codes = align(seen + config.buckets * 4);
  const ids = align(codes + maxN * 4);
  const counts = align(ids + cap * 4);
  const log = align(counts + cap * 4);
  const out = align(log + (maxN + 1) * 8);
  const layout: Layout = { seen, codes, ids, counts, log, out, pages: Math.ceil((out + 64) / 65536) };
  const binary = assemble(config, layout);
  if (!wasm.validate(binary)) return undefined;
  const memory = new wasm.Memory({ initial: layout.pages });
  const fn = new wasm.Instance(new wasm.Module(binary), { env: { memory } }).exports.pool as (n: number, tag: number, out: number) => void;
  const buffer = memory.buffer;
  new Float32Array(buffer, 0, table.length).set(table);
  // 1 + ln(count), as featurise.ts weighs counts (its table of small counts holds the same values).
  new Float64Array(buffer, log, maxN + 1).set(Float64Array.from({ length: maxN + 1 }, (_, k) => (k === 0 ? 0 : 1 + Math.log(k))));
  const seenView = new Int32Array(buffer, seen, config.buckets);
  const codesView = new Int32Array(buffer, codes, maxN);
  const countsView = new Int32Array(buffer, counts, cap);
  const result = new Float32Array(buffer, out, 16);
  const maxEpoch = 2 ** (31 - slotBits);
  let epoch = 0;
  return {
    maxChars,
    pool(text, rows, row) {
      const n = text.length + 2;
      codesView[0] = START;
      for (let i = 0; i < text.length; i++) codesView[i + 1] = text.charCodeAt(i);
      codesView[n - 1] = END;
      if (++epoch === maxEpoch) {
        seenView.fill(0);
        epoch = 1;
      }
      countsView.fill(0, 0, Math.min(n * (config.maxN - config.minN + 1), config.buckets) + 1);
      fn(n, epoch << slotBits, out);
      rows.set(result, row * 16);
    },
  };
}
