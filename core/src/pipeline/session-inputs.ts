import type { RequestRecord, SessionInput, SessionView } from '../ports/index.js';

/** Bounds that keep one huge session from making classification slow. */
export const MAX_INPUTS_PER_SESSION = 1000;
export const MAX_INPUT_LENGTH = 4096;
/**
 * Characters of input kept in a session's `reqBodiesData`. Without a bound, one session could store
 * 4 MB there (every input in full), and the verdicts of sessions closing together are written in
 * one go on the event loop; the requests themselves keep every input.
 */
export const MAX_STORED_INPUT_CHARS = 64 * 1024;
/** The `reqBodiesData` entry that says how many inputs did not fit. */
export const NOT_KEPT_FIELD = '(not kept)';

function flatten(value: unknown, prefix: string, out: SessionInput[]): void {
  if (out.length >= MAX_INPUTS_PER_SESSION || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    const text = String(value);
    if (text.length > 0) out.push({ field: prefix || '_body', value: text.slice(0, MAX_INPUT_LENGTH) });
  }
}

function queryInputs(query: string, out: SessionInput[]): void {
  if (!query) return;
  for (const part of query.split('&')) {
    if (out.length >= MAX_INPUTS_PER_SESSION) return;
    const eq = part.indexOf('=');
    // Values stay URL-encoded: the text normaliser decodes (repeatedly), so encoded attacks are seen as such.
    const field = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (value) out.push({ field: `?${field}`, value: value.slice(0, MAX_INPUT_LENGTH) });
    else if (field) out.push({ field: '?', value: field.slice(0, MAX_INPUT_LENGTH) });
  }
}

/** A request's text inputs: its query values (fields prefixed with `?`) and its flattened body. */
export function requestInputs(record: RequestRecord, out: SessionInput[] = []): SessionInput[] {
  queryInputs(record.query, out);
  flatten(record.body, '', out);
  return out;
}

/** Every text input of a session, in request order, bounded by MAX_INPUTS_PER_SESSION. */
export function sessionInputs(requests: readonly RequestRecord[]): SessionInput[] {
  const out: SessionInput[] = [];
  for (const record of requests) {
    if (out.length >= MAX_INPUTS_PER_SESSION) break;
    requestInputs(record, out);
  }
  return out;
}

/**
 * The older tool's `reqBodiesData`: flattened field → value. A field seen again with another
 * value gets a `#n` suffix so nothing is overwritten. Values are kept, in order, while they fit
 * in `maxChars` characters in all; the entry `(not kept)` counts the inputs that did not.
 */
export function inputsByField(inputs: readonly SessionInput[], maxChars = MAX_STORED_INPUT_CHARS): Record<string, string> {
  // No prototype: a field named `__proto__` is just a field.
  const byField: Record<string, string> = Object.create(null);
  const seen = new Map<string, number>();
  let chars = 0;
  let notKept = 0;
  for (const { field, value } of inputs) {
    if (byField[field] === value) continue;
    if (chars + value.length > maxChars) {
      notKept++;
      continue;
    }
    chars += value.length;
    if (!Object.hasOwn(byField, field)) {
      byField[field] = value;
      continue;
    }
    const n = (seen.get(field) ?? 1) + 1;
    seen.set(field, n);
    byField[`${field}#${n}`] = value;
  }
  if (notKept > 0) byField[NOT_KEPT_FIELD] = `${notKept} more input${notKept === 1 ? '' : 's'} past ${maxChars} characters; the session's requests hold them all`;
  return byField;
}

/** Builds the view every extractor and classifier shares; the inputs are flattened once here. */
export function sessionView(sessionID: string, clientIP: string, requests: readonly RequestRecord[]): SessionView {
  return { sessionID, clientIP, requests, inputs: sessionInputs(requests) };
}
