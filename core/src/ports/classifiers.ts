import type { Mode } from './mode.js';

export const TEXT_LABELS = ['benign', 'sqli', 'xss', 'path_traversal', 'cmd_injection'] as const;
export type TextLabel = (typeof TEXT_LABELS)[number];

export interface TextVerdict {
  label: TextLabel;
  scores: Record<TextLabel, number>;
}

/** Labels request inputs. One call per batch keeps the per-call overhead off each input. */
export interface TextClassifier {
  readonly name: string;
  /** Unset means `live`. */
  readonly mode?: Mode;
  /**
   * True when an input's verdict depends on that input alone (not on the rest of the batch, not
   * on earlier calls): the pipeline may then reuse the verdicts of inputs it has seen recently
   * instead of asking again. Leave it unset for a model that learns or calls out.
   */
  readonly deterministic?: boolean;
  classify(inputs: readonly string[]): Promise<TextVerdict[]>;
}

export interface FeatureVerdict {
  label: 'normal' | 'abnormal';
  /** Probability of `abnormal`. */
  score: number;
}

/** Classifies sessions from their numeric features. */
export interface FeatureClassifier {
  readonly name: string;
  /** Unset means `live`. */
  readonly mode?: Mode;
  /** The features the model reads, in the order it reads them. */
  readonly featureNames: readonly string[];
  classify(rows: readonly Readonly<Record<string, number>>[]): Promise<FeatureVerdict[]>;
}
