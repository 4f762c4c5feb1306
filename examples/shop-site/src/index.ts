import { join } from 'node:path';

export * from './catalogue.js';
export * from './pages.js';
export { trustProxyFromEnv } from './env.js';

/** The shop's static files (stylesheet, robots.txt). */
export const PUBLIC_DIR = join(__dirname, '..', '..', 'public');
