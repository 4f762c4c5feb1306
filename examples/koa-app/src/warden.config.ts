import { defineConfig, type TrustProxy } from '@session-warden/core';

/** WARDEN_TRUST_PROXY: "loopback" or a comma-separated list of proxy IPs/CIDRs (e.g. "10.0.0.0/8,192.168.1.5"). */
function trustProxyFromEnv(value = process.env.WARDEN_TRUST_PROXY?.trim()): TrustProxy | undefined {
  if (!value) return undefined;
  if (value === 'loopback') return 'loopback';
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

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
