import { defineConfig } from '@session-warden/core';
import { defaultFeatures } from '@session-warden/features-default';
import { numOfGetReqs } from './num-of-get-reqs.js';
import { perUserAgentSessionizer } from './per-user-agent-sessionizer.js';

/** Compiled to dist/src/warden.config.js; pass it with `warden serve --config`. */
export default defineConfig({
  storage: { type: 'sqlite', database: 'warden.db' },
  plugins: [perUserAgentSessionizer(), defaultFeatures(), numOfGetReqs],
  useModels: false,
});
