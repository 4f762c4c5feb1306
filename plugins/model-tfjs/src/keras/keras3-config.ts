import { WardenConfigError } from '@session-warden/core';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keras 3 writes `module`/`registered_name` beside every class and dtype policies as objects. */
export function isKeras3Config(config: Json): boolean {
  return JSON.stringify(config).includes('"registered_name"') || JSON.stringify(config).includes('"DTypePolicy"');
}

/**
 * Rewrites a Keras 3 model config in the Keras 2 shape TensorFlow.js reads: drops `module`,
 * `registered_name`, `build_config` and `compile_config`, turns dtype policies into their dtype,
 * `batch_shape` into `batch_input_shape`, and functional `inbound_nodes` in the Keras 3 form
 * (`{args, kwargs}` with `keras_history`) into the Keras 2 node lists. Anything else Keras 3 only
 * (a layer class Keras 2 lacks) is refused later by the supported-layer check, by name.
 */
export function keras3ToKeras2(config: Json, file: string): Json {
  if (Array.isArray(config)) return config.map((c) => keras3ToKeras2(c, file));
  if (config === null || typeof config !== 'object') return config;
  if (config.class_name === 'DTypePolicy' || config.class_name === 'FloatDTypePolicy') {
    const inner = config.config as { name?: string } | undefined;
    return inner?.name ?? 'float32';
  }
  if (config.class_name === '__keras_tensor__') {
    const history = (config.config as { keras_history?: Json[] }).keras_history;
    if (!history) throw new WardenConfigError(`${file}: a Keras 3 tensor reference without keras_history cannot be converted.`, 'WARDEN_KERAS_UNSUPPORTED');
    return [...history, {}];
  }
  const out: { [k: string]: Json } = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'module' || key === 'registered_name' || key === 'build_config' || key === 'compile_config') continue;
    if (key === 'batch_shape') { out.batch_input_shape = keras3ToKeras2(value, file); continue; }
    if (key === 'inbound_nodes' && Array.isArray(value)) { out.inbound_nodes = value.map((node) => inboundNode(node, file)); continue; }
    out[key] = keras3ToKeras2(value, file);
  }
  return out;
}

/** Keras 3 `{ args: [tensor | [tensors]], kwargs }` → Keras 2 `[[layer, node, tensor, kwargs], …]`. */
function inboundNode(node: Json, file: string): Json {
  if (Array.isArray(node)) return keras3ToKeras2(node, file);
  if (node === null || typeof node !== 'object' || !Array.isArray(node.args)) return keras3ToKeras2(node, file);
  const first = node.args[0];
  const tensors = Array.isArray(first) ? first : [first];
  return tensors.map((t) => keras3ToKeras2(t as Json, file));
}
