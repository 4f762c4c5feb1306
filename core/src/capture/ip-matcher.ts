import { BlockList, isIPv4 } from 'node:net';
import { WardenConfigError } from '../errors.js';
import type { TrustProxy } from '../config/options.js';
import { normaliseIp } from './ip-address.js';

/** Answers whether a (normalised) IP belongs to a configured set. */
export type IpMatcher = (ip: string) => boolean;

/** Named ranges, as Express's `trust proxy` understands them. */
const PRESETS: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

function addEntry(list: BlockList, entry: string, option: string): void {
  const preset = PRESETS[entry.trim().toLowerCase()];
  if (preset) {
    for (const range of preset) addEntry(list, range, option);
    return;
  }
  const [address = '', prefixText, extra] = entry.trim().split('/');
  const ip = normaliseIp(address);
  const family = ip && isIPv4(ip) ? 'ipv4' : 'ipv6';
  const max = family === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!ip || extra !== undefined || !/^\d+$/.test(prefixText ?? String(max)) || prefix > max) {
    throw new WardenConfigError(`Option "${option}" has "${entry}", which is not an IP address or CIDR range; `
      + `write e.g. "10.0.0.0/8", "2001:db8::/32", "203.0.113.7" or one of ${Object.keys(PRESETS).join(', ')}.`);
  }
  list.addSubnet(ip, prefix, family);
}

/** Distinct IPs whose answers a matcher remembers; past this it starts afresh. */
const REMEMBERED_IPS = 8192;

/**
 * `match` with its answers remembered per IP. Why: BlockList.check builds a SocketAddress on
 * every call (several µs), and a server sees the same few clients over and over.
 */
export function rememberAnswers(match: IpMatcher, limit = REMEMBERED_IPS): IpMatcher {
  let answers = new Map<string, boolean>();
  return (ip) => {
    let answer = answers.get(ip);
    if (answer === undefined) {
      answer = match(ip);
      if (answers.size >= limit) answers = new Map();
      answers.set(ip, answer);
    }
    return answer;
  };
}

/**
 * Compiles a list of IPs, CIDR ranges (IPv4 and IPv6) and presets into one matcher. It takes an IP
 * in any spelling (IPv4-mapped, upper-case IPv6); anything that is not an IP is not in the list.
 * Throws a WardenConfigError naming `option` when an entry is malformed.
 */
export function compileIpList(entries: readonly string[], option = 'allowIPs'): IpMatcher {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) addEntry(list, entry, option);
  // Remembered by the spelling asked about, so a known client skips normalising too.
  return rememberAnswers((raw) => {
    const ip = normaliseIp(raw);
    return ip !== null && list.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
  });
}

/** The `trustProxy` option as a matcher; undefined trusts no one. */
export function compileTrustProxy(trustProxy: TrustProxy | undefined): IpMatcher {
  if (trustProxy === undefined) return () => false;
  if (typeof trustProxy === 'function') {
    return (ip) => {
      try {
        return trustProxy(ip) === true;
      } catch {
        return false; // a throwing user function must not take the request down; trust nothing instead
      }
    };
  }
  return compileIpList(trustProxy === 'loopback' ? ['loopback'] : trustProxy, 'trustProxy');
}
