import { WardenConfigError } from '@session-warden/core';

/** Keras layers the importer converts (TensorFlow.js layers has the same class and config names). */
export const SUPPORTED_LAYERS = new Set([
  'InputLayer', 'Dense', 'Conv1D', 'Embedding', 'Dropout', 'SpatialDropout1D', 'Flatten', 'Reshape', 'Activation',
  'ThresholdedReLU', 'ReLU', 'LeakyReLU', 'ELU', 'Softmax', 'PReLU',
  'MaxPooling1D', 'AveragePooling1D', 'GlobalMaxPooling1D', 'GlobalAveragePooling1D',
  'Concatenate', 'Add', 'BatchNormalization',
]);

export const SUPPORTED_ACTIVATIONS = new Set([
  'linear', 'relu', 'relu6', 'sigmoid', 'hard_sigmoid', 'tanh', 'softmax', 'softplus', 'softsign', 'elu', 'selu', 'swish', 'gelu', 'exponential',
]);

interface LayerJson { class_name: string; config: Record<string, unknown> }

/** Every layer of a Sequential or functional config, including those of nested models. */
export function layersOf(modelConfig: LayerJson): LayerJson[] {
  const layers = (modelConfig.config.layers ?? []) as LayerJson[];
  return layers.flatMap((l) => (Array.isArray(l.config?.layers) ? [l, ...layersOf(l)] : [l]));
}

/** Refuses a model with a layer or activation the importer does not convert, naming each one. */
export function checkSupported(modelConfig: LayerJson, file: string): void {
  const problems: string[] = [];
  for (const layer of layersOf(modelConfig)) {
    const nested = layer.class_name === 'Sequential' || layer.class_name === 'Functional' || layer.class_name === 'Model';
    if (!nested && !SUPPORTED_LAYERS.has(layer.class_name)) problems.push(`layer ${String(layer.config.name)} (${layer.class_name})`);
    const activation = layer.config.activation;
    if (typeof activation === 'string' && !SUPPORTED_ACTIVATIONS.has(activation)) problems.push(`activation "${activation}" of layer ${String(layer.config.name)}`);
  }
  if (problems.length) {
    throw new WardenConfigError(`${file} uses what the Keras importer does not convert: ${problems.join(', ')}. `
      + `Supported layers: ${[...SUPPORTED_LAYERS].join(', ')}; activations: ${[...SUPPORTED_ACTIVATIONS].join(', ')}.`, 'WARDEN_KERAS_UNSUPPORTED');
  }
}
