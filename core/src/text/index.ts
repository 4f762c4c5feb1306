export { normaliseText, NORMALISER_VERSION, MAX_RAW_CHARS, MAX_NORMALISED_CHARS } from './normalise.js';
export { decodeOnce, percentDecode, decodeHtmlEntities, decodeJsEscapes } from './decode.js';
export {
  TextFeaturiser, DEFAULT_FEATURISER, BIAS_ID, type FeaturiserConfig, type FeatureBatch,
} from './featurise.js';
export {
  parseTextModelInfo, TextInputEncoder, probsToVerdicts, type TextModelInfo, type FeatureGroup, type SparseFeatureBatch,
} from './serving.js';
export { PooledTextEncoder } from './pooled-encoder.js';
