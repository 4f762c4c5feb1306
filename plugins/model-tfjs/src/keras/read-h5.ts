import { existsSync } from 'node:fs';
import { WardenConfigError } from '@session-warden/core';
import { checkSupported } from './supported-layers.js';
import { isKeras3Config, keras3ToKeras2 } from './keras3-config.js';

/** What a Keras `.h5` holds, in the shape tfjs's `io.fromMemory` takes. */
export interface KerasArtifacts {
  modelTopology: Record<string, unknown>;
  weightSpecs: { name: string; shape: number[]; dtype: 'float32' | 'int32' }[];
  weightData: ArrayBuffer;
  kerasVersion: string;
  convertedFromKeras3: boolean;
}

type H5 = typeof import('h5wasm/node').default;
let h5: Promise<H5> | undefined;

/** h5wasm is ESM-only; this package is CommonJS, so it is loaded with a dynamic import, once. */
export function loadH5wasm(): Promise<H5> {
  h5 ??= import('h5wasm/node').then(async (m) => { await m.default.ready; return m.default; });
  return h5;
}

const text = (v: unknown): string => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : String(v));

/**
 * Reads a Keras 2.x model saved as `.h5` (`model.save('model.h5')`): the JSON config from the root
 * `model_config` attribute and the weights from `model_weights/<layer>/<weight name>`, in the order
 * of each layer's `weight_names`. Keras 3 configs are rewritten into the Keras 2 shape.
 */
export async function readKerasH5(file: string): Promise<KerasArtifacts> {
  if (file.toLowerCase().endsWith('.keras')) {
    throw new WardenConfigError(`${file} is a Keras 3 ".keras" archive; save the model as .h5 (model.save("model.h5")) and import that.`, 'WARDEN_KERAS_UNSUPPORTED');
  }
  if (!existsSync(file)) throw new WardenConfigError(`Keras model ${file} does not exist.`);
  const lib = await loadH5wasm();
  const f = new lib.File(file, 'r');
  try {
    const configAttr = f.attrs.model_config;
    if (!configAttr) {
      throw new WardenConfigError(`${file} has no model_config attribute: it holds weights only (save_weights). Save the whole model with model.save("model.h5").`, 'WARDEN_KERAS_UNSUPPORTED');
    }
    let config = JSON.parse(text(configAttr.value)) as Record<string, unknown>;
    const kerasVersion = f.attrs.keras_version ? text(f.attrs.keras_version.value) : 'unknown';
    const keras3 = kerasVersion.startsWith('3') || isKeras3Config(config as never);
    if (keras3) config = keras3ToKeras2(config as never, file) as Record<string, unknown>;
    checkSupported(config as never, file);
    const root = (f.get('model_weights') ?? f) as InstanceType<H5['Group']>;
    const layerNames = root.attrs.layer_names ? (root.attrs.layer_names.value as unknown[]).map(text) : root.keys();
    const specs: KerasArtifacts['weightSpecs'] = [];
    const chunks: Float32Array[] = [];
    for (const layer of layerNames) {
      const group = root.get(layer) as InstanceType<H5['Group']> | null;
      if (!group?.attrs?.weight_names) continue;
      for (const weightName of (group.attrs.weight_names.value as unknown[]).map(text).filter(Boolean)) {
        const ds = group.get(weightName) as InstanceType<H5['Dataset']> | null;
        if (!ds) throw new WardenConfigError(`${file}: weight ${layer}/${weightName} is listed but missing.`);
        const values = Float32Array.from(ds.value as ArrayLike<number>);
        chunks.push(values);
        specs.push({ name: weightName.replace(/:0$/, ''), shape: ds.shape ?? [values.length], dtype: 'float32' });
      }
    }
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const data = new Float32Array(total);
    let at = 0;
    for (const c of chunks) { data.set(c, at); at += c.length; }
    return { modelTopology: config, weightSpecs: specs, weightData: data.buffer, kerasVersion, convertedFromKeras3: keras3 };
  } finally {
    f.close();
  }
}
