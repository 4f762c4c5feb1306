import type {
  FeatureClassifier, ModelVerdict, SessionInput, TextClassifier, TextLabel,
} from '../ports/index.js';
import { WardenConfigError } from '../errors.js';

/** At most this many triggering inputs are kept per verdict, so one noisy session can't bloat its row. */
const MAX_TRIGGERS = 20;

/** Runs a text classifier over a session's distinct input values; abnormal when any input is labelled an attack. */
export async function textVerdict(model: TextClassifier, inputs: readonly SessionInput[]): Promise<ModelVerdict> {
  const values = [...new Set(inputs.map((i) => i.value))];
  const labels = values.length ? await model.classify(values) : [];
  const byValue = new Map(values.map((v, i) => [v, labels[i]!]));
  const triggers: NonNullable<ModelVerdict['triggers']> = [];
  let worst = 0;
  const classes = new Map<TextLabel, number>();
  for (const { field, value } of inputs) {
    const verdict = byValue.get(value)!;
    if (verdict.label === 'benign') continue;
    const score = verdict.scores[verdict.label];
    worst = Math.max(worst, score);
    classes.set(verdict.label, (classes.get(verdict.label) ?? 0) + 1);
    if (triggers.length < MAX_TRIGGERS) triggers.push({ field, value, label: verdict.label, score });
  }
  const abnormal = classes.size > 0;
  const reason = abnormal
    ? [...classes].map(([label, n]) => `${n} input${n === 1 ? '' : 's'} labelled ${label}`).join(', ')
    : `${values.length} distinct input${values.length === 1 ? '' : 's'}, all benign`;
  const benignFloor = labels.length ? Math.max(...labels.map((l) => 1 - l.scores.benign)) : 0;
  return { model: model.name, kind: 'text', abnormal, score: abnormal ? worst : benignFloor, reason, triggers };
}

/** Runs a feature classifier over the session's numeric features, in the order the model declares. */
export async function featureVerdict(model: FeatureClassifier, features: Readonly<Record<string, number>>): Promise<ModelVerdict> {
  const missing = model.featureNames.filter((name) => typeof features[name] !== 'number');
  if (missing.length) {
    throw new WardenConfigError(`Feature model "${model.name}" needs features ${missing.map((m) => `"${m}"`).join(', ')} that no registered extractor produces; add the plugin that computes them (e.g. defaultFeatures()).`, 'WARDEN_FEATURE_MISSING');
  }
  const [verdict] = await model.classify([features]);
  const abnormal = verdict!.label === 'abnormal';
  return {
    model: model.name, kind: 'feature', abnormal, score: verdict!.score,
    reason: `${abnormal ? 'abnormal' : 'normal'} session statistics (p(abnormal) = ${verdict!.score.toFixed(3)})`,
  };
}
