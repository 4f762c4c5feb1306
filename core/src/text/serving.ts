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

/** Normalises and featurises a batch the way the model was trained. Not shared across concurrent calls: it reuses scratch buffers. */
export class TextInputEncoder {
  private readonly featuriser: TextFeaturiser;

  constructor(readonly info: TextModelInfo) {
    this.featuriser = new TextFeaturiser(info.featuriser);
  }

  encode(inputs: readonly string[]): FeatureBatch {
    const texts = new Array<string>(inputs.length);
    for (let i = 0; i < inputs.length; i++) texts[i] = normaliseText(typeof inputs[i] === 'string' ? inputs[i]! : String(inputs[i] ?? ''));
    return this.featuriser.featuriseBatch(texts);
  }
}

/** Row-major probabilities [batch, labels] → one verdict per row, every known label scored. */
export function probsToVerdicts(probs: ArrayLike<number>, labels: readonly TextLabel[], batch: number): TextVerdict[] {
  const k = labels.length;
  const out = new Array<TextVerdict>(batch);
  for (let r = 0; r < batch; r++) {
    const scores = { benign: 0, sqli: 0, xss: 0, path_traversal: 0, cmd_injection: 0 } as Record<TextLabel, number>;
    let best = 0;
    for (let j = 0; j < k; j++) {
      const p = probs[r * k + j]!;
      scores[labels[j]!] = p;
      if (p > probs[r * k + best]!) best = j;
    }
    out[r] = { label: labels[best]!, scores };
  }
  return out;
}
