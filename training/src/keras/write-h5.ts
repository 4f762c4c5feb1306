import type * as tf from '@tensorflow/tfjs';
import { loadH5wasm } from '@session-warden/model-tfjs';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The config as Keras 3 would write it (module/registered_name, dtype policies, batch_shape). */
export function asKeras3Config(config: Json): Json {
  if (Array.isArray(config)) return config.map(asKeras3Config);
  if (config === null || typeof config !== 'object') return config;
  const out: { [k: string]: Json } = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'batch_input_shape') out.batch_shape = asKeras3Config(value);
    else if (key === 'dtype' && typeof value === 'string') out.dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: value }, registered_name: null };
    else out[key] = asKeras3Config(value);
  }
  if (typeof out.class_name === 'string' && 'config' in out) { out.module = 'keras.layers'; out.registered_name = null; }
  if (Array.isArray(out.inbound_nodes)) out.inbound_nodes = (config.inbound_nodes as Json[][]).map(keras3Node);
  return out;
}

/** Keras 2 `[[layer, node, tensor, kwargs], …]` → Keras 3 `{ args: [tensor or [tensors]], kwargs }`. */
function keras3Node(node: Json[]): Json {
  const tensors = node.map((ref) => {
    const [layer, index, tensor] = ref as [string, number, number];
    return { class_name: '__keras_tensor__', config: { shape: null, dtype: 'float32', keras_history: [layer, index, tensor] } };
  });
  return { args: tensors.length === 1 ? [tensors[0]!] : [tensors], kwargs: {} };
}

/**
 * Writes a model the way Keras 2.x `model.save('x.h5')` lays it out (root attributes
 * `model_config`, `keras_version`, `backend`; `model_weights/<layer>/<layer>/<weight>:0` datasets
 * listed by each layer group's `weight_names`), so the importer is tested on files the project
 * writes itself. `keras3: true` writes the config the way Keras 3 does instead.
 */
export async function writeKerasH5(file: string, model: tf.LayersModel, opts: { keras3?: boolean } = {}): Promise<void> {
  const h5 = await loadH5wasm();
  const config = model.toJSON(null, false) as unknown as Json;
  const f = new h5.File(file, 'w');
  try {
    f.create_attribute('model_config', JSON.stringify(opts.keras3 ? asKeras3Config(config) : config));
    f.create_attribute('keras_version', opts.keras3 ? '3.3.3' : '2.15.0');
    f.create_attribute('backend', 'tensorflow');
    const root = f.create_group('model_weights');
    const layerNames = model.layers.map((l) => l.name);
    root.create_attribute('layer_names', layerNames);
    for (const layer of model.layers) {
      const group = root.create_group(layer.name);
      const names = layer.weights.map((w) => `${w.originalName}:0`);
      group.create_attribute('weight_names', names.length ? names : ['']);
      if (!names.length) continue;
      const inner = group.create_group(layer.name);
      layer.weights.forEach((w, i) => {
        const leaf = names[i]!.slice(layer.name.length + 1);
        inner.create_dataset({ name: leaf, data: w.read().dataSync() as Float32Array, shape: w.shape as number[] });
      });
    }
  } finally {
    f.close();
  }
}
