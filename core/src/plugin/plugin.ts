import type { DependencyContainer } from 'tsyringe';
import type { ResolvedOptions } from '../config/options.js';
import type { PortName } from '../tokens.js';

/**
 * A plugin binds implementations of ports to DI tokens. Its manifest (name, provides, needs)
 * is checked at registration, before `register` runs.
 */
export interface WardenPlugin {
  readonly name: string;
  /** Ports this plugin binds (see TOKENS). */
  readonly provides: readonly PortName[];
  /** Names of plugins that must also be listed. */
  readonly needs?: readonly string[];
  register(container: DependencyContainer, options: ResolvedOptions): void | Promise<void>;
}

/** Identity helper that gives a plugin literal its type. */
export function definePlugin(plugin: WardenPlugin): WardenPlugin {
  return plugin;
}
