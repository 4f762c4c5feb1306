import type { TrustProxy } from '@session-warden/core';

/** WARDEN_TRUST_PROXY: "loopback" or a comma-separated list of proxy IPs/CIDRs (e.g. "10.0.0.0/8,192.168.1.5"). */
export function trustProxyFromEnv(value = process.env.WARDEN_TRUST_PROXY?.trim()): TrustProxy | undefined {
  if (!value) return undefined;
  if (value === 'loopback') return 'loopback';
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
