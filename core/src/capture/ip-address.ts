import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * Canonical text of an IP address, or null when `value` is not one.
 * IPv6 is lower-cased and compressed (so one client has one spelling in the blocklist),
 * an IPv6 zone (`%eth0`) is dropped, and IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes plain IPv4.
 */
export function normaliseIp(value: string | undefined | null): string | null {
  if (!value) return null;
  if (isIPv4(value)) return value;
  const zone = value.indexOf('%');
  const bare = zone === -1 ? value : value.slice(0, zone);
  if (!isIPv6(bare)) return null;
  const lower = bare.toLowerCase();
  if (lower.startsWith('::ffff:') && isIPv4(lower.slice(7))) return lower.slice(7);
  // The URL parser already implements RFC 5952 compression; cheaper than writing it again.
  const canonical = new URL(`http://[${lower}]`).hostname.slice(1, -1);
  const mapped = MAPPED_HEX.exec(canonical);
  if (!mapped) return canonical;
  const hi = parseInt(mapped[1]!, 16);
  const lo = parseInt(mapped[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * The IP in one hop of a forwarding header: `1.2.3.4`, `1.2.3.4:8080`, `[2001:db8::1]:443`,
 * `2001:db8::1`, optionally wrapped in double quotes (RFC 7239). Null for anything else
 * (`unknown`, obfuscated `_hidden` identifiers, garbage).
 */
export function ipFromHop(raw: string): string | null {
  let hop = raw.trim();
  if (hop.length > 1 && hop.startsWith('"') && hop.endsWith('"')) hop = hop.slice(1, -1).replace(/\\(.)/g, '$1').trim();
  if (hop.startsWith('[')) {
    const close = hop.indexOf(']');
    if (close === -1) return null;
    const rest = hop.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return normaliseIp(hop.slice(1, close));
  }
  const colon = hop.indexOf(':');
  if (colon !== -1 && colon === hop.lastIndexOf(':')) {
    // Exactly one colon: IPv4 with a port (a bare IPv6 address has at least two).
    const port = hop.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return null;
    hop = hop.slice(0, colon);
    return isIPv4(hop) ? hop : null;
  }
  return normaliseIp(hop);
}
