import { tfjsModels } from './plugin.js';

export { tfjsModels, type TfjsModelsOptions } from './plugin.js';
export {
  createTextClassifier, TfjsTextClassifier, DEFAULT_TEXT_MODEL, resolveTextModelPath, type TextClassifierOptions,
} from './text-classifier.js';
export { initTfjsBackend } from './tfjs-backend.js';
export { loadLayersModelFiles, type LayersModelFiles } from './layers-model-files.js';

/** The core runtime loads installed plugins with `(await import(name)).default()`. */
export default tfjsModels;
