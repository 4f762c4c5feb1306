import { WardenConfigError } from '../../errors.js';
import type { Command } from '../io.js';

/**
 * Commands that live in packages the serving core must not depend on (training is heavy);
 * they are loaded on demand and explained when missing.
 */
export function delegated(pkg: string, exportName: string): Command {
  return async (argv, io) => {
    let mod: Record<string, unknown>;
    try {
      mod = await import(pkg);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
        throw new WardenConfigError(`This command needs ${pkg}; install it with: npm install ${pkg}`, 'WARDEN_MISSING_PACKAGE');
      }
      throw err;
    }
    const command = (mod[exportName] ?? (mod.default as Record<string, unknown> | undefined)?.[exportName]) as Command | undefined;
    if (typeof command !== 'function') throw new WardenConfigError(`${pkg} does not provide ${exportName}; update it.`, 'WARDEN_MISSING_PACKAGE');
    return command(argv, io);
  };
}
