import { isAbsolute, resolve } from 'node:path';
import { WardenConfigError } from '../errors.js';

/** Where a model named by the options lives (`modelFile`, `textModelFile`, `dir_path` keep the older tools' meaning). */
export interface ModelLocation {
  modelFile?: string;
  dir_path?: string;
}

/** Where a session model lives: a location, or with none, which shipped variant. */
export type SessionModelLocation = ModelLocation & { variant?: FeatureModelVariant };

/**
 * No `modelFile` means the shipped model; an absolute `modelFile` is used as it is; a relative one
 * is read from `dir_path`, else the working directory. Every model backend resolves paths this way.
 */
export function resolveModelPath(location: ModelLocation, shipped: string): string {
  if (!location.modelFile) return shipped;
  if (isAbsolute(location.modelFile)) return location.modelFile;
  return resolve(location.dir_path ?? process.cwd(), location.modelFile);
}

/** The shipped session models: `default` (the rich feature set) or `compat5` (the older five, sesDuration in ms). */
export type FeatureModelVariant = 'default' | 'compat5';

/**
 * The base name every backend ships a session model variant under (`session-default`,
 * `session-compat5`); anything else is a configuration error that lists the choices.
 */
export function shippedSessionModelName(variant: FeatureModelVariant = 'default'): string {
  if (variant !== 'default' && variant !== 'compat5') {
    throw new WardenConfigError(`Unknown session model variant "${String(variant)}"; use 'default' or 'compat5'.`);
  }
  return `session-${variant}`;
}
