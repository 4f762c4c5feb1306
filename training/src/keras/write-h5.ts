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

/** One layer's weights as Keras stores them: names like `dense/kernel:0`. */
export interface KerasLayerWeights {
  layer: string;
  weights: { name: string; shape: number[]; data: Float32Array }[];
}

/**
 * Writes the parts of a Keras `.h5` the way Keras 2.x `model.save('x.h5')` lays them out: root
 * attributes `model_config`, `keras_version`, `backend`; `model_weights` with `layer_names`, and per
 * layer a group listing `weight_names` whose datasets sit at `model_weights/<layer>/<weight name>`.
 */
export async function writeKerasH5Parts(file: string, config: unknown, kerasVersion: string, layers: readonly KerasLayerWeights[]): Promise<void> {
  const h5 = await loadH5wasm();
  const f = new h5.File(file, 'w');
  try {
    f.create_attribute('model_config', JSON.stringify(config));
    f.create_attribute('keras_version', kerasVersion);
    f.create_attribute('backend', 'tensorflow');
    const root = f.create_group('model_weights');
    root.create_attribute('layer_names', layers.map((l) => l.layer));
    for (const layer of layers) {
      const group = root.create_group(layer.layer);
      group.create_attribute('weight_names', layer.weights.length ? layer.weights.map((w) => w.name) : ['']);
      for (const w of layer.weights) {
        const cut = w.name.lastIndexOf('/');
        const parent = cut < 0 ? group : ensureGroup(group, w.name.slice(0, cut));
        parent.create_dataset({ name: w.name.slice(cut + 1), data: w.data, shape: w.shape });
      }
    }
  } finally {
    f.close();
  }
}

type H5Group = ReturnType<Awaited<ReturnType<typeof loadH5wasm>>['File']['prototype']['create_group']>;

function ensureGroup(group: H5Group, path: string): H5Group {
  let g = group;
  for (const part of path.split('/')) g = (g.get(part) as H5Group | null) ?? g.create_group(part);
  return g;
}

/** Writes a TensorFlow.js model as Keras 2.x would save it (`keras3: true`: with the config Keras 3 writes). */
export async function writeKerasH5(file: string, model: tf.LayersModel, opts: { keras3?: boolean } = {}): Promise<void> {
  const config = model.toJSON(null, false) as unknown as Json;
  await writeKerasH5Parts(file, opts.keras3 ? asKeras3Config(config) : config, opts.keras3 ? '3.3.3' : '2.15.0', model.layers.map((layer) => ({
    layer: layer.name,
    weights: layer.weights.map((w) => ({ name: `${w.originalName}:0`, shape: w.shape as number[], data: w.read().dataSync() as Float32Array })),
  })));
}
