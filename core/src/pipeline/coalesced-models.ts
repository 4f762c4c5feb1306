import type { FeatureClassifier, TextClassifier } from '../ports/index.js';
import { CoalescedCalls } from './coalesced-calls.js';

/** The same text model, with calls made in one event-loop turn sent as one batch (equal inputs once). */
export function coalescedTextClassifier(model: TextClassifier): TextClassifier {
  const calls = new CoalescedCalls((inputs: readonly string[]) => model.classify(inputs), (input) => input);
  return { name: model.name, classify: (inputs) => calls.call(inputs) };
}

/** The same feature model, with calls made in one event-loop turn sent as one batch. */
export function coalescedFeatureClassifier(model: FeatureClassifier): FeatureClassifier {
  const calls = new CoalescedCalls((rows: readonly Readonly<Record<string, number>>[]) => model.classify(rows));
  return { name: model.name, featureNames: model.featureNames, classify: (rows) => calls.call(rows) };
}
