import { loadConfig } from '../config/load.js';
import type { WardenOptions } from '../config/options.js';

/** Options from the config module, with `--storage` overriding its storage. */
export async function optionsFrom(values: { config?: string; storage?: string }): Promise<WardenOptions> {
  const options = await loadConfig(values.config);
  return values.storage ? { ...options, storage: values.storage } : options;
}
