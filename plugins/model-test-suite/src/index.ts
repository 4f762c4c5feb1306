export type { FileTextClassifier, ModelBackend } from './backend.js';
export { COMPAT5, sessionModelSuite } from './session-model-suite.js';
export { textModelSuite } from './text-model-suite.js';
export { withTempDir } from './helpers.js';
