import 'reflect-metadata';

export * from './ports/index.js';
export * from './errors.js';
export { TOKENS, PORT_NAMES, type PortName } from './tokens.js';
export type { WardenOptions, ResolvedOptions, StorageOptions, TrustProxy, Mode } from './config/options.js';
export { DEFAULTS } from './config/options.js';
export { resolveOptions, normaliseStorage } from './config/validate.js';
export { defineConfig } from './config/define.js';
export { loadConfig, findConfigFile, CONFIG_FILES } from './config/load.js';
export { definePlugin, type WardenPlugin } from './plugin/plugin.js';
export { registerPlugins } from './plugin/registry.js';
export * from './text/index.js';
