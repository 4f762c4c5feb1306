export * from './export/onnx-writer.js';
export * from './export/tfjs-writer.js';
export { trainSession, evalSession } from './session/cli.js';
export { simulateSessions, SIMULATOR_VERSION, type SimulatedSession, type SimulationOptions } from './session/simulator/simulate.js';
export { trainSessionModel, exportSessionModel, DEFAULT_FEATURE_NAMES, COMPAT5_FEATURE_NAMES } from './session/train.js';
export { importKeras } from './keras/import-keras.js';
