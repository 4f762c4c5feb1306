import { defineConfig } from '@session-warden/core';
import { trustProxyFromEnv } from '@session-warden/example-shop-site';

/** Session Warden's settings for this site; the older middleware's option names and defaults. */
export default defineConfig({
  storage: { type: 'sqlite', database: 'warden.db' },
  blockIP: process.env.WARDEN_BLOCK_IP === '1',
  maxAbnormal: 2,
  blockDuration: 60,
  sessTimeThres: 15,
  trustProxy: trustProxyFromEnv(),
  loginPaths: ['/login'],
  handleSignals: true,
});
