import type { WardenOptions } from './options.js';
import { resolveOptions } from './validate.js';

/** Checks a config module's options early (errors point at the config file) and returns them unchanged. */
export function defineConfig(options: WardenOptions): WardenOptions {
  resolveOptions(options);
  return options;
}
