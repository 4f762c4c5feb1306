import type { SessionView } from './session.js';

/** A feature is a number, or (for `reqBodiesData`) the session's text inputs by field. */
export type FeatureValue = number | Readonly<Record<string, string>>;

/** Session → named feature values. Feature names are unique across all registered extractors. */
export interface FeatureExtractor {
  readonly name: string;
  /** The feature names this extractor produces, declared up front so clashes are caught at registration. */
  readonly features: readonly string[];
  extract(session: SessionView): Record<string, FeatureValue>;
}
