import { isAbsolute, resolve } from 'node:path';

/** Where a model named by the options lives (`modelFile`, `textModelFile`, `dir_path` keep the older tools' meaning). */
export interface ModelLocation {
  modelFile?: string;
  dir_path?: string;
}

/**
 * No `modelFile` means the shipped model; an absolute `modelFile` is used as it is; a relative one
 * is read from `dir_path`, else the working directory. Every model backend resolves paths this way.
 */
export function resolveModelPath(location: ModelLocation, shipped: string): string {
  if (!location.modelFile) return shipped;
  if (isAbsolute(location.modelFile)) return location.modelFile;
  return resolve(location.dir_path ?? process.cwd(), location.modelFile);
}
