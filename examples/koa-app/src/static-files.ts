import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

/** Serves the few files of `dir` under `prefix`; names are checked, so no path can leave the folder. */
export function staticFiles(prefix: string, dir: string) {
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (!ctx.path.startsWith(prefix)) return next();
    const name = ctx.path.slice(prefix.length);
    if (!/^[a-z0-9-]+\.[a-z]+$/.test(name) || !TYPES[extname(name)]) return next();
    try {
      ctx.body = await readFile(join(dir, name));
      ctx.type = TYPES[extname(name)]!;
      ctx.set('Cache-Control', 'public, max-age=300');
    } catch {
      return next();
    }
  };
}
