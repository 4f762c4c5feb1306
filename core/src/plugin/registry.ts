import type { DependencyContainer } from 'tsyringe';
import type { ResolvedOptions } from '../config/options.js';
import { WardenConfigError } from '../errors.js';
import { PORT_NAMES, SINGLE_PORTS, TOKENS, type PortName } from '../tokens.js';
import type { WardenPlugin } from './plugin.js';

function checkManifest(plugin: WardenPlugin, index: number): void {
  if (typeof plugin !== 'object' || plugin === null || typeof plugin.name !== 'string' || !plugin.name) {
    throw new WardenConfigError(`Plugin #${index + 1} has no name. A plugin is { name, provides, register(container) }; did you list a factory without calling it (e.g. defaultFeatures instead of defaultFeatures())?`, 'WARDEN_PLUGIN');
  }
  if (typeof plugin.register !== 'function') {
    throw new WardenConfigError(`Plugin "${plugin.name}" has no register(container) function.`, 'WARDEN_PLUGIN');
  }
  if (!Array.isArray(plugin.provides)) {
    throw new WardenConfigError(`Plugin "${plugin.name}" must declare provides: an array of ports (${PORT_NAMES.join(', ')}).`, 'WARDEN_PLUGIN');
  }
  for (const port of plugin.provides) {
    if (!PORT_NAMES.includes(port)) {
      throw new WardenConfigError(`Plugin "${plugin.name}" provides unknown port "${String(port)}". Known ports: ${PORT_NAMES.join(', ')}.`, 'WARDEN_PLUGIN_PORT');
    }
  }
}

function checkSet(plugins: readonly WardenPlugin[]): void {
  const names = new Set<string>();
  const singleOwner = new Map<PortName, string>();
  for (const plugin of plugins) {
    if (names.has(plugin.name)) {
      throw new WardenConfigError(`Plugin "${plugin.name}" is listed twice; list each plugin once.`, 'WARDEN_PLUGIN_DUPLICATE');
    }
    names.add(plugin.name);
    for (const port of plugin.provides.filter((p) => SINGLE_PORTS.includes(p))) {
      const other = singleOwner.get(port);
      if (other) {
        throw new WardenConfigError(`Plugins "${other}" and "${plugin.name}" both provide ${port}, of which there can be only one; remove one of them.`, 'WARDEN_PLUGIN_CONFLICT');
      }
      singleOwner.set(port, plugin.name);
    }
  }
  for (const plugin of plugins) {
    for (const need of plugin.needs ?? []) {
      if (!names.has(need)) {
        throw new WardenConfigError(`Plugin "${plugin.name}" needs plugin "${need}"; add it to plugins in your config.`, 'WARDEN_PLUGIN_MISSING');
      }
    }
  }
}

/** Feature names must be unique across extractors, or one would silently overwrite another. */
function checkFeatureNames(container: DependencyContainer): void {
  if (!container.isRegistered(TOKENS.FeatureExtractor, true)) return;
  const owner = new Map<string, string>();
  for (const extractor of container.resolveAll(TOKENS.FeatureExtractor)) {
    for (const feature of extractor.features) {
      const other = owner.get(feature);
      if (other !== undefined) {
        throw new WardenConfigError(`Feature "${feature}" is produced by both "${other}" and "${extractor.name}"; rename one of them (feature names must be unique).`, 'WARDEN_FEATURE_DUPLICATE');
      }
      owner.set(feature, extractor.name);
    }
  }
}

/** Checks every manifest, then lets each plugin bind its implementations, then checks the result. */
export async function registerPlugins(
  container: DependencyContainer, plugins: readonly WardenPlugin[], options: ResolvedOptions,
): Promise<void> {
  plugins.forEach(checkManifest);
  checkSet(plugins);
  for (const plugin of plugins) {
    await plugin.register(container, options);
    for (const port of plugin.provides) {
      if (!container.isRegistered(TOKENS[port] as symbol, true)) {
        throw new WardenConfigError(`Plugin "${plugin.name}" declares it provides ${port} but registered nothing for it.`, 'WARDEN_PLUGIN');
      }
    }
  }
  checkFeatureNames(container);
}
