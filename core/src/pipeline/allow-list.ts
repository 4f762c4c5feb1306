import { compileIpList, type IpMatcher } from '../capture/ip-matcher.js';

const cache = new WeakMap<readonly string[], IpMatcher>();

/** True when `ip` (any spelling) is in `allowIPs` (IPs or CIDRs); such clients are never blocked. */
export function isAllowedIp(ip: string, allowIPs: readonly string[]): boolean {
  if (allowIPs.length === 0) return false;
  let matcher = cache.get(allowIPs);
  if (!matcher) {
    matcher = compileIpList(allowIPs, 'allowIPs');
    cache.set(allowIPs, matcher);
  }
  return matcher(ip);
}
