import { compileIpList, rememberAnswers, type IpMatcher } from '../capture/ip-matcher.js';
import { normaliseIp } from '../capture/ip-address.js';

const cache = new WeakMap<readonly string[], IpMatcher>();

/** True when `ip` (any spelling) is in `allowIPs` (IPs or CIDRs); such clients are never blocked. */
export function isAllowedIp(ip: string, allowIPs: readonly string[]): boolean {
  if (allowIPs.length === 0) return false;
  let matcher = cache.get(allowIPs);
  if (!matcher) {
    const list = compileIpList(allowIPs, 'allowIPs');
    // Remembered by the spelling asked about, so a hot client skips normalising too.
    matcher = rememberAnswers((raw) => {
      const address = normaliseIp(raw);
      return address !== null && list(address);
    });
    cache.set(allowIPs, matcher);
  }
  return matcher(ip);
}
