export * from './export/onnx-writer.js';
export * from './export/tfjs-writer.js';
export { trainText, evalText, CHECK_SET } from './text/cli.js';
export { generateTextDataset, isHeldOut, GENERATOR_VERSION, type LabelledText } from './text/generators/dataset.js';
export { exportTextModel, textModelToOnnx, textModelToTfjs } from './text/export-text.js';
export { readTextData } from './text/data-files.js';
