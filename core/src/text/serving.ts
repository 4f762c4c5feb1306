import { WardenConfigError } from '../errors.js';
import { TEXT_LABELS, type TextLabel, type TextVerdict } from '../ports/classifiers.js';
import { TextFeaturiser, type FeatureBatch, type FeaturiserConfig } from './featurise.js';
import { normaliseText, NORMALISER_VERSION } from './normalise.js';

/**
 * What a serving backend needs around a text model: the metadata stored with it (checked here once for
 * both backends), the input encoding, and turning probabilities into verdicts.
 */
export interface TextModelInfo {
  format: 'session-warden-text';
  kind: string;
  labels: readonly TextLabel[];
  featuriser: FeaturiserConfig;
  normaliserVersion: number;
  card?: Record<string, unknown>;
}

export function parseTextModelInfo(raw: unknown, source: string): TextModelInfo {
  const info = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Partial<TextModelInfo> | undefined;
  if (!info || info.format !== 'session-warden-text') {
    throw new WardenConfigError(`${source} is not a Session Warden text model (its metadata has no format "session-warden-text"). Train one with \`warden train text\`, or leave textModelFile unset to use the shipped model.`, 'WARDEN_MODEL');
  }
  if (info.normaliserVersion !== NORMALISER_VERSION) {
    throw new WardenConfigError(`${source} was trained with input normaliser v${info.normaliserVersion}, but this @session-warden/core has v${NORMALISER_VERSION}; retrain it with \`warden train text\` or install the core version it was trained with.`, 'WARDEN_MODEL_VERSION');
  }
  const labels = info.labels ?? [];
  if (labels.length === 0 || labels.some((l) => !TEXT_LABELS.includes(l))) {
    throw new WardenConfigError(`${source} has labels ${JSON.stringify(labels)}; a text model's labels must come from ${TEXT_LABELS.join(', ')}.`, 'WARDEN_MODEL');
  }
  const f = info.featuriser;
  if (!f || !(f.buckets >= 2) || !(f.minN >= 1) || !(f.maxN >= f.minN)) {
    throw new WardenConfigError(`${source} has no valid featuriser settings ({ buckets, minN, maxN, seed }).`, 'WARDEN_MODEL');
  }
  return info as TextModelInfo;
}

/** Rows of the caller's batch (`rows[k]` is the input index of row k) encoded as one padded batch. */
export interface FeatureGroup {
  rows: Int32Array;
  batch: FeatureBatch;
}

/** Normalises and featurises a batch the way the model was trained. Synchronous, so concurrent calls cannot share its scratch buffers. */
export class TextInputEncoder {
  private readonly featuriser: TextFeaturiser;
  private scratchIds = new Int32Array(4096);
  private scratchWeights = new Float32Array(4096);

  constructor(readonly info: TextModelInfo) {
    this.featuriser = new TextFeaturiser(info.featuriser);
  }

  private normalise(inputs: readonly string[]): string[] {
    const texts = new Array<string>(inputs.length);
    for (let i = 0; i < inputs.length; i++) texts[i] = normaliseText(typeof inputs[i] === 'string' ? inputs[i]! : String(inputs[i] ?? ''));
    return texts;
  }

  encode(inputs: readonly string[]): FeatureBatch {
    return this.featuriser.featuriseBatch(this.normalise(inputs));
  }

  /**
   * Encodes a batch as groups of rows with similar feature counts, so one long input does not pad every
   * other row to its width (padding costs the model as much as real features).
   */
  encodeGrouped(inputs: readonly string[], maxGroup = 64): FeatureGroup[] {
    if (inputs.length <= 1) return [{ rows: Int32Array.of(0), batch: this.encode(inputs) }].slice(0, inputs.length);
    const texts = this.normalise(inputs);
    let total = 0;
    for (const t of texts) total += this.featuriser.capacity(t.length);
    if (this.scratchIds.length < total) {
      this.scratchIds = new Int32Array(total);
      this.scratchWeights = new Float32Array(total);
    }
    const offsets = new Int32Array(texts.length);
    const counts = new Int32Array(texts.length);
    let at = 0;
    for (let i = 0; i < texts.length; i++) {
      offsets[i] = at;
      counts[i] = this.featuriser.featuriseInto(texts[i]!, this.scratchIds, this.scratchWeights, at);
      at += counts[i]!;
    }
    const order = Array.from(texts.keys()).sort((a, b) => counts[a]! - counts[b]!);
    const groups: FeatureGroup[] = [];
    for (let start = 0; start < order.length;) {
      const narrowest = counts[order[start]!]!;
      let end = start + 1;
      while (end < order.length && end - start < maxGroup && counts[order[end]!]! <= narrowest * 1.5 + 16) end++;
      const width = counts[order[end - 1]!]!;
      const rows = Int32Array.from(order.slice(start, end));
      const ids = new Int32Array(rows.length * width);
      const weights = new Float32Array(rows.length * width);
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        ids.set(this.scratchIds.subarray(offsets[i]!, offsets[i]! + counts[i]!), r * width);
        weights.set(this.scratchWeights.subarray(offsets[i]!, offsets[i]! + counts[i]!), r * width);
      }
      groups.push({ rows, batch: { ids, weights, batch: rows.length, width } });
      start = end;
    }
    return groups;
  }
}

/**
 * Row-major probabilities [batch, labels] → one verdict per row, every known label scored. With `rows` and
 * `out`, row r's verdict goes to out[rows[r]] (for grouped batches).
 */
export function probsToVerdicts(
  probs: ArrayLike<number>, labels: readonly TextLabel[], batch: number, rows?: Int32Array, out: TextVerdict[] = new Array<TextVerdict>(batch),
): TextVerdict[] {
  const k = labels.length;
  for (let r = 0; r < batch; r++) {
    const scores = { benign: 0, sqli: 0, xss: 0, path_traversal: 0, cmd_injection: 0 } as Record<TextLabel, number>;
    let best = 0;
    for (let j = 0; j < k; j++) {
      const p = probs[r * k + j]!;
      scores[labels[j]!] = p;
      if (p > probs[r * k + best]!) best = j;
    }
    out[rows ? rows[r]! : r] = { label: labels[best]!, scores };
  }
  return out;
}
