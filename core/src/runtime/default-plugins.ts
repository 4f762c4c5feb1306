import type { ResolvedOptions } from '../config/options.js';
import { WardenConfigError } from '../errors.js';
import type { WardenPlugin } from '../plugin/plugin.js';
import type { PortName } from '../tokens.js';

/** The plugin package that fills a port nobody listed, when it is installed. */
const DEFAULT_PACKAGES: { port: PortName; pkg: string; required: boolean }[] = [
  { port: 'Sessionizer', pkg: '@session-warden/sessionizer-time', required: true },
  { port: 'FeatureExtractor', pkg: '@session-warden/features-default', required: true },
  { port: 'TextClassifier', pkg: '@session-warden/model-onnx', required: false },
];

function wanted(port: PortName, options: ResolvedOptions): boolean {
  if (port === 'Sessionizer') return options.groupToSessions && !options.custGroupToSess;
  if (port === 'TextClassifier') return options.useModels && options.classifier === 'in-process';
  return true;
}

async function importPlugin(pkg: string): Promise<WardenPlugin | undefined> {
  let mod: { default?: unknown };
  try {
    mod = await import(pkg);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || (err as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
  const factory = (mod.default as { default?: unknown } | undefined)?.default ?? mod.default;
  if (typeof factory !== 'function') throw new WardenConfigError(`Package ${pkg} has no default plugin factory export.`, 'WARDEN_PLUGIN');
  return (factory as () => WardenPlugin)();
}

/**
 * Core never imports a plugin; it loads the installed default for each port the config leaves
 * empty, so `app.use(warden())` works like the older middleware with no plugin list at all.
 */
export async function defaultPlugins(listed: readonly WardenPlugin[], options: ResolvedOptions): Promise<WardenPlugin[]> {
  const provided = new Set(listed.flatMap((p) => p.provides ?? []));
  const names = new Set(listed.map((p) => p.name));
  const extra: WardenPlugin[] = [];
  for (const { port, pkg, required } of DEFAULT_PACKAGES) {
    if (provided.has(port) || !wanted(port, options)) continue;
    const plugin = await importPlugin(pkg);
    if (!plugin) {
      if (required) throw new WardenConfigError(`No plugin provides ${port}. Install ${pkg} (npm install ${pkg}) or list a plugin that provides ${port} in your config.`, 'WARDEN_PLUGIN_MISSING');
      continue;
    }
    if (names.has(plugin.name)) continue;
    plugin.provides.forEach((p) => provided.add(p));
    names.add(plugin.name);
    extra.push(plugin);
  }
  return extra;
}
