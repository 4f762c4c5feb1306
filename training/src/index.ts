export * from './export/onnx-writer.js';
export * from './export/tfjs-writer.js';
