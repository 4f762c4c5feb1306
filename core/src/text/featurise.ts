/**
 * Hashed character n-grams of normalised text, as the sparse input every text model reads: per input, a
 * list of bucket ids and weights (sublinear term frequency, L2-normalised) plus the always-on bias id 0.
 * Plain JS over typed arrays, with scratch buffers reused across calls: no allocation per n-gram.
 * wasm-pooling.ts computes the same features in WebAssembly for serving: change both together
 * (pooled-encoder.test.ts checks that they agree).
 */

export interface FeaturiserConfig {
  /** Hash buckets (a power of two), including the bias bucket 0. */
  buckets: number;
  minN: number;
  maxN: number;
  seed: number;
}

export const DEFAULT_FEATURISER: FeaturiserConfig = { buckets: 1 << 15, minN: 1, maxN: 5, seed: 0x5eed };

/** Bucket 0 holds the bias: every input has it with weight 1; padding has it with weight 0. */
export const BIAS_ID = 0;
const START = 2;
const END = 3;

/** A padded batch: `ids`/`weights` are [batch, width] row-major; unused slots are id 0 with weight 0. */
export interface FeatureBatch {
  ids: Int32Array;
  weights: Float32Array;
  batch: number;
  width: number;
}

/** 1 + ln(count) for small counts, which are nearly all of them. */
const LOG_TABLE = Float64Array.from({ length: 64 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));

export class TextFeaturiser {
  readonly config: FeaturiserConfig;
  private codes = new Int32Array(0);
  /**
   * Per bucket: (epoch << slotBits) | slot, where epoch counts inputs (the bucket was seen in this input when
   * it matches) and slot is the bucket's place in this input's list (< buckets, so log2(buckets) bits). One
   * 32-bit load per n-gram, and half the cache footprint of separate epoch and slot arrays.
   */
  private readonly seen: Int32Array;
  private readonly slotBits: number;
  /** Epochs wrap before reaching the sign bit; the table is cleared then. */
  private readonly maxEpoch: number;
  private epoch = 0;
  private uniqueIds = new Int32Array(0);
  private counts = new Float32Array(0);

  constructor(config: FeaturiserConfig = DEFAULT_FEATURISER) {
    if (!(config.buckets >= 2 && (config.buckets & (config.buckets - 1)) === 0 && config.minN >= 1 && config.maxN >= config.minN)) {
      throw new RangeError(`Bad featuriser config ${JSON.stringify(config)}: need buckets a power of two >= 2 and 1 <= minN <= maxN.`);
    }
    this.config = { ...config };
    this.seen = new Int32Array(config.buckets);
    this.slotBits = Math.log2(config.buckets);
    this.maxEpoch = 2 ** (31 - this.slotBits);
    if (this.maxEpoch < 4) throw new RangeError(`Bad featuriser config ${JSON.stringify(config)}: at most 2^28 buckets.`);
  }

  /** Most distinct features one normalised text of this length can have (plus the bias). */
  capacity(length: number): number {
    const positions = length + 2;
    return Math.min(positions * (this.config.maxN - this.config.minN + 1), this.config.buckets) + 1;
  }

  private ensure(length: number): void {
    if (this.codes.length < length + 2) this.codes = new Int32Array(Math.max(length + 2, this.codes.length * 2, 64));
    const cap = this.capacity(length);
    if (this.uniqueIds.length < cap) {
      this.uniqueIds = new Int32Array(Math.max(cap, this.uniqueIds.length * 2));
      this.counts = new Float32Array(this.uniqueIds.length);
    }
  }

  /**
   * Writes the features of one normalised text into ids/weights from `offset`; returns how many it wrote
   * (always at least 1: the bias). The caller sizes the arrays with capacity(text.length).
   */
  featuriseInto(text: string, ids: Int32Array, weights: Float32Array, offset: number): number {
    const { buckets, minN, maxN, seed } = this.config;
    this.ensure(text.length);
    const codes = this.codes;
    const n = text.length + 2;
    codes[0] = START;
    for (let i = 0; i < text.length; i++) codes[i + 1] = text.charCodeAt(i);
    codes[n - 1] = END;
    if (++this.epoch === this.maxEpoch) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const tag = this.epoch << this.slotBits;
    const slotBits = this.slotBits;
    const slotMask = (1 << slotBits) - 1;
    const seen = this.seen;
    const uniqueIds = this.uniqueIds;
    const counts = this.counts;
    // Counts start at 0 for every slot this input can use, so a new n-gram needs no branch of its own.
    counts.fill(0, 0, this.capacity(text.length));
    // Fibonacci hashing: the top bits of a multiplicative hash pick the bucket.
    const shift = 32 - slotBits;
    let unique = 0;
    for (let i = 0; i < n; i++) {
      let h = seed | 0;
      const last = i + maxN < n ? i + maxN : n;
      let j = i;
      if (minN > 1) for (; j < i + minN - 1 && j < last; j++) h = Math.imul(h ^ codes[j]!, 0x01000193);
      for (; j < last; j++) {
        h = Math.imul(h ^ codes[j]!, 0x01000193);
        // Bucket 0 is the bias; the rare n-gram hashing there shares bucket 1 instead.
        const id = (Math.imul(h ^ (h >>> 15), 0x9e3779b1) >>> shift) || 1;
        // Seen in this input or not, without a branch (repeats are too frequent and irregular to predict):
        // a new n-gram takes the next slot; writing its id there is harmless when it was seen before.
        const s = seen[id]!;
        const hit = (s ^ tag) >>> slotBits === 0;
        const slot = hit ? s & slotMask : unique;
        uniqueIds[unique] = id;
        counts[slot]! += 1;
        seen[id] = tag | slot;
        unique += hit ? 0 : 1;
      }
    }
    let norm = 0;
    for (let k = 0; k < unique; k++) {
      const c = counts[k]!;
      const w = c < LOG_TABLE.length ? LOG_TABLE[c]! : 1 + Math.log(c);
      counts[k] = w;
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    ids[offset] = 0;
    weights[offset] = 1;
    for (let k = 0; k < unique; k++) {
      ids[offset + 1 + k] = uniqueIds[k]!;
      weights[offset + 1 + k] = counts[k]! * scale;
    }
    return unique + 1;
  }

  /** Features of a batch of normalised texts, padded to the widest. */
  featuriseBatch(texts: readonly string[]): FeatureBatch {
    let width = 1;
    for (const t of texts) width = Math.max(width, this.capacity(t.length));
    // Sized for the worst case, then narrowed to the widest actual row.
    const rowsIds = new Int32Array(texts.length * width);
    const rowsWeights = new Float32Array(texts.length * width);
    let used = 1;
    const lengths = new Int32Array(texts.length);
    for (let r = 0; r < texts.length; r++) {
      lengths[r] = this.featuriseInto(texts[r]!, rowsIds, rowsWeights, r * width);
      if (lengths[r]! > used) used = lengths[r]!;
    }
    if (used === width) return { ids: rowsIds, weights: rowsWeights, batch: texts.length, width };
    const ids = new Int32Array(texts.length * used);
    const weights = new Float32Array(texts.length * used);
    for (let r = 0; r < texts.length; r++) {
      ids.set(rowsIds.subarray(r * width, r * width + lengths[r]!), r * used);
      weights.set(rowsWeights.subarray(r * width, r * width + lengths[r]!), r * used);
    }
    return { ids, weights, batch: texts.length, width: used };
  }
}
