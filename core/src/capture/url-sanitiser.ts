import { REDACTED, redactString, type ValuePattern } from './sensitive-values.js';

export interface SanitisedUrl {
  path: string;
  /** Raw query string without the leading `?`, secrets replaced. */
  query: string;
  truncated: boolean;
}

export interface UrlSanitiserOptions {
  isSensitiveKey: (key: string) => boolean;
  valuePatterns: readonly ValuePattern[];
  maxPathLength: number;
  maxQueryLength: number;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // malformed escapes are attack material too: keep them as sent
  }
}

/** Redacts query values by key name and by value pattern, leaving every other pair byte-for-byte as sent. */
export function redactQuery(query: string, options: Pick<UrlSanitiserOptions, 'isSensitiveKey' | 'valuePatterns'>): string {
  if (query === '') return query;
  let changed = false;
  const pairs = query.split('&');
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const rawKey = pair.slice(0, eq);
    const rawValue = pair.slice(eq + 1);
    if (rawValue === '') continue;
    if (options.isSensitiveKey(decodeComponent(rawKey))) {
      pairs[i] = `${rawKey}=${REDACTED}`;
      changed = true;
      continue;
    }
    const value = decodeComponent(rawValue);
    const redacted = redactString(value, options.valuePatterns);
    if (redacted !== value) {
      pairs[i] = `${rawKey}=${encodeURIComponent(redacted).replace(/%5B/g, '[').replace(/%5D/g, ']')}`;
      changed = true;
    }
  }
  return changed ? pairs.join('&') : query;
}

/**
 * Splits a request target into path and query, redacts the query, and truncates either part
 * past its limit (flagged, never dropped: a long URL is often the attack itself).
 */
export function sanitiseUrl(url: string, options: UrlSanitiserOptions): SanitisedUrl {
  const mark = url.indexOf('?');
  let path = mark === -1 ? url : url.slice(0, mark);
  let query = mark === -1 ? '' : url.slice(mark + 1);
  const hash = query.indexOf('#');
  if (hash !== -1) query = query.slice(0, hash);
  let truncated = false;
  // Paths carry secrets too (reset links with a JWT, card numbers in REST paths); 13 chars is the shortest card number.
  if (path.length >= 13) path = redactString(path, options.valuePatterns);
  if (path.length > options.maxPathLength) {
    path = path.slice(0, options.maxPathLength);
    truncated = true;
  }
  if (query.length > options.maxQueryLength) {
    // Cut before redacting would be unsafe (a secret could straddle the cut), so redact first.
    query = redactQuery(query, options).slice(0, options.maxQueryLength);
    truncated = true;
  } else {
    query = redactQuery(query, options);
  }
  return { path: path === '' ? '/' : path, query, truncated };
}

/** A header URL (Referer) with its query redacted the same way, so a reset token in the previous page's URL is not kept. */
export function redactUrlText(url: string, options: Pick<UrlSanitiserOptions, 'isSensitiveKey' | 'valuePatterns'>): string {
  const mark = url.indexOf('?');
  const head = redactString(mark === -1 ? url : url.slice(0, mark), options.valuePatterns);
  if (mark === -1) return head;
  return `${head}?${redactQuery(url.slice(mark + 1), options)}`;
}
