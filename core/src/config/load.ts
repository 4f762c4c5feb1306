import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WardenConfigError } from '../errors.js';
import type { WardenOptions } from './options.js';

/** Looked for in this order in the working directory; `.ts` configs are loaded once compiled to `.js`. */
export const CONFIG_FILES = ['warden.config.js', 'warden.config.mjs', 'warden.config.cjs'] as const;

/** Finds the config module (explicit path, else the first CONFIG_FILES match in `cwd`); undefined when there is none. */
export function findConfigFile(explicit?: string, cwd = process.cwd()): string | undefined {
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) {
      const hint = path.endsWith('.ts') ? ' Compile it first (tsc) and point at the .js file.' : '';
      throw new WardenConfigError(`Config file ${path} does not exist.${hint}`, 'WARDEN_CONFIG_FILE');
    }
    if (path.endsWith('.ts')) {
      throw new WardenConfigError(`Config file ${path} is TypeScript; compile it (tsc) and pass the .js file.`, 'WARDEN_CONFIG_FILE');
    }
    return path;
  }
  return CONFIG_FILES.map((f) => resolve(cwd, f)).find((p) => existsSync(p));
}

/** Loads a config module's default export (or module.exports). */
export async function loadConfig(explicit?: string, cwd = process.cwd()): Promise<WardenOptions> {
  const path = findConfigFile(explicit, cwd);
  if (!path) return {};
  let mod: { default?: unknown };
  try {
    mod = await import(pathToFileURL(path).href);
  } catch (err) {
    throw new WardenConfigError(`Could not load config file ${path}: ${(err as Error).message}`, 'WARDEN_CONFIG_FILE');
  }
  let options: unknown = mod.default ?? mod;
  // A CommonJS module compiled from `export default` arrives as { default: { default: ... } }.
  if (typeof options === 'object' && options !== null && 'default' in options && Object.keys(options).length === 1) {
    options = (options as { default: unknown }).default;
  }
  if (typeof options !== 'object' || options === null) {
    throw new WardenConfigError(`Config file ${path} must export the options object (export default defineConfig({...})).`, 'WARDEN_CONFIG_FILE');
  }
  return options as WardenOptions;
}
